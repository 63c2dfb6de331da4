// Effects of the Connect panel: list invocations (paged), open one as a bundle through the reader, follow it (follow.ts).
import { openFiles } from '../source/loaders';
import { adminQuery, serveConfig, type ServeConfig } from './adminClient';
import {
  appendPage,
  countInvocationsSql,
  countNewerSql,
  cursorOf,
  invocationSummaries,
  isFinished,
  listInvocationsSql,
  targetFilterProblem,
  type ListCursor,
} from './adminSql';
import { fetchBundle, fileNameOf } from './bundleFetch';
import { latestTask } from '../session/latestTask';
import { useConnect } from './connectStore';
import { startFollowing, stopFollowing } from './follow';

export { stopFollowing };

/** Rows per page of the list. */
export const PAGE_SIZE = 50;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function ensureConfig(): Promise<ServeConfig | null> {
  const state = useConnect.getState();
  if (state.config.kind === 'present') return state.config.config;
  if (state.config.kind === 'absent') return null;
  const config = await serveConfig();
  useConnect.getState().set({ config: config ? { kind: 'present', config } : { kind: 'absent' } });
  return config;
}

export async function refreshList(): Promise<void> {
  const config = await ensureConfig();
  if (!config) return;
  const { targetFilter, statusFilter, set } = useConnect.getState();
  const problem = targetFilterProblem(targetFilter);
  if (problem) {
    set({ error: problem });
    return;
  }
  await fetchPage(config, { target: targetFilter.trim(), status: statusFilter }, null);
}

/** The next page of the list, with the filters the list was asked with (not what is typed since). */
export async function loadMoreInvocations(): Promise<void> {
  const config = await ensureConfig();
  const { paging, invocations, listLoading } = useConnect.getState();
  if (!config || !paging?.next || !invocations || listLoading) return;
  await fetchPage(config, paging, paging.next);
}

/** The page of invocations being listed: a newer request drops an older one's answer. */
const listing = latestTask();

async function fetchPage(
  config: ServeConfig,
  filter: { target: string; status: string },
  after: ListCursor | null,
): Promise<void> {
  const mine = listing.start();
  const { set } = useConnect.getState();
  set({ listLoading: true });
  try {
    const first = after ? useConnect.getState().invocations?.[0] : undefined;
    const firstCursor = cursorOf(first);
    // One more row than shown says whether there is a next page without a second query.
    const [page, count, newer] = await Promise.all([
      adminQuery(config, listInvocationsSql({ ...filter, limit: PAGE_SIZE + 1 }, after)),
      adminQuery(config, countInvocationsSql(filter)),
      firstCursor ? adminQuery(config, countNewerSql(filter, firstCursor)) : Promise.resolve(null),
    ]);
    if (!mine.isCurrent()) return;
    const rows = invocationSummaries(page.rows);
    const shown = rows.slice(0, PAGE_SIZE);
    const invocations = after ? appendPage(useConnect.getState().invocations ?? [], shown) : shown;
    const next = rows.length > PAGE_SIZE ? cursorOf(shown.at(-1)) : null;
    set({
      invocations,
      paging: { ...filter, next, total: countOf(count.rows), newer: newer ? (countOf(newer.rows) ?? 0) : 0 },
      error: null,
      listLoading: false,
    });
  } catch (error) {
    if (mine.isCurrent()) set({ error: errorText(error), listLoading: false });
  }
}

function countOf(rows: Record<string, unknown>[]): number | null {
  const n = rows[0]?.n;
  return typeof n === 'number' ? n : null;
}

/** Opens one invocation through the usual reader path (as if its bundle file had been opened). */
export async function openInvocation(id: string, options: { follow: boolean }): Promise<boolean> {
  const config = await ensureConfig();
  if (!config) return false;
  stopFollowing();
  const { set } = useConnect.getState();
  set({ opening: id, error: null });
  try {
    const bundle = await fetchBundle(config, id);
    const run = await openFiles([{ name: fileNameOf(id), text: bundle.text }]);
    set({ opening: null });
    if (!run) return false;
    const status = run.journal.status ?? '';
    if (options.follow && !isFinished(status)) startFollowing(config, id, bundle, status);
    else set({ open: false });
    return true;
  } catch (error) {
    set({ opening: null, error: errorText(error) });
    return false;
  }
}
