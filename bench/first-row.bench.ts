// Where the time to the first row goes (issue 15), on the real 7,002-entry fan-out capture of Restate 1.7.12
// (test/fixtures/restate-1.7.12/fanout-7000/bundle.json, the invocation restate-ui.bench.ts exports live): the page
// and the engine Worker put `ri:<phase>` User Timing marks on one timeline (src/ui/engine/loadMarks.ts), and this
// bench adds the first lane painted. Phases are reported as the median over BENCH_FIRST_ROW_RUNS fresh pages, in ms
// from the file being chosen; `navigationToChosenMs` is how long after navigation the file was chosen (the page
// boot the user sees before they can choose anything).
import { statSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { afterPaint, launchBrowser, median, serveSite } from './browser';

const bundleFile = 'test/fixtures/restate-1.7.12/fanout-7000/bundle.json';
const runs = Number(process.env.BENCH_FIRST_ROW_RUNS ?? 5);
/** In the order a load goes through them; a phase missing from a run is left out of its row. */
const PHASES = [
  'bytes-read',
  'job-posted',
  'worker-script',
  'worker-reader-loaded',
  'worker-job',
  'worker-read',
  'worker-named',
  'first-part',
  'worker-posted',
  'done',
  'prepared',
  'run-set',
  'painted',
];

async function once(browser: Browser, url: string): Promise<{ marks: Record<string, number>; bootMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const navigated = Date.now();
    await page.goto(url);
    const input = page.getByLabel('Open journal');
    await input.waitFor({ state: 'attached' });
    await afterPaint(page);
    const bootMs = Date.now() - navigated;
    // The warm Worker (engineClient's prewarm) gets its idle moment, as a user's few hundred ms before choosing give it.
    await page.waitForTimeout(300);
    await input.setInputFiles(bundleFile);
    await page.locator('[data-future-id]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await afterPaint(page);
    const marks = await page.evaluate(() => {
      performance.mark('ri:painted');
      const out: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('ri:')) out[m.name] = m.startTime;
      return out;
    });
    const zero = marks['ri:file-chosen'];
    const relative: Record<string, number> = {};
    for (const [name, at] of Object.entries(marks)) relative[name.slice(3)] = Math.round(at - zero);
    return { marks: relative, bootMs };
  } finally {
    await page.close();
  }
}

const site = await serveSite();
const browser = await launchBrowser();
try {
  console.log(`first row of ${bundleFile} (${(statSync(bundleFile).size / 1e6).toFixed(1)} MB), ${runs} runs`);
  const all: { marks: Record<string, number>; bootMs: number }[] = [];
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
    firstRowMs: phases.painted,
    navigationToChosenMs: median(all.map((r) => r.bootMs)),
    workerReadMs: phases['worker-read'] - phases['worker-job'],
    pageAfterDoneMs: phases.painted - phases.done,
    phases,
  };
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
}
