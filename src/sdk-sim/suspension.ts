// The awaited tree of a SuspensionMessage, in the shape our engine records for a Suspended event. The combinator
// numbers are protocol.proto's `CombinatorType` (restatedev/sdk-shared-core service-protocol/dev/restate/service/
// protocol.proto): 0 unknown, 1 first completed, 2 all completed, 3 first succeeded or all failed, 4 all succeeded or
// first failed.
import type { FutureTree } from '../model';
import type { MessageObject } from '../protocol/codec';

const NODES: Exclude<FutureTree['node'], 'Single'>[] = [
  'Unknown',
  'FirstCompleted',
  'AllCompleted',
  'FirstSucceededOrAllFailed',
  'AllSucceededOrFirstFailed',
];

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : [];
}

function treeOfFuture(future: MessageObject): FutureTree {
  const children: FutureTree[] = [
    ...numbers(future.waiting_completions).map((completionId): FutureTree => ({ node: 'Single', completionId })),
    ...numbers(future.waiting_signals).map((signalIndex): FutureTree => ({ node: 'Single', signalIndex })),
    ...((future.waiting_named_signals as unknown[] | undefined) ?? []).map((name): FutureTree => ({
      node: 'Single',
      signalName: String(name),
    })),
    ...((future.nested_futures as MessageObject[] | undefined) ?? []).map(treeOfFuture),
  ];
  const node = NODES[Number(future.combinator_type ?? 0)] ?? 'Unknown';
  if (node === 'Unknown' && children.length === 1) return children[0];
  return { node, children };
}

/** The tree a suspension awaits: V6's `awaiting_on`, else the legacy flat lists (an Unknown node). */
export function futureTreeOf(suspension: MessageObject): FutureTree | null {
  const awaiting = suspension.awaiting_on as MessageObject | undefined;
  const tree = treeOfFuture(awaiting ?? suspension);
  if (tree.node !== 'Single' && tree.children.length === 0) return null;
  return tree;
}
