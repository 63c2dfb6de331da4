// The headless CI summary of huge journals (`replay-inspector scan`), computed over typed-array columns
// (columns.ts): counts, futures by kind and by result, what is still pending, and the time span. One small object per
// invocation whatever its size, so a 1,000,000-entry journal prints a few lines. Deterministic: no clock.
import type { EntryColumns, Journal } from '../model';
import { completionOrderFromColumns, deriveFuturesFromColumns, toColumns } from './columns';
import { toIso } from './time';

export interface ColumnStats {
  invocationId: string;
  target: string | null;
  status: string | null;
  outcome: 'success' | 'failure' | null;
  entries: number;
  commands: number;
  notifications: number;
  unknown: number;
  futures: number;
  /** Futures by kind ('Run', 'Sleep', 'Call', …), keys in order of first appearance. */
  futuresByKind: Record<string, number>;
  /** Futures by result ('success', 'failure', …, 'pending'). */
  futuresByResult: Record<string, number>;
  /** The first pending future ids (at most `pendingShown`), in journal order. */
  pending: string[];
  /** Notifications that completed a future, in journal order: how many. */
  completions: number;
  firstAppendedAt: string | null;
  lastAppendedAt: string | null;
}

export function columnStats(journal: Journal, columns: EntryColumns = toColumns(journal.entries), pendingShown = 20) {
  let commands = 0;
  let notifications = 0;
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < columns.length; i++) {
    if (columns.kind[i] === 0) commands++;
    else if (columns.kind[i] === 1) notifications++;
    const at = columns.appendedAtMs[i];
    if (!Number.isNaN(at)) {
      if (Number.isNaN(first) || at < first) first = at;
      if (Number.isNaN(last) || at > last) last = at;
    }
  }
  const futures = deriveFuturesFromColumns(columns);
  const byKind: Record<string, number> = {};
  const byResult: Record<string, number> = {};
  const pending: string[] = [];
  for (const future of futures) {
    byKind[future.kind] = (byKind[future.kind] ?? 0) + 1;
    byResult[future.result] = (byResult[future.result] ?? 0) + 1;
    if (future.result === 'pending' && pending.length < pendingShown) pending.push(future.id);
  }
  const stats: ColumnStats = {
    invocationId: journal.invocationId,
    target: journal.target ?? null,
    status: journal.status ?? null,
    outcome: journal.completionResult ?? null,
    entries: columns.length,
    commands,
    notifications,
    unknown: columns.length - commands - notifications,
    futures: futures.length,
    futuresByKind: byKind,
    futuresByResult: byResult,
    pending,
    completions: completionOrderFromColumns(columns).length,
    firstAppendedAt: Number.isNaN(first) ? null : toIso(first),
    lastAppendedAt: Number.isNaN(last) ? null : toIso(last),
  };
  return stats;
}
