// Decisions as data: what an await decided, and the awaited tree in Restate's shape.
import type { CombinatorKind, Decision, FutureTree } from '../model';
import type { DurableFuture } from './future';

/** Combinators whose decision names the future that decided it (a failing `all` too). */
const winnerKinds = new Set<CombinatorKind>(['race', 'select', 'any', 'orTimeout', 'all']);

export function labelOf(future: DurableFuture): CombinatorKind {
  return future.kind === 'leaf' || future.kind === 'map' ? 'await' : future.kind;
}

/** The decision of one await of `future` (label = how it was awaited), made at journal index `entryIndex`. */
export function decisionFor(
  future: DurableFuture,
  label: CombinatorKind,
  entryIndex: number,
  attempt: number,
  outcome: 'success' | 'failure',
): Decision {
  const leaves = future.leaves();
  const completed: string[] = [];
  const pending: string[] = [];
  for (const leaf of leaves) (leaf.settlement ? completed : pending).push(leaf.id);
  return {
    combinator: label,
    futures: leaves.map((leaf) => leaf.id),
    completed,
    pending,
    entryIndex,
    attempt,
    outcome,
  };
}

/** Adds winner / key / note from the settlement of the awaited future. */
export function explainSettlement(decision: Decision, future: DurableFuture): Decision {
  const s = future.settlement!;
  const label = decision.combinator;
  if (s.childIndex >= 0 && winnerKinds.has(label) && (label !== 'all' || !s.ok)) decision.winner = s.via;
  if (label === 'select') decision.key = future.extra.keys![s.childIndex];
  if (!s.ok && s.error) decision.note = `${s.error.name}: ${s.error.message}`;
  return decision;
}

// Restate's node types (sdk-shared-core `src/vm/transitions/combinators.rs`; facts §3.4).
const treeNodes: Record<string, Exclude<FutureTree['node'], 'Single'>> = {
  race: 'FirstCompleted',
  select: 'FirstCompleted',
  orTimeout: 'FirstCompleted',
  waitCompleted: 'FirstCompleted',
  all: 'AllSucceededOrFirstFailed',
  any: 'FirstSucceededOrAllFailed',
  allSettled: 'AllCompleted',
  gather: 'AllCompleted',
  map: 'Unknown',
};

export function treeOf(future: DurableFuture): FutureTree {
  const leaf = future.leaf;
  if (leaf) {
    if (leaf.signalName !== undefined) return { node: 'Single', signalName: leaf.signalName };
    return leaf.signalIndex !== undefined
      ? { node: 'Single', signalIndex: leaf.signalIndex }
      : { node: 'Single', completionId: leaf.completionId };
  }
  return { node: treeNodes[future.kind] ?? 'Unknown', children: future.children.map(treeOf) };
}

/**
 * The tree of what is still pending under a future: settled children are left out, as the SDK leaves them out of
 * what it awaits (sdk-typescript `promises.ts`, `CombinatorRestatePromise.unresolvedFuture`; found by the
 * differential test).
 */
function pendingTreeOf(future: DurableFuture): FutureTree {
  if (future.leaf) return treeOf(future);
  return {
    node: treeNodes[future.kind] ?? 'Unknown',
    children: future.children.filter((c) => !c.settlement).map(pendingTreeOf),
  };
}

/**
 * What a blocked handler awaits, in the shape Restate records for a suspended invocation
 * (sys_invocation_status.suspended_waiting_future_json); implicit cancellation adds signal 1, also after a CANCEL
 * was already handled (the SDK's SuspensionMessage still lists it; found by the differential test).
 */
export function awaitingTreeOf(awaited: DurableFuture[]): FutureTree | null {
  const trees = awaited.map(pendingTreeOf);
  if (trees.length === 0) return null;
  trees.push({ node: 'Single', signalIndex: 1 });
  return trees.length === 1 ? trees[0] : { node: 'Unknown', children: trees };
}
