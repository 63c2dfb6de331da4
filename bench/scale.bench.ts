// Scale past the limits (issue 15): a 1,000,000-entry /query export (~460 MB, test/large-export.ts) opened in headless
// Chromium through "Open journal" (read as a stream in the engine Worker). Measures the load (file chosen → first lane
// painted), where it went (the ri:* marks, src/ui/engine/loadMarks.ts), step latency p95 (key press → status
// updated, as ui.bench.ts), and the page's JS heap after a GC against the file size. One run: the machine is shared.
// BENCH_SCALE_ENTRIES sizes it; BENCH_SCALE_FILE keeps the generated file there and reuses it (paired runs).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeQueryExport } from '../test/large-export';
import { afterPaint, launchBrowser, percentile, serveSite } from './browser';

const entries = Number(process.env.BENCH_SCALE_ENTRIES ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'ri-scale-'));
const kept = process.env.BENCH_SCALE_FILE;
const file = kept ?? join(dir, `journal-${entries}.query.json`);
const fileBytes = kept && existsSync(kept) ? statSync(kept).size : await writeLargeQueryExport(file, entries);
console.log(`generated ${entries} entries: ${(fileBytes / 1e6).toFixed(1)} MB`);

const site = await serveSite();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(site.url);
  await page.getByLabel('Open journal').waitFor({ state: 'attached' });
  await afterPaint(page);
  await page.waitForTimeout(300);
  const started = Date.now();
  await page.getByLabel('Open journal').setInputFiles(file);
  await page.locator('[data-future-id]').first().waitFor({ state: 'visible', timeout: 600_000 });
  await afterPaint(page);
  // The first lanes are the partial run of the first rows (partialRead.ts): the load ends when the whole run is shown.
  const firstRowsMs = Date.now() - started;
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 600_000 });
  await afterPaint(page);
  const loadMs = Date.now() - started;
  const phases = await page.evaluate(() => {
    performance.mark('ri:painted');
    const out: Record<string, number> = {};
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ri:'));
    const zero = marks.find((m) => m.name === 'ri:file-chosen')?.startTime ?? 0;
    for (const m of marks) out[m.name.slice(3)] = Math.round(m.startTime - zero);
    return out;
  });
  console.log(`first rows ${firstRowsMs} ms, load ${loadMs} ms; phases ${JSON.stringify(phases)}`);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  console.log(`heap ${(heap.usedSize / 1e6).toFixed(0)} MB`);

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
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Shift+ArrowRight' : 'ArrowRight');
    await afterPaint(page);
  }
  const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  const result = {
    entries,
    fileMB: +(fileBytes / 1e6).toFixed(1),
    loadMs,
    firstRowsMs,
    loadTargetMs: 10_000,
    phases,
    stepSamples: latencies.length,
    stepP50Ms: +(percentile(latencies, 50) ?? NaN).toFixed(1),
    stepP95Ms: +(percentile(latencies, 95) ?? NaN).toFixed(1),
    stepTargetP95Ms: 16,
    heapMB: +(heap.usedSize / 1e6).toFixed(1),
    heapToFileRatio: +(heap.usedSize / fileBytes).toFixed(2),
    heapTargetRatio: 1.5,
  };
  console.log(
    `step p50 ${result.stepP50Ms} ms, p95 ${result.stepP95Ms} ms (${latencies.length} samples); heap ${result.heapToFileRatio}× the file`,
  );
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
  rmSync(dir, { recursive: true, force: true });
}
