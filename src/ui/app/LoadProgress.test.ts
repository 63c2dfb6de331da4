import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands } from './LoadProgress';

describe('groupThousands', () => {
  it('writes counts as toLocaleString("en") does (seed 15)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en'));
      }),
      { seed: 15 },
    );
  });

  it('groups small and round numbers', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(1_000_000)).toBe('1,000,000');
  });
});
