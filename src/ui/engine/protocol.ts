// Messages between the page and the engine Worker (reading journals, simulating and replaying scenarios).
// Everything crossing the boundary is plain data (structured clone), so the Worker can be terminated at any time.
import type { Journal, ReaderErrorInfo } from '../../model';
import type { RunResult } from '../../run/loaded-run';
import type { ResultPart } from './transfer';
import type { PartialRun } from './partialRead';

export type { SdkReplayView } from '../../run/loaded-run';

import type { ProtocolRow } from '../../run/protocol-rows';
export type { ProtocolRow } from '../../run/protocol-rows';

export type EngineJob =
  /** Files as text (reload, URL), as bytes, or as the picked File itself (read as a stream in the Worker, so a
   *  460 MB export is never one string); limits: the user's. */
  | {
      type: 'read';
      files: ({ name: string; text: string } | { name: string; bytes: Uint8Array } | { name: string; file: Blob })[];
      limits?: { maxBytes: number; maxChars: number; maxEntries: number };
      /** Post a partial run of a large picked file's first rows before the full one (partialRead.ts). */
      partial?: boolean;
    }
  /** seed / crashes null: the scenario's own defaults (e.g. the crash of a crash-and-replay lesson). */
  | {
      type: 'simulate';
      source: string;
      scenarioLabel: string;
      seed: number | null;
      crashes: number[] | null;
      stepsMax: number;
      cancelAtMs?: number | null;
    }
  | { type: 'replay'; source: string; scenarioLabel: string; journal: Journal }
  /** The loaded real journal replayed by the real SDK running the user's handler code (docs/sdk-replay.md). */
  | {
      type: 'sdk-replay';
      source: string;
      handlerLabel: string;
      target: string;
      journal: Journal;
      protocolRows: ProtocolRow[];
    }
  /** Real handler code simulated by the real SDK behind our simulated Restate server (src/sdk-sim). */
  | {
      type: 'sdk-simulate';
      source: string;
      handlerLabel: string;
      /** `Service/handler` when the code defines more than one handler; null: its only one. */
      target: string | null;
      seed: number | null;
      crashes: number[] | null;
      cancelAtMs: number | null;
      stepsMax: number;
      /** `../x` imports of built-in examples (our API) the code spreads its world from → their sources. */
      companions?: Record<string, string>;
      /** The handler's input (a JSON value), over the one the code's defineSdkScenario gives; absent: that one. */
      input?: { value: unknown };
    };

/** An error as the UI shows it: a stable code, where, and what to do. */
export interface EngineError extends ReaderErrorInfo {
  /** 'reader' | 'scenario' | 'limit' | 'engine' */
  origin: string;
}

export type EngineMessage =
  | { type: 'progress'; fraction: number; label?: string }
  /** The first rows of a large file while the rest still reads; 'done' (or 'error') follows (partialRead.ts). */
  | ({ type: 'partial' } & PartialRun)
  /** A chunk of the result's entries or futures, sent before 'done' (transfer.ts). */
  | ResultPart
  /** timings: when the Worker reached each phase (epoch ms, loadMarks.ts). */
  | { type: 'done'; result: RunResult; timings?: Record<string, number> }
  | { type: 'error'; error: EngineError };
