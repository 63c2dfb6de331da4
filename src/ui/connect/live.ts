// Effects of the Connect panel: list invocations, open one as a bundle through the reader, follow it while it runs.
import { READ_TIME_LIMIT_MS, runEngineJob } from '../engine/engineClient';
import { openFiles } from '../source/loaders';
import { useStore } from '../store/store';
import { AdminError, adminQuery, serveConfig, type ServeConfig } from './adminClient';
import {
  appendPage, bundleSql, bundleText, countInvocationsSql, countNewerSql, cursorAfterUpdate, cursorOf, followDelayMs, invocationProgressSql,
  invocationSummaries, isFinished, listInvocationsSql, rowsArrayText, targetFilterProblem, type ListCursor,
} from './adminSql';
import { useConnect } from './connectStore';

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

let listGeneration = 0;

async function fetchPage(config: ServeConfig, filter: { target: string; status: string }, after: ListCursor | null): Promise<void> {
  const mine = ++listGeneration;
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
    if (mine !== listGeneration) return;
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
    if (mine === listGeneration) set({ error: errorText(error), listLoading: false });
  }
}

function countOf(rows: Record<string, unknown>[]): number | null {
  const n = rows[0]?.n;
  return typeof n === 'number' ? n : null;
}

/** The invocation's bundle text: four queries, their rows spliced verbatim. */
async function fetchBundle(config: ServeConfig, id: string): Promise<string> {
  const sql = bundleSql(id);
  const [invocation, journal, events, status] = await Promise.all([
    adminQuery(config, sql.sys_invocation),
    adminQuery(config, sql.sys_journal),
    // Older servers may lack these tables: the journal alone still reads.
    adminQuery(config, sql.sys_journal_events).catch((e: unknown) => (e instanceof AdminError && e.httpStatus !== 502 ? { text: '{"rows":[]}' } : Promise.reject(e))),
    adminQuery(config, sql.sys_invocation_status).catch((e: unknown) => (e instanceof AdminError && e.httpStatus !== 502 ? { text: '{"rows":[]}' } : Promise.reject(e))),
  ]);
  if (invocation.rows.length === 0) throw new AdminError(`There is no invocation ${id} on ${config.admin} (any more).`, 404);
  return bundleText(
    {
      sys_invocation: rowsArrayText(invocation.text),
      sys_journal: rowsArrayText(journal.text),
      sys_journal_events: rowsArrayText(events.text),
      sys_invocation_status: rowsArrayText(status.text),
    },
    { admin: config.admin, query: `id = '${id}'` },
  );
}

const fileNameOf = (id: string) => `${id}.bundle.json`;

/** Opens one invocation through the usual reader path (as if its bundle file had been opened). */
export async function openInvocation(id: string, options: { follow: boolean }): Promise<boolean> {
  const config = await ensureConfig();
  if (!config) return false;
  stopFollowing();
  const { set } = useConnect.getState();
  set({ opening: id, error: null });
  try {
    const text = await fetchBundle(config, id);
    const run = await openFiles([{ name: fileNameOf(id), text }]);
    set({ opening: null });
    if (!run) return false;
    const status = run.journal.status ?? '';
    if (options.follow && !isFinished(status)) startFollowing(config, id, status);
    else set({ open: false });
    return true;
  } catch (error) {
    set({ opening: null, error: errorText(error) });
    return false;
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

function isFollowedRunLoaded(fileName: string): boolean {
  const source = useStore.getState().run?.source;
  return source?.kind === 'file' && source.names.length === 1 && source.names[0] === fileName;
}

export function stopFollowing(): void {
  generation++;
  if (timer) clearTimeout(timer);
  timer = null;
  const follow = useConnect.getState().follow;
  if (follow?.active) useConnect.getState().set({ follow: { ...follow, active: false, error: null } });
}

function startFollowing(config: ServeConfig, id: string, status: string): void {
  const mine = ++generation;
  const fileName = fileNameOf(id);
  useConnect.getState().set({ follow: { id, fileName, status, error: null, active: true, note: null }, open: false });
  let lastModified: string | null = null;
  let errors = 0;
  const patch = (p: Partial<{ status: string; error: string | null; active: boolean }>) => {
    const follow = useConnect.getState().follow;
    if (follow && follow.id === id) useConnect.getState().set({ follow: { ...follow, ...p } });
  };
  const tick = async () => {
    if (mine !== generation) return;
    if (!isFollowedRunLoaded(fileName)) return stopFollowing(); // the user opened something else
    try {
      const { rows } = await adminQuery(config, invocationProgressSql(id));
      if (mine !== generation) return;
      const row = rows[0];
      if (!row) throw new AdminError(`${id} is no longer on the server.`, 404);
      const nowStatus = String(row.status ?? '');
      const modified = String(row.modified_at ?? '');
      if (modified !== lastModified) {
        const text = await fetchBundle(config, id);
        const result = await runEngineJob({ type: 'read', files: [{ name: fileName, text }] }, { timeoutMs: READ_TIME_LIMIT_MS }).promise;
        if (mine !== generation || !isFollowedRunLoaded(fileName)) return;
        applyUpdate({ ...result, source: { kind: 'file', names: [fileName] } }, fileName, text);
        lastModified = modified;
      }
      errors = 0;
      patch({ status: nowStatus, error: null });
      if (isFinished(nowStatus)) {
        patch({ active: false });
        generation++;
        return;
      }
    } catch (error) {
      if (mine !== generation) return;
      errors++;
      patch({ error: `${errorText(error)} Retrying in ${followDelayMs(errors) / 1000} s.` });
    }
    timer = setTimeout(() => void tick(), followDelayMs(errors));
  };
  lastModified = null;
  timer = setTimeout(() => void tick(), followDelayMs(0));
}

/** Shows the newer journal keeping the selection, and the cursor on its step (or at the end if it was there). */
function applyUpdate(run: Parameters<ReturnType<typeof useStore.getState>['setRun']>[0], fileName: string, text: string): void {
  const s = useStore.getState();
  const total = s.model?.steps.total ?? 0;
  const same = run.journal.entries.length === total && run.journal.events.length === s.run?.journal.events.length && s.run?.journal.status === run.journal.status;
  if (same) return;
  const cursor = cursorAfterUpdate(s.cursor, total, run.journal.entries.length);
  const zoom = s.window;
  s.setRun(run, { cursor, selection: s.selection });
  // setRun resets the timeline zoom for a new run; this is the same run grown longer, so the zoom stays.
  if (zoom) useStore.getState().setWindow(zoom);
  try {
    sessionStorage.setItem('replay-inspector:files', JSON.stringify([{ name: fileName, text }]));
  } catch {
    // Too big or disabled: a reload then shows the journal as first opened.
  }
}
