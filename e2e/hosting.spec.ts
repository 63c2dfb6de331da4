// The built site works from a sub-path of a plain static server, makes requests only for its own assets, runs
// under its Content-Security-Policy without a single violation, and keeps working offline once loaded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cspContent } from '../src/share/csp';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticSite } from './hosting/staticServer';
import { InspectorPage, SAMPLES } from './pages/InspectorPage';
import { SharePage } from './pages/SharePage';

const DIST = path.join(import.meta.dirname, '..', 'dist');
let site: StaticSite;

test.beforeAll(async () => {
  // dist/ is built by the Playwright web server command (vite build) before any test runs.
  expect(existsSync(path.join(DIST, 'index.html'))).toBe(true);
  site = await serveStatic(DIST, '/tools/inspector/');
});

test.afterAll(async () => {
  await site?.close();
});

test('a full session from /tools/inspector/: own assets only, no CSP violation, then offline', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  const failed: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await page.goto(site.url);
  const inspector = new InspectorPage(page);
  await expect(page.getByRole('heading', { name: 'Replay Inspector' })).toBeVisible();
  // The policy is the one documented (docs/hosting.md), delivered in the page itself.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', cspContent());

  // Open an example, step, look at the graph.
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toContainText('select:');
  await page.keyboard.press('Home');
  await inspector.stepForward.click();
  await expect(inspector.status).toHaveText(/^Step 1 of/);
  await inspector.graphTab.click();
  await expect(page.locator('.react-flow').first()).toBeVisible();

  // Open a journal file.
  await inspector.openJournal.setInputFiles(path.join(SAMPLES, 'race-timeout', 'journal.query.json'));
  await expect(page.locator('.run-title')).not.toContainText('seed');
  await expect(inspector.status).toHaveText(/^Step/);

  // Simulate edited code in the editor: scenario code is evaluated (new Function) in the engine Worker only.
  await inspector.scenarioTab.click();
  await page.getByRole('combobox', { name: 'Start from example' }).selectOption('llm-race');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('3');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('.run-title')).toContainText('edited scenario · seed 3');
  await expect(inspector.status).toHaveText(/^Step/);

  // PNG export draws through a blob: image and a canvas.
  const share = new SharePage(page);
  const png = await share.exportDownload('Timeline as PNG');
  expect(png.download.suggestedFilename()).toMatch(/\.png$/);

  // Offline after load: another example still simulates (the engine and the simulator come from the cache).
  await context.setOffline(true);
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  await context.setOffline(false);

  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(failed).toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  // Every request is for an asset the build produced (no API, no CDN, no fonts from elsewhere).
  for (const u of requests.filter((r) => r.startsWith(site.url))) {
    const rel = decodeURIComponent(new URL(u).pathname.slice('/tools/inspector/'.length)) || 'index.html';
    expect(existsSync(path.join(DIST, rel)), rel).toBe(true);
  }
  expect(requests.some((u) => /assets\/engine\.worker-[\w-]+\.js$/.test(u))).toBe(true);
});

test('the built files name no other origin (no CDN, no external fonts)', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const files = (await readdir(path.join(DIST, 'assets')))
    .map((f) => path.join(DIST, 'assets', f))
    .concat(path.join(DIST, 'index.html'));
  for (const file of files.filter((f) => /\.(html|css)$/.test(f))) {
    const text = await readFile(file, 'utf8');
    // CSS and HTML load nothing from elsewhere: no @import or url() with an absolute address, no external <script>/<link>.
    expect(text, file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    expect(text, file).not.toMatch(/@import\s+['"]?(https?:)?\/\//);
    expect(text, file).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
  }
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  // Relative asset paths (vite base './'): the site works from any sub-path.
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
  expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
});
