// A small seeded PRNG (mulberry32): the only source of randomness in the simulator.
// Same seed → same sequence on every engine; 32-bit integer maths only.

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [min, max] (inclusive). */
  intBetween(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    intBetween(min, max) {
      if (max <= min) return min;
      const span = max - min + 1;
      return min + (nextUint32() % span);
    },
  };
}
