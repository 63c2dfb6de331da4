// Follow: polls the followed invocation every second and, when it changed, appends what is new to the run on screen.
// Each update asks only for the journal rows from the last one shown on, the events since the latest held, and the
// invocation's two status rows; the journal reader reads them and restate-admin/journal-merge.ts appends them (futures re-derived).
// When the server's journal no longer continues the shown one (shorter, or the overlapping row differs), it is read
// again in full, once, and the follow chip says so.
import type { LoadedRun } from '../../run/loaded-run';
import { carryRawSource } from '../engine/rawRows';
import { loadedRun } from '../../run/recipe';
import { session } from '../session/appSession';
import { persistence } from '../session/persistence';
import { useStore } from '../store/store';
import { AdminError, adminQuery, type ServeConfig } from './adminClient';
import { bundleSql, bundleText, cursorAfterUpdate, followSql, invocationProgressSql, rowsArrayText } from './adminSql';
import { fetchBundle, fileNameOf, type FetchedBundle } from './bundleFetch';
import { useConnect, type FollowNote, type FollowState } from './connectStore';
import { createFollowLoop, type FollowLoop } from './followLoop';
import {
  heldAfterUpdate,
  holdRows,
  joinRowTexts,
  mergeEvents,
  rowTexts,
  type HeldRows,
} from '../../restate-admin/follow-rows';
import { mergeTail, mergeWarnings } from '../../restate-admin/journal-merge';

interface Followed {
  config: ServeConfig;
  id: string;
  fileName: string;
  held: HeldRows;
  /** sys_invocation.modified_at and journal_size when last read: a change in either means something to fetch. */
  modifiedAt: string;
  journalSize: number | null;
}

/** The running follow loop (followLoop.ts); following another invocation or stopping ends it. */
let loop: FollowLoop | null = null;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const orEmpty = (e: unknown) =>
  e instanceof AdminError && e.httpStatus !== 502 ? { text: '{"rows":[]}', rows: [] } : Promise.reject(e);
const sizeOf = (row: Record<string, unknown>) => (typeof row.journal_size === 'number' ? row.journal_size : null);

/** Characters as a short size (the answers are JSON text: characters ≈ bytes). */
export function sizeText(chars: number): string {
  return chars < 1000
    ? `${chars} B`
    : chars < 1_000_000
      ? `${(chars / 1000).toFixed(1)} kB`
      : `${(chars / 1_000_000).toFixed(1)} MB`;
}

function isFollowedRunLoaded(fileName: string): boolean {
  const source = useStore.getState().run?.source;
  return source?.kind === 'file' && source.names.length === 1 && source.names[0] === fileName;
}

function patch(id: string, p: Partial<FollowState>): void {
  const follow = useConnect.getState().follow;
  if (follow && follow.id === id) useConnect.getState().set({ follow: { ...follow, ...p } });
}

export function stopFollowing(): void {
  loop?.stop();
  loop = null;
  const follow = useConnect.getState().follow;
  if (follow?.active) useConnect.getState().set({ follow: { ...follow, active: false, error: null } });
}

