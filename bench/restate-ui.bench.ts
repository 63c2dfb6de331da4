// Side by side with the Restate UI (issue 6): one real Restate server, one ~7,000-entry invocation (a fan-out of runs,
// then races), opened in the same Chromium run (1) in the Restate UI at :admin/ui/invocations/<id> and (2) in Replay
// Inspector from the bundle `replay-inspector export` wrote. Measures time to the first journal row (median of
// BENCH_RESTATE_UI_ROUNDS fresh pages of each, alternating; 3 by default) and 20 wheel steps.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFanout } from '../test/harness/fanout';
import { afterPaint, firstPaintMs, launchBrowser, median, serveSite, watchFirstPaint, wheelThrough } from './browser';

const runs = Number(process.env.BENCH_FANOUT_RUNS ?? 3500);
const ROUNDS = Number(process.env.BENCH_RESTATE_UI_ROUNDS ?? 3);
const bundleFile = join(mkdtempSync(join(tmpdir(), 'ri-bench-')), 'fanout.bundle.json');
console.log(`starting Restate and a fan-out of ${runs} runs…`);
const env = await startFanout({ bundleFile, runs });
const site = await serveSite();
const browser = await launchBrowser();
try {
  console.log(
    `invocation ${env.invocationId}: ${env.journalEntries} journal entries (server ${env.timings.startMs} ms, run ${env.timings.invocationMs} ms, export ${env.timings.exportMs} ms)`,
  );

  // Each side is opened ROUNDS times on a fresh page, alternating, and the medians are compared: one load of either
  // side swings by ±30 % on this 2-core machine (docs/performance.md, "The real 7,000-entry bundle").
  const theirRows: number[] = [];
  const ourRows: number[] = [];
  const theirInPage: number[] = [];
  const ourInPage: number[] = [];
  const ourMarked: number[] = [];
  let theirWheel: Awaited<ReturnType<typeof wheelThrough>> | null = null;
  let ourWheel: Awaited<ReturnType<typeof wheelThrough>> | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    // Restate UI: navigation to the invocation page until the first run row ("r0") is visible.
    const theirs = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await watchFirstPaint(theirs, { text: '"r0"', since: 'navigation' });
    let started = Date.now();
    await theirs.goto(env.uiUrl);
    const firstRow = theirs.getByText('"r0"', { exact: true }).first();
    await firstRow.waitFor({ state: 'visible', timeout: 120_000 });
    await afterPaint(theirs);
    theirRows.push(Date.now() - started);
    theirInPage.push(await firstPaintMs(theirs));
    if (round === ROUNDS - 1) {
      const box = (await firstRow.boundingBox())!;
      theirWheel = await wheelThrough(theirs, box.x + 40, box.y + 40);
    }
    await theirs.close();

    // Replay Inspector: from choosing the bundle in "Open journal" until the first future lane is visible.
    const ours = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await watchFirstPaint(ours, { selector: '[data-future-id]', since: 'file-chosen' });
    await ours.goto(site.url);
    await ours.getByLabel('Open journal').waitFor({ state: 'attached' });
    started = Date.now();
    await ours.getByLabel('Open journal').setInputFiles(bundleFile);
    const firstLane = ours.locator('[data-future-id]').first();
    await firstLane.waitFor({ state: 'visible', timeout: 120_000 });
    await afterPaint(ours);
    ourRows.push(Date.now() - started);
    // The same moment seen from inside the page, as for the Restate UI above (watchFirstPaint: not rounded up to
    // Playwright's polling), and the app's own mark of it (src/ui/engine/loadMarks.ts; a preview's frame if one showed).
    ourInPage.push(await firstPaintMs(ours));
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    const marked = await ours.evaluate(() => {
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      const frame = marks['ri:partial-frame'] ?? marks['ri:first-frame'];
      return frame === undefined ? null : Math.round(frame - marks['ri:file-chosen']);
    });
    if (marked !== null) ourMarked.push(marked);
    if (round === ROUNDS - 1) {
      // The whole run, not its preview, is what the wheel scrolls through.
      await ours.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
      const box = (await firstLane.boundingBox())!;
      ourWheel = await wheelThrough(ours, box.x + box.width / 2, box.y + box.height / 2);
    }
    await ours.close();
  }
  const theirFirstRowMs = median(theirRows);
  const ourFirstRowMs = median(ourRows);
  const theirFirstPaintInPageMs = median(theirInPage);
  const ourFirstPaintInPageMs = median(ourInPage);
  const ourFirstFrameMarkedMs = ourMarked.length ? median(ourMarked) : null;
  theirWheel = theirWheel!;
  ourWheel = ourWheel!;

  const result = {
    journalEntries: env.journalEntries,
    restateUiFirstRowMs: theirFirstRowMs,
    oursFirstRowMs: ourFirstRowMs,
    firstRowSpeedup: +(theirFirstRowMs / ourFirstRowMs).toFixed(1),
    // Seen from inside each page (watchFirstPaint): the same moment without the outside polling's rounding.
    restateUiFirstPaintInPageMs: theirFirstPaintInPageMs,
    oursFirstPaintInPageMs: ourFirstPaintInPageMs,
    firstPaintInPageSpeedup: +(theirFirstPaintInPageMs / ourFirstPaintInPageMs).toFixed(1),
    restateUiFirstPaintInPageRunsMs: theirInPage,
    oursFirstPaintInPageRunsMs: ourInPage,
    oursFirstFrameMarkedMs: ourFirstFrameMarkedMs,
    rounds: ROUNDS,
    restateUiFirstRowRunsMs: theirRows,
    oursFirstRowRunsMs: ourRows,
    loadAverage: loadavg().map((l) => +l.toFixed(1)),
    restateUiWheel20Ms: theirWheel.totalMs,
    oursWheel20Ms: ourWheel.totalMs,
    wheelSpeedup: +(theirWheel.totalMs / ourWheel.totalMs).toFixed(1),
    restateUiScrollReached: +theirWheel.reached.toFixed(2),
    oursScrollReached: +ourWheel.reached.toFixed(2),
  };
  console.log('                      Restate UI   Replay Inspector   ratio');
  console.log(
    `first journal row     ${String(theirFirstRowMs).padStart(7)} ms   ${String(ourFirstRowMs).padStart(10)} ms   ${result.firstRowSpeedup}×`,
  );
  console.log(
    `  seen in the page    ${String(theirFirstPaintInPageMs).padStart(7)} ms   ${String(ourFirstPaintInPageMs).padStart(10)} ms   ${result.firstPaintInPageSpeedup}×`,
  );
  console.log(
    `20 wheel steps        ${String(theirWheel.totalMs).padStart(7)} ms   ${String(ourWheel.totalMs).padStart(10)} ms   ${result.wheelSpeedup}×`,
  );
  console.log(
    `scrolled to           ${(theirWheel.reached * 100).toFixed(0).padStart(7)} %    ${(ourWheel.reached * 100).toFixed(0).padStart(10)} %`,
  );
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.server.close();
  await env.stop();
}
