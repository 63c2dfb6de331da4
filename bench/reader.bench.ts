// Reader benchmark: a 100,000-entry admin API /query export, read by readJournals vs a bare JSON.parse of the same text.
// Run: `npx tsx bench/reader.bench.ts [entries]`. Prints a table and `RESULT {"readerMs":…,"jsonParseMs":…,"ratio":…}`.
// The reader must parse the outer JSON too (JSON.parse is its first step), so the ratio is 1 + the reader's own work.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateJournal } from '../src/journal-reader/generate';
import { readJournals, toRestateQueryText } from '../src/journal-reader';

const ENTRIES = Number(process.argv[2] ?? 100_000);
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 15;

// A full GC before each timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  run();
  return performance.now() - start;
}

const journal = generateJournal({ entries: ENTRIES, seed: 7 });
const text = toRestateQueryText([journal]);
const entries = journal.entries.length;

let sink = 0;
for (let i = 0; i < WARMUP_RUNS; i++) {
  sink += (JSON.parse(text) as { rows: unknown[] }).rows.length;
  sink += readJournals(text).journals[0].entries.length;
}
// Interleave the two so that both see the same machine state (GC, turbo, other processes).
const parseTimes: number[] = [];
const readerTimes: number[] = [];
for (let i = 0; i < MEASURED_RUNS; i++) {
  parseTimes.push(time(() => (sink += (JSON.parse(text) as { rows: unknown[] }).rows.length)));
  readerTimes.push(time(() => (sink += readJournals(text).journals[0].entries.length)));
}
const jsonParseMs = median(parseTimes);
const readerMs = median(readerTimes);
// The machine may be shared: each reader run is paired with the JSON.parse run just before it, and the ratio reported
// is the median of the paired ratios (steadier under load than the ratio of the medians, which is printed too).
const ratio = median(readerTimes.map((t, i) => t / parseTimes[i]));

const round = (n: number) => Math.round(n * 10) / 10;
console.log(`reader benchmark: ${entries} entries, ${(text.length / 1e6).toFixed(1)} MB of /query JSON, median of ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs`);
console.table([
  { step: 'JSON.parse (bare)', medianMs: round(jsonParseMs), minMs: round(Math.min(...parseTimes)), maxMs: round(Math.max(...parseTimes)) },
  { step: 'readJournals', medianMs: round(readerMs), minMs: round(Math.min(...readerTimes)), maxMs: round(Math.max(...readerTimes)) },
]);
console.log(`ratio reader / JSON.parse: ${ratio.toFixed(2)} median of paired runs, ${(readerMs / jsonParseMs).toFixed(2)} of medians (target ≤ 1.5)${sink < 0 ? '' : ''}`);
console.log(`RESULT ${JSON.stringify({ readerMs: round(readerMs), jsonParseMs: round(jsonParseMs), ratio: Math.round(ratio * 100) / 100, entries, textMB: round(text.length / 1e6) })}`);
