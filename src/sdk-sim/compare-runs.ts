// What "the same run" means between our engine and the real SDK behind the simulated server: the same journal
// (every entry and event, byte for byte), status, output and attempts, and the same decisions, except the awaits the
// SDK decides without its VM (`decisionDifference`). What the trace cannot see is listed in
// docs/restate-semantics-notes.md ("Our engine against the real SDK").
import type { FutureTree, SimRun } from '../model';

/**
 * What a suspended invocation awaits, as a set of future ids. The SDK 1.17 (protocol V6) suspends with flat lists of
 * completion ids and signal indexes in its VM's own order, and Restate records them as one `Unknown` node
 * (test/fixtures/restate-1.7.12/suspended: `Unknown[c1, s18, s17, s1]`); our engine records the combinator tree it
 * waits on. Both name the same futures.
 */
function awaitedSet(tree: FutureTree | null | undefined): string[] | null {
  if (!tree) return null;
  const ids = new Set<string>();
  const walk = (node: FutureTree) => {
    if (node.node === 'Single') {
      ids.add(node.completionId !== undefined ? `c${node.completionId}` : `s${node.signalIndex ?? node.signalName}`);
    } else node.children.forEach(walk);
  };
  walk(tree);
  return [...ids].sort();
}

/**
 * The parts of a run both engines must produce identically: attempt reasons are prose and not compared, and an
 * awaited tree is compared as the set of futures it names (`awaitedSet`).
 */
export function comparableRun(run: SimRun): unknown {
  return {
    entries: run.journal.entries,
    events: run.journal.events.map((event) =>
      event.type === 'Suspended' ? { ...event, awaitingOn: awaitedSet(event.awaitingOn) } : event,
    ),
    status: run.journal.status,
    completionResult: run.journal.completionResult,
    completionFailure: run.journal.completionFailure,
    awaiting: awaitedSet(run.journal.awaiting),
    output: run.output,
    completionOrder: run.completionOrder,
    attempts: run.attempts.map(({ reason: _reason, ...rest }) => rest),
  };
}

/**
 * The decisions of two runs of one program must be the same, await for await. Each decision the SDK's trace shows
 * (src/sdk-host/decisions.ts) that was decided (it has an outcome) must be one of ours, in order, with the same
 * combinator, winner, outcome and deciding entry; the SDK lists only the children still pending when the await
 * began, so its `completed` is a subset of ours. The other way round, each of our decisions must be one of the SDK's,
 * unless the awaited future had settled (or been cancelled) before the await (`settledBeforeAwait`): the SDK then
 * decides in JavaScript and never calls do_progress (sdk-typescript `promises.ts`: the combinator's promise is
 * already settled, so `unresolvedFuture()` is null; a promise cancelled by CANCEL rejects at once through its
 * cancel promise). An await still open when its attempt ended (crash, suspension) is traced without an outcome, and
 * has no decision of ours.
 */
export function decisionDifference(ours: SimRun, theirs: SimRun): string | null {
  const matched = new Set<number>();
  let at = 0;
  for (const sdk of theirs.decisions) {
    if (sdk.outcome === undefined) continue;
    const found = ours.decisions.findIndex(
      (d, i) =>
        i >= at &&
        d.attempt === sdk.attempt &&
        d.combinator === sdk.combinator &&
        d.entryIndex === sdk.entryIndex &&
        d.winner === sdk.winner &&
        d.outcome === sdk.outcome &&
        // A cancelled await: the trace counts as completed what a later await took; ours what had completed then.
        (sdk.winner === 's1' || sdk.completed.every((id) => d.completed.includes(id))),
    );
    if (found < 0) return `the SDK's decision ${JSON.stringify(sdk)} is not among ours after #${at}`;
    matched.add(found);
    at = found + 1;
  }
  for (const [i, d] of ours.decisions.entries()) {
    if (matched.has(i) || d.settledBeforeAwait) continue;
    return `our decision #${i} ${JSON.stringify(d)} is not among the SDK's`;
  }
  return null;
}

/**
 * Whether one of our decisions picked a winner among two or more candidates that had all completed before the
 * await: the TS SDK's combinators are native Promise.all/race/any over the children's JS promises
 * (sdk-typescript `packages/libs/restate-sdk/src/promises.ts`), so there the first JS promise to settle wins, which
 * depends on when each child was last awaited and how deep it sits, not only on journal order (our rule). Such runs
 * are a documented difference (docs/restate-semantics-notes.md §8), not compared.
 */
export function hasPreSettledTie(run: SimRun): boolean {
  return run.decisions.some((d) => d.winner !== undefined && d.winner !== 's1' && d.completed.length >= 2);
}
