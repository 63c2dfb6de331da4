// Side by side with the Restate UI (issue 6): one real Restate server, one ~7,000-entry invocation (a fan-out of runs,
// then races), opened in the same Chromium run (1) in the Restate UI at :admin/ui/invocations/<id> and (2) in Replay
// Inspector from the bundle `replay-inspector export` wrote. Measures time to the first journal row and 20 wheel steps.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFanout } from '../test/harness/fanout';
import { afterPaint, launchBrowser, serveSite, wheelThrough } from './browser';

const runs = Number(process.env.BENCH_FANOUT_RUNS ?? 3500);
const bundleFile = join(mkdtempSync(join(tmpdir(), 'ri-bench-')), 'fanout.bundle.json');
console.log(`starting Restate and a fan-out of ${runs} runs…`);
const env = await startFanout({ bundleFile, runs });
const site = await serveSite();
const browser = await launchBrowser();
try {
  console.log(
    `invocation ${env.invocationId}: ${env.journalEntries} journal entries (server ${env.timings.startMs} ms, run ${env.timings.invocationMs} ms, export ${env.timings.exportMs} ms)`,
  );

  // Restate UI: navigation to the invocation page until the first run row ("r0") is visible.
  const theirs = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let started = Date.now();
  await theirs.goto(env.uiUrl);
  const firstRow = theirs.getByText('"r0"', { exact: true }).first();
  await firstRow.waitFor({ state: 'visible', timeout: 120_000 });
  await afterPaint(theirs);
  const theirFirstRowMs = Date.now() - started;
  const theirBox = (await firstRow.boundingBox())!;
  const theirWheel = await wheelThrough(theirs, theirBox.x + 40, theirBox.y + 40);
  await theirs.close();

  // Replay Inspector: from choosing the bundle in "Open journal" until the first future lane is visible.
  const ours = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await ours.goto(site.url);
  await ours.getByLabel('Open journal').waitFor({ state: 'attached' });
  started = Date.now();
  await ours.getByLabel('Open journal').setInputFiles(bundleFile);
  const firstLane = ours.locator('[data-future-id]').first();
  await firstLane.waitFor({ state: 'visible', timeout: 120_000 });
  await afterPaint(ours);
  const ourFirstRowMs = Date.now() - started;
  // The same moment seen from inside the page (not quantised by the outside polling; docs/performance.md): the frame
  // after the first lanes reached the store, a preview's when one showed (src/ui/engine/loadMarks.ts).
  // (No named functions inside: tsx would wrap them in a helper the page does not have.)
  const ourFirstFrameInPageMs = await ours.evaluate(() => {
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
    const frame = marks['ri:partial-frame'] ?? marks['ri:first-frame'];
    return frame === undefined ? null : Math.round(frame - marks['ri:file-chosen']);
  });
  const ourBox = (await firstLane.boundingBox())!;
  const ourWheel = await wheelThrough(ours, ourBox.x + ourBox.width / 2, ourBox.y + ourBox.height / 2);
  await ours.close();

  const result = {
    journalEntries: env.journalEntries,
    restateUiFirstRowMs: theirFirstRowMs,
    oursFirstRowMs: ourFirstRowMs,
    firstRowSpeedup: +(theirFirstRowMs / ourFirstRowMs).toFixed(1),
    oursFirstFrameInPageMs: ourFirstFrameInPageMs,
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
