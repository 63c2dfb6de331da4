// Benchmark (not a test): the same fan-out simulated by our engine and by the real SDK behind the simulated
// server (src/sdk-sim), entries/second of each. Run: `npx tsx bench/sdk-sim.bench.ts [batches]`. The last stdout
// line is `RESULT {json}`. Smaller than bench/sim.bench.ts: the real SDK costs a service-protocol frame per entry
// and a few macrotask turns per notification (the quiet check, docs/sdk-simulation.md).
import * as restate from '@restatedev/restate-sdk';
import { all, defineScenario, race, simulate } from '../src/sim';
import { defineSdkScenario, simulateSdk } from '../src/sdk-sim';
import { comparableRun } from '../src/sdk-sim/compare-runs';
import { nodeSdkSimHost } from '../src/sdk-sim/node-host';

const BATCHES = Number(process.argv[2] ?? 20);
const RUNS_PER_BATCH = 49; // + one timer per batch
const world = { item: { latencyMs: [1, 60] as [number, number], value: 1 } };

const ours = defineScenario({
  name: 'bench-sdk-fan-out',
  world,
  handler: async (ctx) => {
    let done = 0;
    for (let b = 0; b < BATCHES; b++) {
      const runs = [];
      for (let i = 0; i < RUNS_PER_BATCH; i++) runs.push(ctx.run('item', () => 1));
      const winner = await race([all(runs), ctx.sleep(b % 2 === 0 ? 80 : 30)]);
      if (winner !== undefined) done++;
    }
    return { done };
  },
});

const theirs = defineSdkScenario({
  name: 'bench-sdk-fan-out',
  world,
  services: restate.service({
    name: 'Bench',
    handlers: {
      fanOut: async (ctx: restate.Context) => {
        let done = 0;
        for (let b = 0; b < BATCHES; b++) {
          const runs = [];
          for (let i = 0; i < RUNS_PER_BATCH; i++) runs.push(ctx.run('item', () => 1));
          const winner = await restate.RestatePromise.race([
            restate.RestatePromise.all(runs),
            ctx.sleep(b % 2 === 0 ? 80 : 30),
          ]);
          if (winner !== undefined) done++;
        }
        return { done };
      },
    },
  }),
});

async function main(): Promise<void> {
  const seed = 2026;
  const host = await nodeSdkSimHost(import.meta.filename);
  await simulateSdk(host, theirs, { seed }); // warm-up: the WASM module compiles once
  const t0 = performance.now();
  const mine = await simulate(ours, { seed });
  const t1 = performance.now();
  const real = await simulateSdk(host, theirs, { seed });
  const t2 = performance.now();
  const same = JSON.stringify(comparableRun(mine)) === JSON.stringify(comparableRun(real));
  if (!same) throw new Error('the two engines wrote different journals');
  const entries = real.journal.entries.length;
  const oursMs = t1 - t0;
  const sdkMs = t2 - t1;
  const result = {
    bench: 'sdk-sim',
    futures: BATCHES * (RUNS_PER_BATCH + 1),
    entries,
    sameJournal: same,
    oursMs: Math.round(oursMs),
    sdkMs: Math.round(sdkMs),
    oursEntriesPerSecond: Math.round(entries / (oursMs / 1000)),
    sdkEntriesPerSecond: Math.round(entries / (sdkMs / 1000)),
    sdkToOursRatio: Number((sdkMs / oursMs).toFixed(1)),
  };
  console.log(`our engine: ${entries} entries in ${result.oursMs} ms (${result.oursEntriesPerSecond} entries/s)`);
  console.log(`real SDK:   ${entries} entries in ${result.sdkMs} ms (${result.sdkEntriesPerSecond} entries/s)`);
  console.log(`same journal: ${same}; real SDK / ours time: ${result.sdkToOursRatio}×`);
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
