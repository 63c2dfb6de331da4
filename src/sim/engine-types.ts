// The data an attempt of the engine takes and gives back (split out of engine.ts).
import type { CombinatorKind, CommandEntry, Entry, Failure, FutureTree, Mismatch, RunOutput } from '../model';
import type { Budget } from './budget';
import type { DurableFuture, FutureEngine, LeafInfo } from './future';
import type { JournalWriter } from './journal-writer';
import type { IssuedCommand } from './matching';
import type { RunRetryPolicy } from './scenario';
import type { World } from './world';

/** One pending await of the handler (a `then` on a durable future). */
export interface Waiter {
  future: DurableFuture;
  label: CombinatorKind;
  seq: number;
  runLeaves: DurableFuture[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export type AttemptResult =
  | { end: 'done'; output: RunOutput }
  | { end: 'crash'; atMs: number }
  | {
      end: 'transient';
      atMs: number;
      completionId: number;
      name: string;
      execution: number;
      failures: number;
      message: string;
      /** The run's retry count for this failure (sdk-shared-core `EntryRetryInfo.retry_count`). */
      retryCount: number;
      /** The delay the run's policy asks for; null: the server's invocation policy decides. */
      delayMs: number | null;
    }
  /** The handler threw a non-terminal error: the attempt fails and is retried (sdk-typescript `notify_error`). */
  | { end: 'handler-error'; atMs: number; failure: Failure }
  | { end: 'suspension'; reason: string; awaiting: FutureTree | null }
  | { end: 'mismatch'; mismatch: Mismatch };

export interface EngineSetup {
  attempt: number;
  /** The journal entries (a live writer's array grows while the attempt runs). */
  entries: Entry[];
  /** Commands by command index; those below `recordedCommands` are replayed, not appended. */
  commands: CommandEntry[];
  recordedCommands: number;
  invocationId: string;
  budget: Budget;
  /** Live attempts only. */
  writer?: JournalWriter;
  world?: World;
  /** Retry policy of runs whose behaviour has none (scenario `defaults.runRetry`). */
  runRetryDefault?: RunRetryPolicy;
  /** The server's `retry_count_since_last_stored_entry` in this attempt's StartMessage (default 0). */
  retryCountAtStart?: number;
  /** Replay: compare success payloads (Output value, call parameter); false mirrors `PayloadChecksDisabled`. */
  payloadChecks?: boolean;
}

/**
 * What the handler's `ctx` (context.ts) needs of the engine: issuing commands and allocating ids. The Engine
 * implements it; the context depends on this shape, not on the Engine class, so the two modules do not import
 * each other.
 */
export interface ContextEngine extends FutureEngine {
  readonly setup: EngineSetup;
  readonly calls: DurableFuture[];
  readonly nowMs: number;
  nextCompletionId: number;
  nextSignalIndex: number;
  ensureAlive(): void;
  command(issued: IssuedCommand): { entry: CommandEntry | null; appended: boolean };
  newLeaf(info: LeafInfo): DurableFuture;
}
