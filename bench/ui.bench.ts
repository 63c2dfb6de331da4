// Replay Inspector at scale, in headless Chromium (issue 6): a 100,000-entry /query export (generated, Restate's row
// shape) opened through "Open journal". Measures: time to the first timeline paint, long tasks on the main thread
// while loading, whether a progress bar with a percentage showed, step latency (key press → status updated) p50/p95,
// 20 wheel steps through the lanes (and the same on an empty page: this machine's floor), and the page's JS heap
// after loading against the file's size. Each is measured BENCH_UI_RUNS times (fresh page each) and reported as a
// median: the machine may be busy with other work.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { generateJournal } from '../src/journal-reader/generate';
import { toRestateQueryText } from '../src/journal-reader';
import {
  afterPaint,
  launchBrowser,
  longTasks,
  median,
  observeLongTasks,
  percentile,
  serveSite,
  wheelFloor,
  wheelThrough,
} from './browser';

const entries = Number(process.env.BENCH_UI_ENTRIES ?? 100_000);
const runs = Number(process.env.BENCH_UI_RUNS ?? 3);
const file = join(mkdtempSync(join(tmpdir(), 'ri-bench-')), `journal-${entries}.query.json`);
writeFileSync(file, toRestateQueryText([generateJournal({ entries, seed: 1 })]));
const fileBytes = statSync(file).size;
console.log(`generated ${entries} entries: ${(fileBytes / 1024 / 1024).toFixed(1)} MB; ${runs} runs`);

interface Run {
  firstPaintMs: number;
  wholeRunMs: number;
  loadTasks: number[];
  progressSeen: string | null;
  latencies: number[];
  wheelMs: number;
  wheelReached: number;
  heapBytes: number;
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await observeLongTasks(page);
    await page.goto(url);
    await page.getByLabel('Open journal').waitFor({ state: 'attached' });
    await afterPaint(page);
    const tasksBefore = (await longTasks(page)).length;

    // Watch for a progress bar that states its percentage (aria-valuenow and a visible "NN %").
    await page.evaluate(() => {
      const w = window as unknown as { __progressSeen: string | null };
      w.__progressSeen = null;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const now = bar?.getAttribute('aria-valuenow');
        if (bar && now && /\d+\s*%/.test(bar.textContent ?? ''))
          w.__progressSeen ??= `aria-valuenow=${now}, text "${(bar.textContent ?? '').trim()}"`;
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });

    const started = Date.now();
    await page.getByLabel('Open journal').setInputFiles(file);
    const firstLane = page.locator('[data-future-id]').first();
    await firstLane.waitFor({ state: 'visible', timeout: 120_000 });
    await afterPaint(page);
    const firstPaintMs = Date.now() - started;
    // The first lanes may be a partial run (the first rows while the rest reads, partialRead.ts): the step and wheel
    // measures below need the whole run, which is there when the progress bar goes.
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
    await afterPaint(page);
    const wholeRunMs = Date.now() - started;
    const loadTasks = (await longTasks(page)).slice(tasksBefore);
    const progressSeen = await page.evaluate(
      () => (window as unknown as { __progressSeen: string | null }).__progressSeen,
    );

    // Heap after loading (after a GC, through the DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    // Step latency: keydown timestamp → the status live region changed (MutationObserver fires after React commits).
    // Start from the first step (a loaded journal may open at its end, where → has nothing to do).
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('Home');
    await afterPaint(page);
    await page.evaluate(() => {
      const w = window as unknown as { __latencies: number[]; __keyAt: number };
      w.__latencies = [];
      window.addEventListener('keydown', (e) => (w.__keyAt = e.timeStamp), { capture: true });
      const status =
        [...document.querySelectorAll('[role="status"]')].find((s) => /Step/.test(s.textContent ?? '')) ??
        document.querySelector('[role="status"]')!;
      new MutationObserver(() => w.__latencies.push(performance.now() - w.__keyAt)).observe(status, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(i % 10 === 9 ? 'Shift+ArrowRight' : 'ArrowRight');
      await afterPaint(page);
    }
    const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);

    const box = (await firstLane.boundingBox())!;
    const wheel = await wheelThrough(page, box.x + box.width / 2, box.y + box.height / 2);
    return {
      firstPaintMs,
      wholeRunMs,
      loadTasks,
      progressSeen,
      latencies,
      wheelMs: wheel.totalMs,
      wheelReached: wheel.reached,
      heapBytes: heap.usedSize,
    };
  } finally {
    await page.close();
  }
}

