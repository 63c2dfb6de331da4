// Benchmark (not a test): the real 7,000-entry fan-out journal (a Restate 1.7.12 capture of Lab/fanout with 3,500
// runs raced pairwise, then all awaited; test/fixtures/restate-1.7.12/fanout-7000) replayed offline by the real SDK
// (`sdkReplay`, src/sdk-host: the SDK 1.17 endpoint with its WASM VM, fed the journal framed as the service protocol)
// and by our own engine (`replay` of the scenario twin below). Both in this one process, interleaved: warm-up, then
// median wall time, entries/s for each, and the ratio sdk / ours. Run: `npx tsx bench/sdk-replay.bench.ts [iterations]`.
// The last stdout line is `RESULT {json}`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Decision, Journal } from '../src/model';
import { readJournals } from '../src/journal-reader';
import { all, defineScenario, race, replay } from '../src/sim';
import { definitionsOfModule } from '../src/sdk-host/definitions';
import { loadNodeSdk } from '../src/sdk-host/node-sdk';
import { sdkReplay } from '../src/sdk-host/replay';

const WARMUP = 5;
const ITERATIONS = Number(process.argv[2] ?? 15);
const RUNS = 3500;

const repo = resolve(import.meta.dirname, '..');
const bundleFile = join(repo, 'test/fixtures/restate-1.7.12/fanout-7000/bundle.json');
const modulePath = join(repo, 'test/restate-service/all-services.ts');

// Scenario twin of Lab/fanout (test/restate-service/services.ts): `input.runs` runs r0…, run i returning i; each
// consecutive pair raced and the winner added to the sum; then all of them awaited; the sum is the output.
// There is no twin for fanout-7000 in test/twins/real-journal-twins.ts, so it lives here.
const fanoutTwin = defineScenario({
  name: 'Lab/fanout',
  description: 'Lab/fanout: runs raced pairwise, then all awaited (twin of test/restate-service/services.ts).',
  input: { runs: RUNS },
  world: Object.fromEntries(Array.from({ length: RUNS }, (_, i) => [`r${i}`, { latencyMs: 0, value: i }])),
  handler: async (ctx, input: { runs: number }) => {
    const runs = Array.from({ length: input.runs }, (_, i) => ctx.run<number>(`r${i}`));
    let sum = 0;
    for (let i = 0; i + 1 < runs.length; i += 2) sum += await race([runs[i], runs[i + 1]]);
    await all(runs);
    return sum;
  },
});

// A full GC before each timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const comparable = (d: Decision) => ({
  combinator: d.combinator,
  futures: d.futures,
  winner: d.winner ?? null,
  completed: d.completed,
});

/**
 * The 1,750 races are identical. The final `all`: the SDK hands its VM only the runs not yet settled
 * (CombinatorRestatePromise.unresolvedFuture drops settled children), so its decision lists those (~950 of the 3,500);
 * ours lists all 3,500. Both must end with every listed future completed, the SDK's a subset of ours.
 */
function sameDecisions(sdk: Decision[], ours: Decision[]): void {
  if (sdk.length !== ours.length) throw new Error(`decisions differ: sdk ${sdk.length}, ours ${ours.length}`);
  for (let i = 0; i < ours.length; i++) {
    const [s, o] = [sdk[i], ours[i]];
    if (o.combinator === 'all' && s.combinator === 'all') {
      const ourFutures = new Set(o.futures);
      const ok =
        s.futures.every((f) => ourFutures.has(f)) &&
        s.completed.length === s.futures.length &&
        o.completed.length === o.futures.length;
      if (!ok)
        throw new Error(`decision ${i} (all) differs: sdk ${s.futures.length} futures, ours ${o.futures.length}`);
    } else if (JSON.stringify(comparable(s)) !== JSON.stringify(comparable(o)))
      throw new Error(
        `decision ${i} differs: sdk ${JSON.stringify(comparable(s))}, ours ${JSON.stringify(comparable(o))}`,
      );
  }
}

