// Turns the VM trace of one replay into the Decision records the timeline, stepper and graph show.
// An await is a run of do_progress calls whose trees only shrink (the SDK drops settled children, see
// @restatedev/restate-sdk dist/promises.js CombinatorRestatePromise.unresolvedFuture); a tree with a handle the
// current await did not have starts the next one.
import type { CombinatorKind, Decision, Journal } from '../model';
import { notificationFutureId } from '../model/future-ids';
import type { HandleInfo, TraceEvent, UnresolvedFuture } from './vm-trace';

const COMBINATORS: Record<string, CombinatorKind> = {
  FirstCompleted: 'race',
  AllSucceededOrFirstFailed: 'all',
  FirstSucceededOrAllFailed: 'any',
  AllCompleted: 'allSettled',
};

interface OpenAwait {
  combinator: CombinatorKind;
  handles: number[];
  resolved: number[];
  /** do_progress answered CancelSignalReceived: the cancellation signal (s1) ended this await. */
  cancelled: boolean;
}

const CANCEL_FUTURE = 's1';

/** Future id of each handle the trace created: `c<completionId>` from the journal's command, `s<n>` for awakeables. */
export function futureIdsOfHandles(events: TraceEvent[], journal: Journal): Map<number, string> {
  const commands = journal.entries.filter((e) => e.kind === 'command');
  const ids = new Map<number, string>();
  for (const event of events) {
    if (event.kind !== 'handle') continue;
    ids.set(event.info.handle, futureIdOf(event.info, commands[event.info.commandIndex]));
  }
  return ids;
}

function futureIdOf(info: HandleInfo, command: Journal['entries'][number] | undefined): string {
  if (info.syscall === 'sys_awakeable') return `s${16 + Number(info.role)}`;
  if (info.syscall === 'sys_signal') return `s:${info.role}`;
  if (!command || command.kind !== 'command') return `new${info.commandIndex}`;
  const slot = info.role === 'result' ? 1 : 0;
  const completionId = command.completionIds[slot];
  return completionId === undefined ? `cmd${info.commandIndex}` : `c${completionId}`;
}

export function decisionsFromTrace(events: TraceEvent[], journal: Journal): Decision[] {
  const ids = futureIdsOfHandles(events, journal);
  const idOf = (h: number) => ids.get(h) ?? `h${h}`;
  const futures = new Map(journal.entries.length ? deriveCompletions(journal) : []);
  const decisions: Decision[] = [];
  const resolvedEver = new Set<number>();
  let open: OpenAwait | null = null;

  const close = () => {
    if (!open) return;
    const all = open.handles.map(idOf);
    const completedSet = new Set(open.handles.filter((h) => resolvedEver.has(h)));
    const completed = open.handles.filter((h) => completedSet.has(h)).map(idOf);
    const pending = open.handles.filter((h) => !completedSet.has(h)).map(idOf);
    const winnerHandle = pickWinner(open, futures, idOf);
    const winner = open.cancelled ? CANCEL_FUTURE : winnerHandle === undefined ? undefined : idOf(winnerHandle);
    // Decided by the winner's notification, else by the latest (in journal order) of the notifications it waited for.
    const completedIndexes = completed
      .map((id) => futures.get(id)?.entryIndex)
      .filter((i): i is number => i !== undefined);
    const winnerIndex = winner === undefined ? undefined : futures.get(winner)?.entryIndex;
    const entryIndex =
      winnerIndex ?? (completedIndexes.length ? Math.max(...completedIndexes) : lastCommandEntryIndex(journal));
    decisions.push({ combinator: open.combinator, futures: all, completed, pending, winner, entryIndex, attempt: 1 });
    open = null;
  };

  for (const event of events) {
    if (event.kind === 'notification') {
      resolvedEver.add(event.handle);
      if (open && open.handles.includes(event.handle) && !open.resolved.includes(event.handle))
        open.resolved.push(event.handle);
    } else if (event.kind === 'progress') {
      const { combinator, handles } = describe(event.future);
      if (!(open && open.combinator === combinator && handles.every((h) => open!.handles.includes(h)))) {
        close();
        open = { combinator, handles, resolved: [], cancelled: false };
      }
      if (event.result === 'CancelSignalReceived') open.cancelled = true;
    }
  }
  close();
  return decisions;
}

function pickWinner(
  open: OpenAwait,
  futures: Map<string, { entryIndex: number; ok: boolean }>,
  idOf: (h: number) => string,
): number | undefined {
  if (open.combinator === 'race' || open.combinator === 'orTimeout') return open.resolved[0];
  if (open.combinator === 'any') return open.resolved.find((h) => futures.get(idOf(h))?.ok !== false);
  if (open.combinator === 'all') return open.resolved.find((h) => futures.get(idOf(h))?.ok === false);
  return undefined;
}

/** Root combinator and leaf handles of an await tree; a map (`Unknown` of one child) is transparent, and
 * `Unknown` of two children is orTimeout (promises.js builds it from [promise, sleep]). */
function describe(future: UnresolvedFuture): { combinator: CombinatorKind; handles: number[] } {
  const handles: number[] = [];
  collect(future, handles);
  let node = future;
  for (;;) {
    const [key, value] = Object.entries(node)[0] as [string, unknown];
    if (key === 'Single') return { combinator: 'await', handles };
    const children = value as UnresolvedFuture[];
    if (key === 'Unknown' && children.length === 1) {
      node = children[0];
      continue;
    }
    if (key === 'Unknown') return { combinator: 'orTimeout', handles };
    return { combinator: COMBINATORS[key] ?? 'race', handles };
  }
}

function collect(future: UnresolvedFuture, out: number[]): void {
  for (const [key, value] of Object.entries(future)) {
    if (key === 'Single') out.push(value as number);
    else for (const child of value as UnresolvedFuture[]) collect(child, out);
  }
}

/** Journal index and success of each future's first completion. */
function deriveCompletions(journal: Journal): [string, { entryIndex: number; ok: boolean }][] {
  const out: [string, { entryIndex: number; ok: boolean }][] = [];
  const seen = new Set<string>();
  for (const entry of journal.entries) {
    if (entry.kind !== 'notification') continue;
    const id = notificationFutureId(entry);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push([id, { entryIndex: entry.index, ok: entry.result.kind !== 'failure' }]);
  }
  return out;
}

function lastCommandEntryIndex(journal: Journal): number {
  for (let i = journal.entries.length - 1; i >= 0; i--)
    if (journal.entries[i].kind === 'command') return journal.entries[i].index;
  return 0;
}
