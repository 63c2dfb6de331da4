// Reader benchmark: a 100,000-entry admin API /query export, read by readJournals vs a bare JSON.parse of the same text.
// Run: `npx tsx bench/reader.bench.ts [entries]`. Prints a table and `RESULT {"readerMs":…,"jsonParseMs":…,"ratio":…}`.
// The reader must parse the outer JSON too (JSON.parse is its first step), so the ratio is 1 + the reader's own work.
// The text looks like a real Restate 1.7 export: partition_key with 19 digits (beyond 2^53), raw hex and raw_length,
// entry_json with payload byte arrays, entry_lite_json, appended_at (compare test/fixtures/restate-1.7.12/fanout-7000).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateJournal } from '../src/journal-reader/generate';
import { rawRowOf, readJournalStream, readJournals, toRestateQueryText } from '../src/journal-reader';

const ENTRIES = Number(process.argv[2] ?? 100_000);
const WARMUP_PAIRS = 3;
const MEASURED_PAIRS = 15;
const STREAM_PAIRS = 9;

// A full GC before each timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time and CPU time (user + system, this process) of one run, in ms. */
function time(run: () => unknown): { wall: number; cpu: number } {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const journal = generateJournal({ entries: ENTRIES, seed: 7 });
const text = toRestateQueryText([journal], { restateColumns: true });
const entries = journal.entries.length;

// Exactness check before timing: the partition_key digits survive, payloads decode.
const check = readJournals(text);
const firstRaw = rawRowOf(check.journals[0].entries[0].raw) ?? {};
const expectedKey = /"partition_key":(\d+)/.exec(text)?.[1];
if (firstRaw.partition_key !== expectedKey)
  throw new Error(`partition_key not exact: ${String(firstRaw.partition_key)} vs ${expectedKey}`);

let sink = 0;
const parse = () => (sink += (JSON.parse(text) as { rows: unknown[] }).rows.length);
const read = () => (sink += readJournals(text).journals[0].entries.length);
for (let i = 0; i < WARMUP_PAIRS; i++) {
  parse();
  read();
}
// Interleaved pairs: each reader run is paired with the JSON.parse run just before it, so machine load (other processes,
// GC, CPU frequency) affects both sides of a pair alike; the ratio is the median of the paired ratios.
// CPU time is reported beside wall time: on a loaded machine wall time also counts the slices spent waiting for a core.
const parseTimes: number[] = [];
const readerTimes: number[] = [];
const cpuRatios: number[] = [];
for (let i = 0; i < MEASURED_PAIRS; i++) {
  const p = time(parse);
  const r = time(read);
  parseTimes.push(p.wall);
  readerTimes.push(r.wall);
  cpuRatios.push(r.cpu / p.cpu);
}
const ratios = readerTimes.map((t, i) => t / parseTimes[i]);
const cpuRatio = median(cpuRatios);
const jsonParseMs = median(parseTimes);
const readerMs = median(readerTimes);
const ratio = median(ratios);

// The stream reader (issue 15: what the Worker and `scan` use) over the file's bytes in 1 MiB pieces, paired the same way
// with a bare JSON.parse of the text (which does not even decode the bytes), wall and CPU time. Beside it, for
// reference, the stream reader against decoding the bytes and then JSON.parse (what a reader of bytes cannot skip).
const bytes = new TextEncoder().encode(text);
const source = {
  size: bytes.length,
  async *chunks() {
    for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
  },
};
const decodeAndParse = () => (sink += (JSON.parse(new TextDecoder().decode(bytes)) as { rows: unknown[] }).rows.length);
const streamRatios: number[] = [];
const streamCpuRatios: number[] = [];
const streamDecodeRatios: number[] = [];
const streamTimes: number[] = [];
const STREAM_WARMUP = 2;
for (let i = 0; i < STREAM_WARMUP + STREAM_PAIRS; i++) {
  const p = time(parse);
  const d = time(decodeAndParse);
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  sink += (await readJournalStream(source)).journals[0].entries.length;
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  if (i < STREAM_WARMUP) continue;
  streamTimes.push(wall);
  streamRatios.push(wall / p.wall);
  streamCpuRatios.push((cpu.user + cpu.system) / 1000 / p.cpu);
  streamDecodeRatios.push(wall / d.wall);
}
const streamRatio = median(streamRatios);
const streamCpuRatio = median(streamCpuRatios);
const streamDecodeRatio = median(streamDecodeRatios);
console.log(
  `stream reader (bytes, 1 MiB pieces) / JSON.parse: ${streamRatio.toFixed(2)} wall, ${streamCpuRatio.toFixed(2)} CPU, median of ${streamRatios.length} paired runs (${median(streamTimes).toFixed(0)} ms; min ${Math.min(...streamRatios).toFixed(2)}, max ${Math.max(...streamRatios).toFixed(2)}); / (decode + JSON.parse): ${streamDecodeRatio.toFixed(2)} (target ≤ 1.2)`,
);

const round = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
console.log(
  `reader benchmark: ${entries} entries, ${(text.length / 1e6).toFixed(1)} MB of /query JSON (with partition_key, raw, payloads), ${MEASURED_PAIRS} interleaved pairs after ${WARMUP_PAIRS} warm-up pairs`,
);
console.table([
  {
    step: 'JSON.parse (bare)',
    medianMs: round(jsonParseMs),
    minMs: round(Math.min(...parseTimes)),
    maxMs: round(Math.max(...parseTimes)),
  },
  {
    step: 'readJournals',
    medianMs: round(readerMs),
    minMs: round(Math.min(...readerTimes)),
    maxMs: round(Math.max(...readerTimes)),
  },
  {
    step: 'ratio (paired, wall)',
    medianMs: round2(ratio),
    minMs: round2(Math.min(...ratios)),
    maxMs: round2(Math.max(...ratios)),
  },
  {
    step: 'ratio (paired, CPU)',
    medianMs: round2(cpuRatio),
    minMs: round2(Math.min(...cpuRatios)),
    maxMs: round2(Math.max(...cpuRatios)),
  },
]);
console.log(
  `ratio reader / JSON.parse: ${ratio.toFixed(2)} median of paired runs (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}), ${(readerMs / jsonParseMs).toFixed(2)} of medians, ${cpuRatio.toFixed(2)} in CPU time (target ≤ 1.2)${sink < 0 ? '' : ''}`,
);
console.log(
  `RESULT ${JSON.stringify({ readerMs: round(readerMs), jsonParseMs: round(jsonParseMs), ratio: round2(ratio), ratioMin: round2(Math.min(...ratios)), ratioMax: round2(Math.max(...ratios)), cpuRatio: round2(cpuRatio), cpuRatioMin: round2(Math.min(...cpuRatios)), cpuRatioMax: round2(Math.max(...cpuRatios)), streamReaderMs: round(median(streamTimes)), streamRatio: round2(streamRatio), streamCpuRatio: round2(streamCpuRatio), streamDecodeRatio: round2(streamDecodeRatio), entries, textMB: round(text.length / 1e6) })}`,
);
