// Every built-in example that the TypeScript SDK can express exists as real SDK code (./index.ts), and both
// engines simulate it to the same journal (entries, events, attempts, status, output) for several seeds.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim';
import { simulateSdk } from '../../src/sdk-sim';
import { nodeSdkSimHost } from '../../src/sdk-sim/node-host';
import { comparableRun } from '../../src/sdk-sim/compare-runs';
import { scenarios } from '../index';
import { sdkTwins } from './index';

const host = nodeSdkSimHost(import.meta.filename);

describe('built-in examples in real SDK code', () => {
  it('covers every built-in example but the two Python-only combinators', () => {
    const twinned = new Set(sdkTwins.map((t) => t.ours.name));
    expect(scenarios.filter((s) => !twinned.has(s.name)).map((s) => s.name)).toEqual([
      'wait-completed-cancel',
      'as-completed-pipeline',
    ]);
  });

  for (const { ours, sdk } of sdkTwins)
    it(`${ours.name}: the real SDK writes our engine's journal (seeds 1, 2, 3)`, async () => {
      expect(sdk.name).toBe(ours.name);
      for (const seed of [1, 2, 3]) {
        const real = await simulateSdk(await host, sdk, { seed });
        const mine = await simulate(ours, { seed });
        expect(comparableRun(real), `seed ${seed}`).toEqual(comparableRun(mine));
      }
    });
});
