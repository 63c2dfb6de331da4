// The journal model: what the reader produces and the simulator writes. Types only, no logic.
// Semantics: docs/restate-facts.md §1–2 (protocol V5+ commands and notifications).

/** A decoded payload. `encoding` says how `text` was obtained from the bytes. */
export interface Payload {
  /** 'json': valid JSON (text is the JSON as written); 'text': UTF-8 text; 'hex': binary shown as hex. */
  encoding: 'json' | 'text' | 'hex';
  text: string;
  byteLength: number;
}

export interface Failure {
  code: number;
  message: string;
}

/** The result carried by a notification (or by an Output command). */
export type EntryResult =
  | { kind: 'void' }
  | { kind: 'success'; payload?: Payload }
  | { kind: 'failure'; failure: Failure }
  | { kind: 'invocation-id'; invocationId?: string }
  | { kind: 'state-keys'; keys?: string[] };

export type ResultKind = EntryResult['kind'];

/** Known V5+ command types; readers keep unknown ones as their raw name. */
export type CommandType =
  | 'Input'
  | 'Output'
  | 'GetLazyState'
  | 'GetLazyStateKeys'
  | 'GetEagerState'
  | 'GetEagerStateKeys'
  | 'SetState'
  | 'ClearState'
  | 'ClearAllState'
  | 'GetPromise'
  | 'PeekPromise'
  | 'CompletePromise'
  | 'Sleep'
  | 'Call'
  | 'OneWayCall'
  | 'SendSignal'
  | 'Run'
  | 'AttachInvocation'
  | 'GetInvocationOutput'
  | 'CompleteAwakeable';

/** Target of a Call / OneWayCall, e.g. `Worker/slow` or `Cart/add` with key `k1`. */
export interface CallTarget {
  service: string;
  handler: string;
  key?: string;
}

interface EntryBase {
  /** Position in the journal, from 0 (the Input command). */
  index: number;
  /** Display name of the type: a CommandType, a notification type ('Run', 'Call', 'CallInvocationId', 'Signal', …). */
  type: string;
  /** User-given name ('' when none). */
  name: string;
  /** When the server durably logged the entry (epoch ms), or the simulator's virtual time. Null when unknown. */
  appendedAtMs: number | null;
  /** The original row or record, kept for the inspector's raw view. */
  raw?: unknown;
}

export interface CommandEntry extends EntryBase {
  kind: 'command';
  /** Position among commands only, from 0 (Input). Replay matches commands by this index. */
  commandIndex: number;
  /** Completion ids this command allocated, in order (Call: [invocationIdCompletionId, resultCompletionId]). */
  completionIds: number[];
  /** Call / OneWayCall. */
  target?: CallTarget;
  /** Callee invocation id (Call / OneWayCall / AttachInvocation / GetInvocationOutput) when known. */
  invocationId?: string;
  /** Sleep: wake-up time (epoch ms or virtual ms). */
  wakeUpAtMs?: number;
  /** SendSignal: the signal sent (index 1 = cancel). */
  signal?: { index?: number; name?: string; targetInvocationId?: string };
  /** Input payload / Output result / Run-less results that travel on the command itself. */
  result?: EntryResult;
  /** Promise name, state key, awakeable id… whatever extra the command says, for display. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface NotificationEntry extends EntryBase {
  kind: 'notification';
  /** The completion this notification completes, or undefined for a signal. */
  completionId?: number;
  /** Signal index (1 = CANCEL, 17+ = awakeables) or undefined. */
  signalIndex?: number;
  /** Named signal. */
  signalName?: string;
  result: EntryResult;
}

/** An entry the reader could not interpret (unknown type, old custom entries). Kept, shown as unknown. */
export interface UnknownEntry extends EntryBase {
  kind: 'unknown';
  /** Why it is unknown, for display. */
  reason: string;
  /** Old (V1–V3) combinator entry: journal indexes in completion order, when decodable. */
  combinatorOrder?: number[];
}

export type Entry = CommandEntry | NotificationEntry | UnknownEntry;

/** A lifecycle event from sys_journal_events or the simulator. */
export type JournalEvent =
  | {
      type: 'TransientError';
      afterEntryIndex: number;
      appendedAtMs: number | null;
      code: number;
      message: string;
      stacktrace?: string;
      docCode?: string;
      relatedCommandIndex?: number;
      relatedCommandName?: string;
      relatedCommandType?: string;
    }
  | { type: 'Suspended'; afterEntryIndex: number; appendedAtMs: number | null; awaitingOn?: FutureTree }
  | { type: 'Paused'; afterEntryIndex: number; appendedAtMs: number | null; message?: string }
  | { type: 'Unknown'; afterEntryIndex: number; appendedAtMs: number | null; eventType: string; raw?: unknown };

/** The awaited future tree recorded by the server for a suspended invocation (sys_invocation_status). */
export type FutureTree =
  | { node: 'Single'; completionId?: number; signalIndex?: number; signalName?: string }
  | {
      node: 'FirstCompleted' | 'AllCompleted' | 'FirstSucceededOrAllFailed' | 'AllSucceededOrFirstFailed' | 'Unknown';
      children: FutureTree[];
    };

/** Where the journal came from. */
export type SourceFormat = 'restate-query' | 'restate-sql-json' | 'restate-sql-jsonl' | 'bundle' | 'native';

export interface Journal {
  invocationId: string;
  /** `Service/handler` from sys_invocation (or the simulator), null when the input does not say. */
  target: string | null;
  /** Invocation status (`completed`, `suspended`, `running`, …) from sys_invocation, null when unknown. */
  status: string | null;
  /** 'success' | 'failure' from sys_invocation.completion_result, or derived from the Output command; null when unknown. */
  completionResult?: 'success' | 'failure' | null;
  completionFailure?: string | null;
  /** Protocol/row version: 2 for V5+ rows, 1 for old rows. */
  version: number;
  entries: Entry[];
  events: JournalEvent[];
  /** The awaited tree when the invocation is suspended, if known. */
  awaiting?: FutureTree | null;
  /** The sys_invocation row, for the inspector. */
  invocation?: Record<string, unknown>;
  /** Virtual journals (simulator): times are ms from the start, not epoch. */
  virtualTime?: boolean;
}
