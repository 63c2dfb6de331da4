import { describe, expect, it } from 'vitest';
import { awaitNodeOf, feedNotification, leafHandles, unwrapMaps, type AwaitNode } from './await-tree';
import type { UnresolvedFuture } from './vm-trace';

const single = (handle: number): UnresolvedFuture => ({ Single: handle });

/** Feeds notifications in order; returns the index of the one that settled the root and the root's settlement. */
function settle(root: AwaitNode, notifications: [handle: number, ok: boolean][]) {
  for (const [i, [handle, ok]] of notifications.entries()) {
    const settlement = feedNotification(root, handle, ok);
    if (settlement) return { at: i, ...settlement };
  }
  return null;
}

describe('await-tree: an await as the SDK hands it to do_progress, settled as its JS combinators settle', () => {
  it('race(all(1, 2), 3): the all settles by its last success, which wins the race', () => {
    const root = awaitNodeOf({ FirstCompleted: [{ AllSucceededOrFirstFailed: [single(1), single(2)] }, single(3)] });
    expect(
      settle(root, [
        [1, true],
        [2, true],
        [3, true],
      ]),
    ).toEqual({ at: 1, ok: true, via: 2, childIndex: 0 });
  });

  it('all(race(1, 2), 3): a failure in the inner race fails the all at once', () => {
    const root = awaitNodeOf({ AllSucceededOrFirstFailed: [{ FirstCompleted: [single(1), single(2)] }, single(3)] });
    expect(
      settle(root, [
        [2, false],
        [3, true],
      ]),
    ).toEqual({ at: 0, ok: false, via: 2, childIndex: 0 });
  });

  it('any: a success decides; all failed is a failure without a deciding child', () => {
    const tree = { FirstSucceededOrAllFailed: [single(1), single(2)] };
    expect(
      settle(awaitNodeOf(tree), [
        [1, false],
        [2, true],
      ]),
    ).toEqual({ at: 1, ok: true, via: 2, childIndex: 1 });
    expect(
      settle(awaitNodeOf(tree), [
        [1, false],
        [2, false],
      ]),
    ).toEqual({ at: 1, ok: false, via: 2, childIndex: -1 });
  });

  it('orTimeout is Unknown[promise, sleep]: the sleep first is a failure, the promise first its own result', () => {
    const tree = { Unknown: [single(1), single(2)] };
    expect(settle(awaitNodeOf(tree), [[2, true]])).toEqual({ at: 0, ok: false, via: 2, childIndex: 1 });
    expect(settle(awaitNodeOf(tree), [[1, false]])).toEqual({ at: 0, ok: false, via: 1, childIndex: 0 });
  });

  it('allSettled waits for every child in the tree; children left out had settled before the await', () => {
    // The SDK dropped a settled third child from the tree (CombinatorRestatePromise.unresolvedFuture).
    const root = awaitNodeOf({ AllCompleted: [single(1), single(2)] });
    expect(settle(root, [[2, false]])).toBeNull();
    expect(settle(root, [[1, true]])).toEqual({ at: 0, ok: true, via: 1, childIndex: -1 });
  });

  it('a map (Unknown of one child) is transparent; leaves are listed once, in argument order', () => {
    const root = unwrapMaps(awaitNodeOf({ Unknown: [{ FirstCompleted: [single(4), { Unknown: [single(3)] }] }] }));
    expect(root.variant).toBe('FirstCompleted');
    expect(leafHandles(root)).toEqual([4, 3]);
    expect(settle(root, [[3, true]])).toEqual({ at: 0, ok: true, via: 3, childIndex: 1 });
  });

  it('a settled node ignores later notifications (a late child of a decided race)', () => {
    const root = awaitNodeOf({ AllCompleted: [{ FirstCompleted: [single(1), single(2)] }, single(3)] });
    expect(
      settle(root, [
        [1, true],
        [2, true],
      ]),
    ).toBeNull();
    expect(settle(root, [[3, true]])).toEqual({ at: 0, ok: true, via: 3, childIndex: -1 });
  });
});
