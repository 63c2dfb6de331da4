import { describe, expect, it } from 'vitest';
import type { Future } from '../../model';
import { raceFutures } from './fixtures.test-helpers';
import { orderFutures } from './lanes';

describe('lane order', () => {
  it('orders futures by where they start, then by id (signals after completions)', () => {
    const [run, sleep] = raceFutures();
    const signal: Future = {
      ...sleep,
      id: 's17',
      completionId: undefined as unknown as number,
      entryIndex: null,
      completionEntryIndex: 2,
    };
    expect(orderFutures([signal, sleep, run]).map((f) => f.id)).toEqual(['c1', 'c2', 's17']);
  });

  it('returns a copy of futures already in order (the engine Worker sends them so)', () => {
    const ordered = raceFutures();
    const out = orderFutures(ordered);
    expect(out).toEqual(ordered);
    expect(out).not.toBe(ordered);
  });
});