/** Starts following an invocation just opened from `opened` (its rows are held, so the first update is incremental). */
export function startFollowing(config: ServeConfig, id: string, opened: FetchedBundle, status: string): void {
  loop?.stop();
  const fileName = fileNameOf(id);
  useConnect.getState().set({ follow: { id, fileName, status, error: null, active: true, note: null }, open: false });
  const state: Followed = {
    config,
    id,
    fileName,
    held: holdRows(opened.journalRows, opened.eventRows),
    modifiedAt: String(opened.invocation.modified_at ?? ''),
    journalSize: sizeOf(opened.invocation),
  };
  let mine: FollowLoop | null = null;
  const live = () => loop === mine && isFollowedRunLoaded(fileName);
  mine = createFollowLoop(
    { modifiedAt: state.modifiedAt, journalSize: state.journalSize },
    {
      async poll() {
        const { rows } = await adminQuery(config, invocationProgressSql(id));
        const row = rows[0];
        if (!row) return null;
        return {
          status: String(row.status ?? ''),
          modifiedAt: String(row.modified_at ?? ''),
          journalSize: sizeOf(row),
        };
      },
      update: (size) => update(state, size, live),
      runShown: () => isFollowedRunLoaded(fileName),
      patch: (p) => patch(id, p),
      stopFollowing,
      goneMessage: `${id} is no longer on the server.`,
    },
    { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
  );
  loop = mine;
}

/**
 * Appends what the server added since the last update; reads it all again when that is not possible. Returns the
 * chip's note, or undefined when the run on screen changed while the rows were on their way (nothing applied).
 */
async function update(
  state: Followed,
  serverSize: number | null,
  live: () => boolean,
): Promise<FollowNote | null | undefined> {
  const shown = useStore.getState().run;
  if (!shown) return undefined;
  const count = shown.journal.entries.length;
  if (serverSize !== null && serverSize < count)
    return fullRead(state, `the server's journal has ${serverSize} entries, fewer than the ${count} shown`, 0, live);
  const sql = followSql(state.id, Math.max(0, count - 1), state.held.eventsSince);
  const whole = bundleSql(state.id);
  const [invocation, tail, events, status] = await Promise.all([
    adminQuery(state.config, whole.sys_invocation),
    adminQuery(state.config, sql.sys_journal),
    adminQuery(state.config, sql.sys_journal_events).catch(orEmpty),
    adminQuery(state.config, whole.sys_invocation_status).catch(orEmpty),
  ]);
  const chars = invocation.text.length + tail.text.length + events.text.length + status.text.length;
  if (invocation.rows.length === 0) throw new AdminError(`${state.id} is no longer on the server.`, 404);
  const tailRows = rowTexts(rowsArrayText(tail.text));
  if (tailRows.length === 0)
    return fullRead(state, `the server's journal no longer has entry ${count - 1}`, chars, live);
  const eventRows = mergeEvents(state.held.events, rowTexts(rowsArrayText(events.text)));
  const partial = bundleText(
    {
      sys_invocation: rowsArrayText(invocation.text),
      sys_journal: joinRowTexts(tailRows),
      sys_journal_events: joinRowTexts(eventRows),
      sys_invocation_status: rowsArrayText(status.text),
    },
    { admin: state.config.admin, query: `id = '${state.id}' AND index >= ${count - 1}` },
  );
  // A few rows: read on the page (the reader's chunk is loaded once, as for share links), not in a Worker.
  const reader = await import('../../journal-reader');
  let read: ReturnType<typeof reader.readJournals>;
  try {
    read = reader.readJournals(partial, { fileName: state.fileName });
  } catch (error) {
    return fullRead(state, `the new rows could not be read on their own (${errorText(error)})`, chars, live);
  }
  const merged = mergeTail(shown.journal, read.journals[0]);
  if (merged.kind === 'reread') return fullRead(state, merged.reason, chars, live);
  if (!live() || useStore.getState().run !== shown) return undefined;
  const run: LoadedRun = {
    ...shown,
    journal: merged.journal,
    futures: reader.deriveFutures(merged.journal),
    warnings: mergeWarnings(shown.warnings, read.warnings),
  };
  state.held = heldAfterUpdate(state.held, tailRows, eventRows);
  const invocationRows = rowsArrayText(invocation.text);
  const statusRows = rowsArrayText(status.text);
  const held = state.held;
  applyUpdate(
    run,
    state.fileName,
    () =>
      bundleText(
        {
          sys_invocation: invocationRows,
          sys_journal: held.journal,
          sys_journal_events: joinRowTexts(held.events),
          sys_invocation_status: statusRows,
        },
        { admin: state.config.admin, query: `id = '${state.id}'` },
      ),
    shown.journal,
  );
  const entries = merged.added === 1 ? '1 entry' : `${merged.added} entries`;
  return {
    short: merged.added ? `+${merged.added}` : '',
    detail: `${merged.added ? `${entries} appended` : 'no new entries'} (${sizeText(chars)} fetched)`,
  };
}

/** The whole bundle again, through the Worker like Open. `reason` says why, in the follow chip. */
async function fullRead(
  state: Followed,
  reason: string,
  charsSoFar: number,
  live: () => boolean,
): Promise<FollowNote | undefined> {
  const bundle = await fetchBundle(state.config, state.id);
  const run = await session.make({ source: { kind: 'journal', text: bundle.text, fileName: state.fileName } });
  if (!live()) return undefined;
  state.held = holdRows(bundle.journalRows, bundle.eventRows);
  applyUpdate(run, state.fileName, () => bundle.text);
  return {
    short: 'read again in full',
    detail: `Read again in full (${sizeText(charsSoFar + bundle.chars)} fetched): ${reason}.`,
  };
}

/**
 * Shows the newer journal keeping the selection, the zoom, and the cursor on its step (or at the end if it was there).
 * `appendedTo`: the journal `run` extends (its entries' raw rows stay in the Worker that read them; new ones carry theirs).
 */
function applyUpdate(run: LoadedRun, fileName: string, bundle: () => string, appendedTo?: LoadedRun['journal']): void {
  const s = useStore.getState();
  const total = s.model?.steps.total ?? 0;
  const before = s.run?.journal;
  const same =
    before &&
    run.journal.entries.length === before.entries.length &&
    run.journal.events.length === before.events.length &&
    run.journal.status === before.status &&
    JSON.stringify(run.journal.awaiting ?? null) === JSON.stringify(before.awaiting ?? null);
  if (same) return;
  const cursor = cursorAfterUpdate(s.cursor, total, run.journal.entries.length);
  const zoom = s.window;
  if (appendedTo) carryRawSource(appendedTo, run.journal);
  // The journal grows past any text it was first read from: from now on the run is the file this tab keeps.
  s.setRun(loadedRun(run, { source: { kind: 'kept-files', names: [fileName] } }), { cursor, selection: s.selection });
  // setRun resets the timeline zoom for a new run; this is the same run grown longer, so the zoom stays.
  if (zoom) useStore.getState().setWindow(zoom);
  // Any size is tried (the storage refuses what it cannot hold): a reload then shows the journal as first opened.
  persistence.keepFiles([{ name: fileName, text: bundle() }], Infinity);
}
