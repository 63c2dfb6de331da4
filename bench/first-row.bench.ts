// Where the time to the first row goes (issue 15), on the real 7,002-entry fan-out capture of Restate 1.7.12
// (test/fixtures/restate-1.7.12/fanout-7000/bundle.json, the invocation restate-ui.bench.ts exports live): the page
// and the engine Worker put `ri:<phase>` User Timing marks on one timeline (src/ui/engine/loadMarks.ts), and this
// bench adds the first lane painted. Phases are reported as the median over BENCH_FIRST_ROW_RUNS fresh pages, in ms
// from the file being chosen; `navigationToChosenMs` is how long after navigation the file was chosen (the page
// boot the user sees before they can choose anything).
// BENCH_FIRST_ROW_ENTRIES=100000 measures a generated /query export of that size instead (the first-paint target).
// BENCH_FIRST_ROW_IDLE_MS: how long the page idles between "Open journal" being there and the file being chosen
// (default 300; 0 is what bench/restate-ui.bench.ts does: it chooses the file the moment the input exists).
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { generateJournal } from '../src/journal-reader/generate';
import { toRestateQueryText } from '../src/journal-reader';
import { afterPaint, launchBrowser, median, serveSite } from './browser';

const generatedEntries = Number(process.env.BENCH_FIRST_ROW_ENTRIES ?? 0);
const bundleFile = generatedEntries
  ? join(mkdtempSync(join(tmpdir(), 'ri-bench-')), `journal-${generatedEntries}.query.json`)
  : 'test/fixtures/restate-1.7.12/fanout-7000/bundle.json';
if (generatedEntries)
  writeFileSync(bundleFile, toRestateQueryText([generateJournal({ entries: generatedEntries, seed: 1 })]));
const runs = Number(process.env.BENCH_FIRST_ROW_RUNS ?? 5);
const idleMs = Number(process.env.BENCH_FIRST_ROW_IDLE_MS ?? 300);
/** In the order a load goes through them; a phase missing from a run is left out of its row. */
const PHASES = [
  'bytes-read',
  'job-posted',
  'worker-script',
  'worker-reader-loaded',
  'worker-job',
  'worker-partial',
  'partial',
  'partial-frame',
  'worker-read',
  'worker-named',
  'first-part',
  'worker-posted',
  'done',
  'prepared',
  'run-set',
  'first-frame',
  'painted',
  'whole-painted',
];

/** outsideMs: file chosen → first lane painted, timed from outside the page (as ui.bench.ts and restate-ui.bench.ts do). */
interface Run {
  marks: Record<string, number>;
  bootMs: number;
  outsideMs: number;
}

async function once(browser: Browser, url: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const navigated = Date.now();
    await page.goto(url);
    const input = page.getByLabel('Open journal');
    await input.waitFor({ state: 'attached' });
    await afterPaint(page);
    const bootMs = Date.now() - navigated;
    // The warm Worker (engineClient's prewarm) gets its idle moment, as a user's few hundred ms before choosing give it.
    if (idleMs > 0) await page.waitForTimeout(idleMs);
    const chosen = Date.now();
    await input.setInputFiles(bundleFile);
    await page.locator('[data-future-id]').first().waitFor({ state: 'visible', timeout: 120_000 });
    await afterPaint(page);
    const outsideMs = Date.now() - chosen;
    await page.evaluate(() => performance.mark('ri:painted'));
    // A large file shows its first rows while the rest reads (partialRead.ts): the whole run is there when the bar goes.
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
    await afterPaint(page);
    const marks = await page.evaluate(() => {
      performance.mark('ri:whole-painted');
      const out: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('ri:')) out[m.name] = m.startTime;
      return out;
    });
    const zero = marks['ri:file-chosen'];
    const relative: Record<string, number> = {};
    for (const [name, at] of Object.entries(marks)) relative[name.slice(3)] = Math.round(at - zero);
    return { marks: relative, bootMs, outsideMs };
  } finally {
    await page.close();
  }
}

const site = await serveSite();
const browser = await launchBrowser();
try {
  console.log(
    `first row of ${bundleFile} (${(statSync(bundleFile).size / 1e6).toFixed(1)} MB), ${runs} runs, idle ${idleMs} ms`,
  );
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) all.push(await once(browser, site.url));
  const phases: Record<string, number> = {};
  for (const phase of PHASES) {
    const values = all.map((r) => r.marks[phase]).filter((v): v is number => v !== undefined);
    if (values.length) phases[phase] = median(values);
  }
  console.log('phase (ms after the file was chosen, median)');
  for (const [phase, at] of Object.entries(phases)) console.log(`  ${phase.padEnd(22)} ${String(at).padStart(6)}`);
  const result = {
    runs,
    file: generatedEntries ? `generated ${generatedEntries} entries` : bundleFile,
    idleMs,
    firstRowMs: phases.painted,
    // The first frame after the run reached the store, seen from inside the page (no polling from outside in it).
    firstFrameMs: phases['first-frame'],
    firstFrameSamplesMs: all.map((r) => r.marks['first-frame']),
    wholeRunMs: phases['whole-painted'],
    outsideMs: median(all.map((r) => r.outsideMs)),
    outsideSamplesMs: all.map((r) => r.outsideMs),
    navigationToChosenMs: median(all.map((r) => r.bootMs)),
    workerReadMs: phases['worker-read'] - phases['worker-job'],
    pageAfterDoneMs: phases['whole-painted'] - phases.done,
    phases,
  };
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
}
