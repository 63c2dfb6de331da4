// One await of the real SDK as the VM sees it: the tree the SDK hands do_progress (@restatedev/restate-sdk
// dist/promises.js: CombinatorRestatePromise.unresolvedFuture builds `{ <variant>: children }` from the combinator's
// own variant, MappedRestatePromise wraps its inner tree in `Unknown[inner]`, orTimeout is `Unknown[promise, sleep]`),
// settled notification by notification with the rules of the JS combinators it stands for. Children that had
// settled before the await are already left out of the tree (unresolvedFuture drops them), and a child left out
// of a combinator that is still pending did not decide it: an `all`'s succeeded, an `any`'s failed, an
// `allSettled`'s completed. So counting only the children in the tree gives the combinator's answer, and the leaf
// whose notification settles the root is the await's deciding leaf, as `settlement.via` is in our engine
// (src/sim/future.ts).
import type { UnresolvedFuture } from './vm-trace';

export interface TreeSettlement {
  ok: boolean;
  /** The handle whose notification settled the node. */
  via: number;
  /** Child position that decided it (a race's or orTimeout's first, an any's success, an all's failure); else -1. */
  childIndex: number;
}

export interface AwaitNode {
  variant: string;
  /** For `Single`: the VM handle. */
  handle: number;
  children: AwaitNode[];
  /** Children not settled yet (an `all` over thousands of runs stays linear). */
  unsettled: number;
  settlement: TreeSettlement | null;
}

export function awaitNodeOf(future: UnresolvedFuture): AwaitNode {
  const [variant, value] = Object.entries(future)[0] as [string, unknown];
  if (variant === 'Single') return { variant, handle: value as number, children: [], unsettled: 0, settlement: null };
  const children = (value as UnresolvedFuture[]).map(awaitNodeOf);
  return { variant, handle: -1, children, unsettled: children.length, settlement: null };
}

/** A map (`Unknown` of one child) decides nothing itself: the await's combinator is the one under it. */
export function unwrapMaps(node: AwaitNode): AwaitNode {
  while (node.variant === 'Unknown' && node.children.length === 1) node = node.children[0];
  return node;
}

/** Feeds one taken notification; returns the node's settlement when this notification settled it. */
export function feedNotification(node: AwaitNode, handle: number, ok: boolean): TreeSettlement | null {
  if (node.settlement) return null;
  if (node.variant === 'Single') {
    if (node.handle !== handle) return null;
    return (node.settlement = { ok, via: handle, childIndex: -1 });
  }
  for (let i = 0; i < node.children.length && !node.settlement; i++) {
    const child = feedNotification(node.children[i], handle, ok);
    if (!child) continue;
    node.unsettled--;
    node.settlement = decide(node, i, child);
  }
  return node.settlement;
}

function decide(node: AwaitNode, index: number, child: TreeSettlement): TreeSettlement | null {
  const allSettled = node.unsettled === 0;
  const decided = (ok: boolean): TreeSettlement => ({ ok, via: child.via, childIndex: index });
  const whenAllSettled = (ok: boolean): TreeSettlement | null =>
    allSettled ? { ok, via: child.via, childIndex: -1 } : null;
  switch (node.variant) {
    case 'AllSucceededOrFirstFailed':
      return child.ok ? whenAllSettled(true) : decided(false);
    case 'FirstSucceededOrAllFailed':
      return child.ok ? decided(true) : whenAllSettled(false);
    case 'AllCompleted':
      return whenAllSettled(true);
    case 'Unknown':
      // orTimeout: [promise, sleep]; the sleep firing first is a TimeoutError.
      return node.children.length === 2 && index === 1 ? decided(false) : decided(child.ok);
    default:
      // FirstCompleted, and any variant this SDK version does not build.
      return decided(child.ok);
  }
}

/** Leaf handles of a tree in argument order (a handle under two children once). */
export function leafHandles(node: AwaitNode): number[] {
  const seen = new Set<number>();
  const walk = (n: AwaitNode): void => {
    if (n.variant === 'Single') seen.add(n.handle);
    else for (const child of n.children) walk(child);
  };
  walk(node);
  return [...seen];
}
