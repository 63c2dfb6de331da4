// Turns the VM trace of one replay into the Decision records the timeline, stepper and graph show.
// An await begins with a do_progress whose tree no open await covers; later do_progress calls of the same await
// pass the same tree with settled children dropped (@restatedev/restate-sdk dist/promises.js
// CombinatorRestatePromise.unresolvedFuture). Each taken notification settles that first tree as the JS
// combinators would (./await-tree.ts); the await is decided when its root settles, by the leaf that settled it,
// inner combinators included, as our engine decides (src/sim/future.ts `settlement.via`).
import type { CombinatorKind, Decision, Journal } from '../model';
import { notificationFutureId } from '../model/future-ids';
import { awaitNodeOf, feedNotification, leafHandles, unwrapMaps, type AwaitNode } from './await-tree';
import type { HandleInfo, TraceEvent, UnresolvedFuture } from './vm-trace';

const COMBINATORS: Record<string, CombinatorKind> = {
  FirstCompleted: 'race',
  AllSucceededOrFirstFailed: 'all',
  FirstSucceededOrAllFailed: 'any',
  AllCompleted: 'allSettled',
};

interface OpenAwait {
  combinator: CombinatorKind;
  /** Leaves pending when the await began (its first do_progress). */
  handles: number[];
  handleSet: Set<number>;
  /** That first tree, settled notification by notification (./await-tree.ts). */
  root: AwaitNode;
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
  // Awaits in the order they began; more than one is open when the handler awaits concurrently.
  let open: OpenAwait[] = [];

  const close = (done: OpenAwait) => {
    open = open.filter((a) => a !== done);
    const settlement = done.root.settlement;
    const all = done.handles.map(idOf);
    const completedSet = new Set(done.handles.filter((h) => resolvedEver.has(h)));
    const completed = done.handles.filter((h) => completedSet.has(h)).map(idOf);
    const pending = done.handles.filter((h) => !completedSet.has(h)).map(idOf);
    const winner = done.cancelled
      ? CANCEL_FUTURE
      : settlement && settlement.childIndex >= 0
        ? idOf(settlement.via)
        : undefined;
    // Decided by the winner's notification, else by the latest (in journal order) of the notifications it waited
    // for: on replay the SDK takes the notifications it finds ready in tree order, not journal order.
    const completedIndexes = completed
      .map((id) => futures.get(id)?.entryIndex)
      .filter((i): i is number => i !== undefined);
    const winnerIndex = winner === undefined ? undefined : futures.get(winner)?.entryIndex;
    const entryIndex =
      winnerIndex ?? (completedIndexes.length ? Math.max(...completedIndexes) : lastCommandEntryIndex(journal));
    const decision: Decision = {
      combinator: done.combinator,
      futures: all,
      completed,
      pending,
      winner,
      entryIndex,
      attempt: 1,
    };
    // No outcome: the await was still open when the attempt ended (a crash, a suspension).
    if (done.cancelled) decision.outcome = 'failure';
    else if (settlement) decision.outcome = settlement.ok ? 'success' : 'failure';
    decisions.push(decision);
  };

  for (const event of events) {
    if (event.kind === 'notification') {
      resolvedEver.add(event.handle);
      const ok = notificationOk(event.value, futures.get(idOf(event.handle)));
      for (const current of [...open]) if (feedNotification(current.root, event.handle, ok)) close(current);
    } else if (event.kind === 'progress') {
      const root = unwrapMaps(awaitNodeOf(event.future));
      const combinator = combinatorOf(event.future);
      const handles = leafHandles(root);
      // The same await again (its tree only shrinks as children settle), or a new one.
      let current = open.find((a) => a.combinator === combinator && handles.every((h) => a.handleSet.has(h)));
      if (!current) {
        current = { combinator, handles, handleSet: new Set(handles), root, cancelled: false };
        open.push(current);
      }
      if (event.result === 'CancelSignalReceived') {
        // The SDK rejects the awaited promise with 409 (BaseRestatePromise.tryCancel): this await ends here.
        current.cancelled = true;
        close(current);
      }
    }
  }
  for (const current of [...open]) close(current);
  return decisions;
}

/** Whether a taken notification is a success: from the journal when it has the future, else from the VM's value. */
function notificationOk(value: unknown, completion: { ok: boolean } | undefined): boolean {
  if (completion) return completion.ok;
  return value !== 'Failure';
}

/** The await's combinator: its root's variant; a map (`Unknown` of one child) is transparent, and `Unknown` of two
 * children is orTimeout (promises.js builds it from [promise, sleep]). */
function combinatorOf(future: UnresolvedFuture): CombinatorKind {
  const root = unwrapMaps(awaitNodeOf(future));
  if (root.variant === 'Single') return 'await';
  if (root.variant === 'Unknown') return 'orTimeout';
  return COMBINATORS[root.variant] ?? 'race';
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
