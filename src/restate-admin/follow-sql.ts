// The SQL Follow sends for one invocation (the app's Connect panel and the CLI's `follow`), and the bundle text the
// answers are spliced into. Pure: only SQL text and rows text, never re-serialised (partition keys exceed 2^53).
// The tables and columns are those of `replay-inspector export` (src/cli/commands/export.ts).
import { sqlLiteral, sqlTimestamp } from './query-text';

export const INVOCATION_ID = /^inv_[A-Za-z0-9]+$/;

/** The id as a SQL literal, after checking it is an invocation id (it goes into the SQL text). */
export function checkedId(id: string): string {
  if (!INVOCATION_ID.test(id)) throw new Error(`not an invocation id: ${id}`);
  return sqlLiteral(id);
}

/** What changes while an invocation runs: polled by Follow before it fetches what is new. */
export function invocationProgressSql(id: string): string {
  return `SELECT id, status, modified_at, journal_size FROM sys_invocation WHERE id = ${checkedId(id)}`;
}

/** The four queries of one invocation's bundle (same tables and order as `replay-inspector export`). */
export function bundleSql(id: string): {
  sys_invocation: string;
  sys_journal: string;
  sys_journal_events: string;
  sys_invocation_status: string;
} {
  const lit = checkedId(id);
  return {
    sys_invocation: `SELECT * FROM sys_invocation WHERE id = ${lit}`,
    sys_journal: `SELECT * FROM sys_journal WHERE id = ${lit} ORDER BY index`,
    sys_journal_events: `SELECT * FROM sys_journal_events WHERE id = ${lit} ORDER BY after_journal_entry_index, appended_at`,
    sys_invocation_status:
      'SELECT id, status, suspended_waiting_for_completions, suspended_waiting_for_signals, suspended_waiting_future_json ' +
      `FROM sys_invocation_status WHERE id = ${lit}`,
  };
}

/**
 * What Follow asks for when the invocation changed: the journal rows from the last one shown on (that row overlaps,
 * to notice a rewritten journal), and the events appended from the latest one held on (same millisecond included:
 * several events can share one). sys_invocation and sys_invocation_status are asked for whole (one row each).
 * `limit`: at most that many journal rows (the CLI's follow pages a huge journal; at least 2: one overlaps).
 */
export function followSql(
  id: string,
  fromIndex: number,
  eventsSince: string | null,
  limit?: number,
): { sys_journal: string; sys_journal_events: string } {
  if (!Number.isSafeInteger(fromIndex) || fromIndex < 0) throw new Error(`not a journal index: ${fromIndex}`);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 2)) throw new Error(`not a page size: ${limit}`);
  const lit = checkedId(id);
  return {
    sys_journal:
      `SELECT * FROM sys_journal WHERE id = ${lit} AND index >= ${fromIndex} ORDER BY index` +
      (limit === undefined ? '' : ` LIMIT ${limit}`),
    sys_journal_events:
      `SELECT * FROM sys_journal_events WHERE id = ${lit}` +
      (eventsSince === null ? '' : ` AND appended_at >= ${sqlTimestamp(eventsSince)}`) +
      ' ORDER BY after_journal_entry_index, appended_at',
  };
}

export interface BundleParts {
  sys_invocation: string;
  sys_journal: string;
  sys_journal_events: string;
  sys_invocation_status: string;
}

/** A bundle file (src/model/files.ts, BundleFile) from the rows texts of the four queries, spliced verbatim. */
export function bundleText(parts: BundleParts, source: { admin: string; query: string }): string {
  return (
    `{"format":"replay-inspector/bundle","version":1,\n"source":${JSON.stringify(source)},\n` +
    `"sys_journal":${parts.sys_journal},\n"sys_journal_events":${parts.sys_journal_events},\n` +
    `"sys_invocation":${parts.sys_invocation},\n"sys_invocation_status":${parts.sys_invocation_status}}\n`
  );
}

/** Follow stops once the invocation is completed: nothing more will be appended. */
export function isFinished(status: string): boolean {
  return status === 'completed';
}
