// Replay Inspector at scale, in headless Chromium (issue 6): a 100,000-entry /query export (generated, Restate's row
// shape) opened through "Open journal". Measures: time to the first timeline paint, long tasks on the main thread
// while loading, whether a progress bar with a percentage showed, step latency (key press → status updated) p50/p95,
// 20 wheel steps through the lanes, and the page's JS heap after loading against the file's size.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJournal } from '../src/journal-reader/generate';
import { toRestateQueryText } from '../src/journal-reader';
import { afterPaint, launchBrowser, longTasks, observeLongTasks, percentile, serveSite, wheelThrough } from './browser';

const entries = Number(process.env.BENCH_UI_ENTRIES ?? 100_000);
const file = join(mkdtempSync(join(tmpdir(), 'ri-bench-')), `journal-${entries}.query.json`);
writeFileSync(file, toRestateQueryText([generateJournal({ entries, seed: 1 })]));
const fileBytes = statSync(file).size;
console.log(`generated ${entries} entries: ${(fileBytes / 1024 / 1024).toFixed(1)} MB`);

const site = await serveSite();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await observeLongTasks(page);
  await page.goto(site.url);
  await page.getByLabel('Open journal').waitFor({ state: 'attached' });
  await afterPaint(page);
  const tasksBefore = (await longTasks(page)).length;

  // Watch for a progress bar with a percentage while loading.
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: string | null };
    w.__progressSeen = null;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const text = bar ? `${bar.getAttribute('aria-valuenow') ?? ''} ${bar.textContent ?? ''}` : '';
      if (bar && /\d/.test(text)) w.__progressSeen ??= text.trim();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  const started = Date.now();
  await page.getByLabel('Open journal').setInputFiles(file);
  const firstLane = page.locator('[data-future-id]').first();
  await firstLane.waitFor({ state: 'visible', timeout: 120_000 });
  await afterPaint(page);
  const firstPaintMs = Date.now() - started;
  const loadTasks = (await longTasks(page)).slice(tasksBefore);
  const progressSeen = await page.evaluate(() => (window as unknown as { __progressSeen: string | null }).__progressSeen);

  // Heap after loading (after a GC, through the DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

  // Step latency: keydown timestamp → the status live region changed (MutationObserver fires after React commits).
  // Start from the first step (a loaded journal may open at its end, where → has nothing to do).
  await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('Home');
  await afterPaint(page);
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __keyAt: number };
    w.__latencies = [];
    window.addEventListener('keydown', (e) => (w.__keyAt = e.timeStamp), { capture: true });
    const status = [...document.querySelectorAll('[role="status"]')].find((s) => /Step/.test(s.textContent ?? '')) ?? document.querySelector('[role="status"]')!;
    new MutationObserver(() => w.__latencies.push(performance.now() - w.__keyAt)).observe(status, { subtree: true, childList: true, characterData: true });
  });
  const presses = 60;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Shift+ArrowRight' : 'ArrowRight');
    await afterPaint(page);
  }
  const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);

  const box = (await firstLane.boundingBox())!;
  const wheel = await wheelThrough(page, box.x + box.width / 2, box.y + box.height / 2);

  const result = {
    entries,
    fileMB: +(fileBytes / 1024 / 1024).toFixed(1),
    firstPaintMs,
    firstPaintTargetMs: 2000,
    longestLoadTaskMs: Math.round(Math.max(0, ...loadTasks)),
    loadLongTasksOver100Ms: loadTasks.filter((d) => d > 100).length,
    progressSeen,
    stepSamples: latencies.length,
    stepP50Ms: +(percentile(latencies, 50) ?? NaN).toFixed(1),
    stepP95Ms: +(percentile(latencies, 95) ?? NaN).toFixed(1),
    stepTargetP95Ms: 16,
    wheel20Ms: wheel.totalMs,
    wheelTargetMs: 1000,
    wheelReached: +wheel.reached.toFixed(2),
    heapMB: +(heap.usedSize / 1024 / 1024).toFixed(1),
    heapToFileRatio: +(heap.usedSize / fileBytes).toFixed(2),
    heapTargetRatio: 4,
  };
  console.log(`first timeline paint   ${firstPaintMs} ms (target < 2000)`);
  console.log(`load long tasks        ${loadTasks.length} (longest ${result.longestLoadTaskMs} ms; over 100 ms: ${result.loadLongTasksOver100Ms})`);
  console.log(`progress bar seen      ${progressSeen ?? 'no'}`);
  console.log(`step latency           p50 ${result.stepP50Ms} ms, p95 ${result.stepP95Ms} ms over ${latencies.length} steps (target p95 < 16)`);
  console.log(`20 wheel steps         ${wheel.totalMs} ms, reached ${(wheel.reached * 100).toFixed(0)} % (target < 1000)`);
  console.log(`JS heap after load     ${result.heapMB} MB = ${result.heapToFileRatio}× the file (target ≤ 4×)`);
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
}
