// Developer tool (not part of `npm run bench`): paired first-row runs of two or more builds in one process, so that a
// change is judged against its base under the same machine load. Build each variant into its own directory
// (`npx vite build --outDir /tmp/a`), then: BENCH_NO_BUILD=1 ROUNDS=10 npx tsx bench/first-row-ab.ts /tmp/a /tmp/b
// Each round opens the real 7,002-entry bundle (F=<file> for another) once per build, alternating the order, the way
// restate-ui.bench.ts does (chosen the moment "Open journal" exists; IDLE=<ms> waits first). Per build it prints the
// outside time (chosen → first lane visible → a painted frame, as the benches time it) and the first frame with lanes
// seen from inside the page (`ri:partial-frame` when a preview showed, else `ri:first-frame`), then median phases.
import { afterPaint, launchBrowser, median } from './browser';
import { startServer } from '../src/cli/commands/serve';
const dirs = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS ?? 8);
const file = process.env.F ?? 'test/fixtures/restate-1.7.12/fanout-7000/bundle.json';
const idle = Number(process.env.IDLE ?? 0);
const servers = await Promise.all(
  dirs.map((d) => startServer({ distDir: d, adminUrl: 'http://127.0.0.1:9', port: 0, host: '127.0.0.1' })),
);
const browser = await launchBrowser();
const out: Record<string, { outside: number[]; frame: number[]; phases: Record<string, number[]> }> = {};
for (const d of dirs) out[d] = { outside: [], frame: [], phases: {} };
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < dirs.length; i++) {
    const k = r % 2 === 0 ? i : dirs.length - 1 - i;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(servers[k].url);
    await page.getByLabel('Open journal').waitFor({ state: 'attached' });
    if (idle) await page.waitForTimeout(idle);
    const t0 = Date.now();
    await page.getByLabel('Open journal').setInputFiles(file);
    await page.locator('[data-future-id]').first().waitFor({ state: 'visible', timeout: 120_000 });
    await afterPaint(page);
    const ms = Date.now() - t0;
    await page.waitForTimeout(300);
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('ri:'))
          .map((e) => [e.name.slice(3), e.startTime]),
      ),
    );
    const rel = (n: string) => Math.round(marks[n] - marks['file-chosen']);
    out[dirs[k]].outside.push(ms);
    out[dirs[k]].frame.push(marks['partial-frame'] ? rel('partial-frame') : rel('first-frame'));
    for (const n of Object.keys(marks)) (out[dirs[k]].phases[n] ??= []).push(rel(n));
    await page.close();
  }
}
for (const d of dirs) {
  const o = out[d];
  console.log(
    `${d}: outside median ${median(o.outside)} [${o.outside.join(' ')}]; first-frame median ${median(o.frame)} [${o.frame.join(' ')}]`,
  );
  console.log(
    '   ' +
      Object.entries(o.phases)
        .map(([n, v]) => `${n} ${median(v)}`)
        .join(', '),
  );
}
await browser.close();
servers.forEach((s) => s.server.close());
