// Derived and simulated views: futures, combinator decisions, attempts, runs. Types only.
import type { Failure, Journal, ResultKind } from './journal';

/**
 * One durable future: a completion id or a signal.
 * id is `c<completionId>` (for a call, its result completion id; the CallInvocationId completion is its own future)
 * or `s<signalIndex>` (awakeables from 17, cancel = s1).
 */
export interface Future {
  id: string;
  completionId?: number;
  signalIndex?: number;
  /** Command index of the command that created it; null for signals without a command. */
  commandIndex: number | null;
  /** Journal index of that command, or of the first notification for signals. */
  entryIndex: number | null;
  /** Command type ('Run', 'Sleep', 'Call', …), 'CallInvocationId', 'Awakeable', 'Cancel' or 'Signal'. */
  kind: string;
  name: string;
  startMs: number | null;
  endMs: number | null;
  /** Journal index of the completing notification, null while pending. */
  completionEntryIndex: number | null;
  result: ResultKind | 'pending';
}

export type CombinatorKind =
  'select' | 'waitCompleted' | 'asCompleted' | 'gather' | 'all' | 'any' | 'race' | 'allSettled' | 'orTimeout' | 'await';

/** One combinator decision, as data (xstate-style: what was decided, not how to draw it). */
export interface Decision {
  combinator: CombinatorKind;
  /** Candidate future ids, argument order. */
  futures: string[];
  /** Completed when the decision was made, argument order. */
  completed: string[];
  /** Still pending, argument order. */
  pending: string[];
  /** The future that decided it (race/select/any winner, the failing future of `all`, the timer of `orTimeout`). */
  winner?: string;
  /** Journal index of the notification that let the decision be made (or of the last command when already decided). */
  entryIndex: number;
  /** Attempt number, from 1. */
  attempt: number;
  /** select: the key of the winner. */
  key?: string;
  /** How the combinator settled. */
  outcome?: 'success' | 'failure';
  /** Optional free text (e.g. "AggregateError: all 3 failed"). */
  note?: string;
  /**
   * The awaited future had already settled (or been cancelled) when it was awaited: decided at once, without
   * waiting. The real SDK decides such an await in JavaScript and never asks its VM (docs/sdk-simulation.md).
   */
  settledBeforeAwait?: true;
}

export type AttemptEnd = 'crash' | 'transient-failure' | 'suspension' | 'done' | 'cancelled' | 'limit';

export interface Attempt {
  /** From 1. */
  attempt: number;
  startMs: number;
  endMs: number;
  end: AttemptEnd;
  /** Human text for why it ended. */
  reason?: string;
  /** Journal length when the attempt started and ended. */
  startEntryIndex: number;
  endEntryIndex: number;
}

export type RunOutput = { value: unknown } | { failure: Failure };

export interface SimRun {
  journal: Journal;
  decisions: Decision[];
  attempts: Attempt[];
  output: RunOutput | null;
  /** Future ids in journal notification order. */
  completionOrder: string[];
  seed: number;
}

export interface Mismatch {
  code: 570;
  commandIndex: number;
  expected: string;
  actual: string;
  message: string;
}

export interface ReplayRun {
  decisions: Decision[];
  output: RunOutput | null;
  mismatch: Mismatch | null;
  /**
   * Non-fatal observations, when there are any: e.g. the handler threw a retryable error (the attempt would fail
   * and be retried), or its Output value differs from the recorded one while payload checks are off.
   */
  notes?: string[];
}