const site = await serveSite();
const browser = await launchBrowser();
try {
  const all: Run[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(browser, site.url);
    floors.push(await wheelFloor(browser));
    all.push(r);
    const lat = r.latencies;
    console.log(
      `run ${i + 1}: first paint ${r.firstPaintMs} ms (whole run ${r.wholeRunMs} ms), longest load task ${Math.round(Math.max(0, ...r.loadTasks))} ms, step p50 ${percentile(lat, 50)?.toFixed(1)} p95 ${percentile(lat, 95)?.toFixed(1)} ms, wheel ${r.wheelMs} ms (floor ${floors[i]} ms), heap ${(r.heapBytes / 2 ** 20).toFixed(1)} MB`,
    );
  }
  const med = (f: (r: Run) => number) => median(all.map(f));
  const longest = (r: Run) => Math.max(0, ...r.loadTasks);
  const result = {
    entries,
    fileMB: +(fileBytes / 1024 / 1024).toFixed(1),
    runs,
    firstPaintMs: med((r) => r.firstPaintMs),
    firstPaintSamplesMs: all.map((r) => r.firstPaintMs),
    firstPaintTargetMs: 2000,
    wholeRunMs: med((r) => r.wholeRunMs),
    wholeRunSamplesMs: all.map((r) => r.wholeRunMs),
    longestLoadTaskMs: Math.round(med(longest)),
    longestLoadTaskSamplesMs: all.map((r) => Math.round(longest(r))),
    loadLongTasksOver100Ms: med((r) => r.loadTasks.filter((d) => d > 100).length),
    progressSeen: all.map((r) => r.progressSeen).find((p) => p !== null) ?? null,
    progressSeenInRuns: all.filter((r) => r.progressSeen !== null).length,
    stepSamples: all.reduce((n, r) => n + r.latencies.length, 0),
    stepP50Ms: +med((r) => percentile(r.latencies, 50) ?? NaN).toFixed(1),
    stepP95Ms: +med((r) => percentile(r.latencies, 95) ?? NaN).toFixed(1),
    stepTargetP95Ms: 16,
    wheel20Ms: med((r) => r.wheelMs),
    wheel20SamplesMs: all.map((r) => r.wheelMs),
    wheelFloorMs: median(floors),
    wheelTargetMs: 1000,
    wheelReached: +med((r) => r.wheelReached).toFixed(2),
    heapMB: +(med((r) => r.heapBytes) / 1024 / 1024).toFixed(1),
    heapToFileRatio: +(med((r) => r.heapBytes) / fileBytes).toFixed(2),
    heapTargetRatio: 4,
  };
  console.log(`medians of ${runs} runs:`);
  console.log(
    `first timeline paint   ${result.firstPaintMs} ms (target < 2000; runs ${result.firstPaintSamplesMs.join(', ')})`,
  );
  console.log(
    `longest load task      ${result.longestLoadTaskMs} ms (target ≤ 100; runs ${result.longestLoadTaskSamplesMs.join(', ')})`,
  );
  console.log(`progress bar seen      ${result.progressSeen ?? 'no'} (${result.progressSeenInRuns}/${runs} runs)`);
  console.log(`step latency           p50 ${result.stepP50Ms} ms, p95 ${result.stepP95Ms} ms (target p95 < 16)`);
  console.log(
    `20 wheel steps         ${result.wheel20Ms} ms, reached ${(result.wheelReached * 100).toFixed(0)} % (target < 1000; empty-page floor ${result.wheelFloorMs} ms)`,
  );
  console.log(`JS heap after load     ${result.heapMB} MB = ${result.heapToFileRatio}× the file (target ≤ 4×)`);
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
}
