// `replay-inspector follow` on a huge journal (issue 15): a generated invocation of BENCH_FOLLOW_ENTRIES entries
// (200,000 by default, the rows of test/large-export.ts) served by the fake admin API of the unit tests
// (src/restate-admin/fake-admin-test-kit.ts), visible half at first and then in ten steps, then completed. Measures,
// in this one run: the heap the follow holds at its final line (journal as columns) against the same journal held as
// the reader's entry objects, each after a GC over the same baseline; the journal rows fetched against the journal's
// size (only new rows, one overlapping per query); and the wall time of the follow (the fake server's work and one GC at the end included).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { run } from '../src/cli/commands/follow';
import type { CliIo } from '../src/cli/io';
import { readJournals } from '../src/journal-reader';
import { fakeAdmin } from '../src/restate-admin/fake-admin-test-kit';
import { writeLargeQueryExport } from '../test/large-export';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const entries = Number(process.env.BENCH_FOLLOW_ENTRIES ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'ri-follow-'));
const file = join(dir, `journal-${entries}.query.json`);
await writeLargeQueryExport(file, entries);
const rows = (JSON.parse(readFileSync(file, 'utf8')) as { rows: Record<string, unknown>[] }).rows;
rmSync(dir, { recursive: true, force: true });
const id = String(rows[0].id);
const bundle = {
  sys_journal: rows,
  sys_journal_events: [],
  sys_invocation: [{ id, target: 'Lab/run', status: 'running', completion_result: 'success' }],
  sys_invocation_status: [],
};
const half = Math.floor(entries / 2);
const admin = fakeAdmin(bundle, (tick) => ({
  visible: Math.min(entries, half + Math.ceil((tick * (entries - half)) / 10)),
  status: tick > 10 ? 'completed' : 'running',
}));

let out = '';
let followHeap = 0;
const io: CliIo = {
  out: (text) => {
    out += text;
    // At its final line the follow still holds its journal (columns): the heap it holds, measured there.
    if (text.includes('"event":"end"')) followHeap = heapAfterGc() - baseline;
  },
  err: (text) => void process.stderr.write(text),
  readFile: () => Promise.reject(new Error('no files')),
  writeFile: () => Promise.reject(new Error('no files')),
};

const baseline = heapAfterGc();
const started = performance.now();
const code = await run(['--admin', 'http://fake:9070', '--id', id, '--interval-ms', '1'], io, admin);
const followMs = performance.now() - started;

const text = JSON.stringify({ format: 'replay-inspector/bundle', version: 1, ...bundle, sys_invocation: [] });
const before = heapAfterGc();
const objects = readJournals(text, { fileName: 'x.bundle.json' }).journals[0];
const objectHeap = heapAfterGc() - before;
const held = objects.entries.length;

const lines = out
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { event: string; entries: number });
const result = {
  entries,
  followExit: code,
  lines: lines.length,
  finalEntries: lines.at(-1)?.entries,
  journalQueries: admin.journalQueries.length,
  journalRowsFetched: admin.journalRowsSent,
  rowsFetchedToEntries: +(admin.journalRowsSent / entries).toFixed(4),
  followMs: Math.round(followMs),
  heldAsColumnsMB: +(followHeap / 1e6).toFixed(1),
  heldAsObjectsMB: +(objectHeap / 1e6).toFixed(1),
  objectsToColumnsRatio: +(objectHeap / followHeap).toFixed(1),
  objectEntries: held,
};
console.log(
  `follow of ${entries} entries: exit ${code}, ${lines.length} lines, ${admin.journalRowsSent} rows fetched ` +
    `(${result.rowsFetchedToEntries}× the journal) in ${admin.journalQueries.length} journal queries, ${result.followMs} ms; ` +
    `held ${result.heldAsColumnsMB} MB as columns vs ${result.heldAsObjectsMB} MB as entry objects (${result.objectsToColumnsRatio}×)`,
);
console.log('RESULT ' + JSON.stringify(result));
