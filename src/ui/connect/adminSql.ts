// The SQL the Connect panel sends to the Restate admin API (`POST /query`), and the bundle it builds from the answers.
// Pure: every literal is validated against a strict pattern first and quoted second, and result rows are spliced as
// the server sent them (partition_key exceeds 2^53: parsing and re-serialising would change its digits).
// The tables and columns are those of `replay-inspector export` (src/cli/commands/export.ts).
import { rowsArrayText, sqlLiteral, sqlTimestamp } from '../../restate-admin/query-text';

export { rowsArrayText, sqlLiteral, sqlTimestamp };
export {
  INVOCATION_ID,
  bundleSql,
  bundleText,
  followSql,
  invocationProgressSql,
  isFinished,
  type BundleParts,
} from '../../restate-admin/follow-sql';
import { INVOCATION_ID, checkedId } from '../../restate-admin/follow-sql';

/** `Service`, `Service/handler` or `Object/key/handler` (the shape of sys_invocation.target). */
const SERVICE = /^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/;
const TARGET = /^[A-Za-z_][A-Za-z0-9_.-]{0,199}\/(?:[^/'"\s\\]{1,200}\/)?[A-Za-z_][A-Za-z0-9_]{0,199}$/;
export const STATUSES = [
  'pending',
  'scheduled',
  'ready',
  'running',
  'paused',
  'backing-off',
  'suspended',
  'completed',
] as const;
export const LIST_LIMIT_MAX = 500;

export interface ListFilter {
  /** '' for every target; a service name; or a full target. */
  target: string;
  /** '' for every status. */
  status: string;
  limit: number;
}

/**
 * Where a page of the list starts: the (modified_at, id) of the last row shown. Keyset paging on the same order the
 * list uses (newest change first, then id) never repeats or skips a row when invocations are created while paging:
 * a new invocation is newer than every row shown, so it sorts before the cursor, never after it.
 */
export interface ListCursor {
  modifiedAt: string;
  id: string;
}

export interface InvocationSummary {
  id: string;
  target: string;
  status: string;
  createdAt: string;
  modifiedAt: string;
  journalSize: number | null;
}

/** Why a target filter is refused, or null when it is usable. */
export function targetFilterProblem(target: string): string | null {
  const t = target.trim();
  if (t === '' || SERVICE.test(t) || TARGET.test(t)) return null;
  return 'Filter by a service (Lab), a handler (Lab/run) or an object handler (Counter/key/bump).';
}

/** The WHERE terms of the filters (validated, then quoted). */
function filterTerms(filter: Pick<ListFilter, 'target' | 'status'>): string[] {
  const where: string[] = [];
  const target = filter.target.trim();
  if (target) {
    if (targetFilterProblem(target)) throw new Error(`invalid target filter: ${target}`);
    where.push(target.includes('/') ? `target = ${sqlLiteral(target)}` : `target_service_name = ${sqlLiteral(target)}`);
  }
  if (filter.status) {
    if (!(STATUSES as readonly string[]).includes(filter.status))
      throw new Error(`invalid status filter: ${filter.status}`);
    where.push(`status = ${sqlLiteral(filter.status)}`);
  }
  return where;
}

/** Rows strictly before (`'<'`, older) or after (`'>'`, newer) a cursor in the list's order. */
function keysetTerm(cursor: ListCursor, direction: '<' | '>'): string {
  const at = sqlTimestamp(cursor.modifiedAt);
  return `(modified_at ${direction} ${at} OR (modified_at = ${at} AND id ${direction} ${checkedId(cursor.id)}))`;
}

const whereText = (terms: string[]) => (terms.length ? ` WHERE ${terms.join(' AND ')}` : '');

/** One page of the list, newest change first; `after`: the last row of the previous page (keyset paging). */
export function listInvocationsSql(filter: ListFilter, after: ListCursor | null = null): string {
  const where = filterTerms(filter);
  if (after) where.push(keysetTerm(after, '<'));
  const limit = Math.max(1, Math.min(LIST_LIMIT_MAX, Math.floor(filter.limit) || 1));
  return (
    'SELECT id, target, status, created_at, modified_at, journal_size FROM sys_invocation' +
    whereText(where) +
    ` ORDER BY modified_at DESC, id DESC LIMIT ${limit}`
  );
}

/** How many invocations match the filters (the "of N" of "Showing 50 of N"). */
export function countInvocationsSql(filter: Pick<ListFilter, 'target' | 'status'>): string {
  return `SELECT count(*) AS n FROM sys_invocation${whereText(filterTerms(filter))}`;
}

/** How many matching invocations were created or changed after the list's first row: shown after a Refresh. */
export function countNewerSql(filter: Pick<ListFilter, 'target' | 'status'>, first: ListCursor): string {
  return `SELECT count(*) AS n FROM sys_invocation${whereText([...filterTerms(filter), keysetTerm(first, '>')])}`;
}

/** The cursor after a row, or null when its time is not one the server printed (then the list cannot go on). */
export function cursorOf(row: InvocationSummary | undefined): ListCursor | null {
  if (!row) return null;
  try {
    sqlTimestamp(row.modifiedAt);
  } catch {
    return null;
  }
  return { modifiedAt: row.modifiedAt, id: row.id };
}

/** A page appended to the rows shown, never showing an id twice (defence in depth: keyset paging does not repeat). */
export function appendPage(
  shown: readonly InvocationSummary[],
  page: readonly InvocationSummary[],
): InvocationSummary[] {
  const seen = new Set(shown.map((r) => r.id));
  return [...shown, ...page.filter((r) => !seen.has(r.id))];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** The list rows, keeping only well-formed ids (an id becomes a SQL literal later). */
export function invocationSummaries(rows: Record<string, unknown>[]): InvocationSummary[] {
  return rows
    .filter((r) => typeof r.id === 'string' && INVOCATION_ID.test(r.id))
    .map((r) => ({
      id: r.id as string,
      target: text(r.target),
      status: text(r.status),
      createdAt: text(r.created_at),
      modifiedAt: text(r.modified_at),
      journalSize: typeof r.journal_size === 'number' ? r.journal_size : null,
    }));
}

/** Delay before the next Follow poll: 1 s, doubled per consecutive error, at most 15 s. */
export function followDelayMs(consecutiveErrors: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.min(4, Math.max(0, consecutiveErrors)));
}

/** Where the cursor goes when Follow brings new entries: at the end it stays at the (new) end, else on its step. */
export function cursorAfterUpdate(cursor: number, total: number, newTotal: number): number {
  return cursor >= total ? newTotal : Math.min(cursor, newTotal);
}
