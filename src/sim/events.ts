// Simulated world events and their one total order.
import type { EntryResult } from '../model';
import type { NotificationFields } from './journal-writer';

/** A notification the server appends on its own (timer fired, callee finished, awakeable resolved, cancel). */
export interface ServerEvent {
  type: 'server';
  atMs: number;
  /** 0: completion (key = completion id), 1: signal (key = signal index). */
  rank: 0 | 1;
  key: number;
  seq: number;
  notification: NotificationFields;
  /** Replaced by a later event (a cancelled call's result). */
  superseded: boolean;
}

/** A run's execution finishing inside the handler process: lost when that attempt ends. */
export interface RunEvent {
  type: 'run';
  atMs: number;
  rank: 0;
  key: number;
  seq: number;
  attempt: number;
  name: string;
  /** null: this execution fails transiently (the attempt fails). */
  result: EntryResult | null;
  /** The retryable error's message when the run closure threw it. */
  message?: string;
  execution: number;
  /** The run executes in the real SDK (src/sdk-sim): the world only says when it ends and whether it fails. */
  external?: boolean;
}

export type SimEvent = ServerEvent | RunEvent;

/**
 * The total order of events: virtual time, then completions before signals, then completion id / signal index,
 * then creation sequence. Ties at the same virtual time therefore break by completion id (issue 3).
 */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return a.atMs - b.atMs || a.rank - b.rank || a.key - b.key || a.seq - b.seq;
}