function recordedOutput(journal: Journal): unknown {
  const output = journal.entries.find((e) => e.kind === 'command' && e.type === 'Output');
  const result = output?.kind === 'command' ? output.result : undefined;
  return result?.kind === 'success' && result.payload ? JSON.parse(result.payload.text) : undefined;
}

async function main(): Promise<void> {
  const journals = readJournals(readFileSync(bundleFile, 'utf8')).journals;
  if (journals.length !== 1) throw new Error(`expected one journal in ${bundleFile}, got ${journals.length}`);
  const journal = journals[0];
  const target = journal.target!;
  const entries = journal.entries.length;
  // Loading the SDK and the handler module is a one-time cost, outside the timing.
  const sdk = await loadNodeSdk(modulePath);
  const services = definitionsOfModule(await import(modulePath));
  const sdkRun = () => sdkReplay(sdk, services, journal, target);
  const oursRun = () => replay(fanoutTwin, journal);

  // Correctness before timing: both replay the real journal clean, our twin gives the recorded output, and both
  // decide the same races in the same way.
  const sdkResult = await sdkRun();
  if (sdkResult.verdict !== 'replayed' || sdkResult.mismatch)
    throw new Error(
      `sdk-replay: ${sdkResult.verdict} ${sdkResult.mismatch?.message ?? sdkResult.error?.message ?? ''}`,
    );
  const ours = await oursRun();
  if (ours.mismatch) throw new Error(`our replay of the twin: ${ours.mismatch.message}`);
  const recorded = recordedOutput(journal);
  if (!ours.output || !('value' in ours.output) || JSON.stringify(ours.output.value) !== JSON.stringify(recorded))
    throw new Error(`twin output ${JSON.stringify(ours.output)} differs from the recorded ${JSON.stringify(recorded)}`);
  sameDecisions(sdkResult.decisions, ours.decisions);

  for (let i = 0; i < WARMUP; i++) {
    await sdkRun();
    await oursRun();
  }
  // Interleaved: each SDK run is followed by one of ours, so machine load affects both sides alike.
  const sdkTimes: number[] = [];
  const oursTimes: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    sdkTimes.push(await time(sdkRun));
    oursTimes.push(await time(oursRun));
  }
  const sdkMs = median(sdkTimes);
  const oursMs = median(oursTimes);
  const result = {
    bench: 'sdk-replay',
    journal: 'fanout-7000',
    target,
    sdkVersion: sdk.version,
    entries,
    decisions: ours.decisions.length,
    output: recorded,
    warmup: WARMUP,
    iterations: ITERATIONS,
    sdkReplayMs: Number(sdkMs.toFixed(1)),
    oursReplayMs: Number(oursMs.toFixed(1)),
    sdkReplayMsRange: [Number(Math.min(...sdkTimes).toFixed(1)), Number(Math.max(...sdkTimes).toFixed(1))],
    oursReplayMsRange: [Number(Math.min(...oursTimes).toFixed(1)), Number(Math.max(...oursTimes).toFixed(1))],
    sdkEntriesPerSecond: Math.round(entries / (sdkMs / 1000)),
    oursEntriesPerSecond: Math.round(entries / (oursMs / 1000)),
    sdkToOursRatio: Number((sdkMs / oursMs).toFixed(2)),
  };
  console.log(
    `journal: ${entries} entries (${target}, Restate 1.7.12 capture), ${result.decisions} decisions, output ${JSON.stringify(recorded)}; both replay it clean, same race winners`,
  );
  console.log(
    `sdk-replay (SDK ${sdk.version}, WASM VM): median ${result.sdkReplayMs} ms over ${ITERATIONS} (${result.sdkReplayMsRange.join('–')}), ${result.sdkEntriesPerSecond} entries/s`,
  );
  console.log(
    `our replay (scenario twin):   median ${result.oursReplayMs} ms over ${ITERATIONS} (${result.oursReplayMsRange.join('–')}), ${result.oursEntriesPerSecond} entries/s`,
  );
  console.log(`sdk / ours time ratio: ${result.sdkToOursRatio}`);
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
