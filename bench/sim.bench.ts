// Benchmark (not a test): simulate and replay a 100,000-future scenario, report entries/second and the
// replay/simulate time ratio. Run: `npx tsx bench/sim.bench.ts`. The last stdout line is `RESULT {json}`.
import { all, defineScenario, race, replay, simulate } from '../src/sim';

const BATCHES = 100;
const RUNS_PER_BATCH = 999; // + one timer per batch = 100,000 futures

const scenario = defineScenario({
  name: 'bench-100k-futures',
  description: 'Fan-out of 99,900 runs in 100 batches, each batch raced against a timer.',
  world: { item: { latencyMs: [1, 60], value: 1 } },
  handler: async (ctx) => {
    let done = 0;
    let timedOut = 0;
    for (let b = 0; b < BATCHES; b++) {
      const runs = [];
      for (let i = 0; i < RUNS_PER_BATCH; i++) runs.push(ctx.run('item'));
      const winner = await race([all(runs), ctx.sleep(b % 2 === 0 ? 80 : 30)]);
      if (winner === null) timedOut++;
      else done++;
    }
    return { done, timedOut };
  },
});

async function main(): Promise<void> {
  const seed = 2026;
  const stepsMax = 2_000_000;
  const t0 = performance.now();
  const run = await simulate(scenario, { seed, stepsMax });
  const t1 = performance.now();
  const replayed = await replay(scenario, run.journal, { stepsMax });
  const t2 = performance.now();
  if (replayed.mismatch) throw new Error(`unexpected mismatch: ${replayed.mismatch.message}`);
  if (JSON.stringify(replayed.output) !== JSON.stringify(run.output))
    throw new Error('replay output differs from the simulation');
  const futures = BATCHES * (RUNS_PER_BATCH + 1);
  const entries = run.journal.entries.length;
  const simulateMs = t1 - t0;
  const replayMs = t2 - t1;
  const result = {
    bench: 'sim',
    futures,
    entries,
    decisions: run.decisions.length,
    output: run.output,
    simulateMs: Math.round(simulateMs),
    replayMs: Math.round(replayMs),
    simulateEntriesPerSecond: Math.round(entries / (simulateMs / 1000)),
    replayEntriesPerSecond: Math.round(entries / (replayMs / 1000)),
    replayToSimulateRatio: Number((replayMs / simulateMs).toFixed(3)),
  };
  console.log(
    `simulate: ${futures} futures, ${entries} entries in ${result.simulateMs} ms (${result.simulateEntriesPerSecond} entries/s)`,
  );
  console.log(`replay:   ${entries} entries in ${result.replayMs} ms (${result.replayEntriesPerSecond} entries/s)`);
  console.log(`replay/simulate time ratio: ${result.replayToSimulateRatio}`);
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
