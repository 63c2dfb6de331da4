// The state of one future at a cursor: what the timeline colours and the lane's accessible name says.
import type { Future, Journal, JournalEvent } from '../../model';
import { futureStartIndex } from '../../run/future-order';

export { futureStartIndex };

export type FutureState = 'not-started' | 'pending' | 'completed-success' | 'failed-terminal' | 'transient-retrying';

export const futureStateText: Record<FutureState, string> = {
  'not-started': 'not started',
  pending: 'pending',
  'completed-success': 'completed',
  'failed-terminal': 'failed (terminal)',
  'transient-retrying': 'retrying after a transient error',
};

/** Transient errors per command index, with the entry count after which each was recorded. */
export type TransientIndex = Map<number, number[]>;

export function indexTransientErrors(events: readonly JournalEvent[]): TransientIndex {
  const byCommand: TransientIndex = new Map();
  for (const e of events) {
    if (e.type !== 'TransientError' || e.relatedCommandIndex === undefined) continue;
    const list = byCommand.get(e.relatedCommandIndex) ?? [];
    list.push(e.afterEntryIndex);
    byCommand.set(e.relatedCommandIndex, list);
  }
  return byCommand;
}

/**
 * State at cursor k (entries 0..k-1 appended). A started future whose completion is not yet appended is pending,
 * or retrying when a transient error about its command was recorded after an appended entry.
 * `afterJournalEntryIndex` = the last entry index present when the error happened (sys_journal_events).
 */
export function futureStateAt(f: Future, cursor: number, transient: TransientIndex): FutureState {
  if (futureStartIndex(f) >= cursor) return 'not-started';
  const done = f.completionEntryIndex !== null && f.completionEntryIndex < cursor;
  if (done) return f.result === 'failure' ? 'failed-terminal' : 'completed-success';
  if (f.commandIndex !== null) {
    const errs = transient.get(f.commandIndex);
    if (errs && errs.some((after) => after < cursor)) return 'transient-retrying';
  }
  return 'pending';
}

/** Number of transient errors recorded for this future's command up to the cursor. */
export function transientCountAt(f: Future, cursor: number, transient: TransientIndex): number {
  if (f.commandIndex === null) return 0;
  return (transient.get(f.commandIndex) ?? []).filter((after) => after < cursor).length;
}

/** The failure carried by the future's completing notification, if it failed. */
export function futureFailure(f: Future, journal: Journal): { code: number; message: string } | null {
  if (f.completionEntryIndex === null) return null;
  const e = journal.entries[f.completionEntryIndex];
  if (e && e.kind === 'notification' && e.result.kind === 'failure') return e.result.failure;
  return null;
}
