// Measures what Follow fetches per update: a real Restate server holding a ~7,000-entry running invocation (Live/grow,
// 3,500 runs), the built app behind `replay-inspector serve` in headless Chromium following it, and 10 entries arriving
// (two awakeables resolved, 5 entries each). Prints every /query answer the page received after opening, grouped by
// poll, and what the whole-bundle read (the previous Follow, on every change) costs at the same journal size.
// Run: npx vite build && node --import tsx scripts/measure-follow.ts
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../src/cli/commands/serve';
import { bundleSql } from '../src/ui/connect/adminSql';
import { query, resolveAwakeable, send, waitForEntries } from '../test/harness/admin';
import { pollUntil, startRestateWithService } from '../test/harness/restate';

const RUNS = 3500;
const dist = path.join(import.meta.dirname, '..', 'dist');
const env = await startRestateWithService();
const app = await startServer({ distDir: dist, adminUrl: env.server.adminUrl, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: ['/usr/bin/chromium'].find((p) => existsSync(p)),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const id = await send(env.server.ingressUrl, 'Live/grow', { runs: RUNS, ticks: 3, perTick: 2 });
  const awakeable = (tick: number) =>
    pollUntil(
      async () => {
        const response = await fetch(`${env.service.controlUrl}/awakeables/${id}`);
        const ids = response.ok ? ((await response.json()) as string[]) : [];
        return ids.length > tick ? ids[tick] : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 100, what: `awakeable ${tick}` },
    );
  await awakeable(0);
  const page = await browser.newPage();
  const answers: { at: number; sql: string; bytes: number }[] = [];
  let opened = false;
  page.on('response', async (response) => {
    if (!response.url().endsWith('/restate-admin/query')) return;
    const sql = String((response.request().postDataJSON() as { query: string }).query);
    const bytes = (await response.body()).byteLength;
    if (opened) answers.push({ at: Date.now(), sql, bytes });
  });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: `Follow ${id}` }).click();
  const status = page.getByRole('status');
  await status.filter({ hasText: `of ${2 * RUNS + 1}` }).waitFor({ timeout: 120_000 });
  opened = true;
  // Two updates of 5 entries: the second awakeable is resolved once the page shows the first one's entries.
  for (const tick of [0, 1]) {
    await resolveAwakeable(env.server.ingressUrl, await awakeable(tick), 'go');
    await waitForEntries(env.server.adminUrl, id, 2 * RUNS + 1 + 5 * (tick + 1));
    await status.filter({ hasText: `of ${2 * RUNS + 1 + 5 * (tick + 1)}` }).waitFor({ timeout: 60_000 });
  }
  const total = 2 * RUNS + 1 + 10;
  await page.waitForTimeout(1500); // one more poll: it sees nothing new
  // Group answers by poll: a poll is the progress query and the queries it triggered.
  const polls: { sql: string[]; bytes: number }[] = [];
  for (const a of answers) {
    if (a.sql.startsWith('SELECT id, status, modified_at, journal_size')) polls.push({ sql: [], bytes: 0 });
    const poll = polls.at(-1);
    if (!poll) continue;
    poll.sql.push(a.sql.replace(/\s+/g, ' ').slice(0, 90));
    poll.bytes += a.bytes;
  }
  const updates = polls.filter((p) => p.sql.length > 1);
  console.log(
    `journal: ${2 * RUNS + 1} entries when opened, ${total} at the end; ${polls.length} polls, ${updates.length} with an update`,
  );
  for (const p of updates) console.log(`update: ${p.bytes} bytes in ${p.sql.length} queries\n  ${p.sql.join('\n  ')}`);
  const idle = polls.filter((p) => p.sql.length === 1).map((p) => p.bytes);
  console.log(`poll without change: ${idle[0] ?? '-'} bytes`);
  const sql = bundleSql(id);
  let whole = 0;
  for (const q of [sql.sys_invocation, sql.sys_journal, sql.sys_journal_events, sql.sys_invocation_status])
    whole += (await query(env.server.adminUrl, q)).text.length;
  const progress = idle[0] ?? 0;
  console.log(`before (whole bundle on every change, ${total} entries): ${whole + progress} bytes per update`);
  const after = updates.map((p) => p.bytes);
  console.log(
    `after: ${Math.min(...after)}–${Math.max(...after)} bytes per update; ratio ${((whole + progress) / Math.max(...after)).toFixed(0)}× less at worst`,
  );
} finally {
  await browser.close();
  app.server.closeAllConnections();
  app.server.close();
  await env.stop();
}
