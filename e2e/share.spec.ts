// Share links: Copy link restores exactly the same view (status line, selection) in a fresh browser context, for an
// example, an edited scenario, a loaded journal and a journal replayed against a scenario; too-long links offer a
// view file; hostile links show a clear error and leave the app usable.
import { deflateSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { decodeShareState, toBase64Url } from '../src/share/link-codec';
import { expect, test } from './fixtures';
import { InspectorPage } from './pages/InspectorPage';
import { SharePage } from './pages/SharePage';

/** Opens a URL in a brand-new context (no sessionStorage, no history) and returns its page objects. */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, inspector: new InspectorPage(page), share: new SharePage(page) };
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('an example link keeps the compact form and restores step and selection in a fresh browser', async ({
  inspector,
  page,
  browser,
}, testInfo) => {
  const share = new SharePage(page);
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  await page.keyboard.press('Home');
  await inspector.nextDecision.click();
  await inspector.lane('c2').click();
  const status = await inspector.status.textContent();
  const url = await share.copiedUrl();
  expect(new URL(url).hash).toMatch(/^#src=example%3Acrash-and-replay&.*cursor=\d+&sel=c2$/);
  await page.screenshot({ path: testInfo.outputPath('link-copied.png') });
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await expect(fresh.inspector.lane('c2')).toHaveAttribute('aria-pressed', 'true');
  await fresh.context.close();
});

test('an edited scenario travels in the link (compressed) and re-simulates with the same seed', async ({
  inspector,
  page,
  browser,
}, testInfo) => {
  const share = new SharePage(page);
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  await page.getByRole('combobox', { name: 'Start from example' }).selectOption('llm-race');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('5');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.locator('.run-title')).toContainText('edited scenario · seed 5');
  await inspector.nextDecision.click();
  const status = await inspector.status.textContent();
  // No clipboard (an insecure origin, a locked-down browser): the link is shown in a field to copy by hand.
  await page.evaluate(() =>
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }),
  );
  await share.copyLink.click();
  await expect(share.manualLinkField).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('manual-link.png') });
  const url = await share.manualLinkField.inputValue();
  expect(new URL(url).hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await expect(fresh.page.locator('.run-title')).toContainText('edited scenario · seed 5');
  await fresh.context.close();
});

test('a loaded journal file is restored from the link alone', async ({ inspector, page, browser }) => {
  const share = new SharePage(page);
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.status).toHaveText(/^Step/);
  await page.keyboard.press('Home');
  await inspector.stepForward.click();
  await inspector.stepForward.click();
  await inspector.lanes.first().click();
  const selected = await inspector.lanes.first().getAttribute('data-future-id');
  const status = await inspector.status.textContent();
  const url = await share.copiedUrl();
  expect(new URL(url).hash.startsWith('#v1.')).toBe(true);
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await expect(fresh.inspector.lane(selected!)).toHaveAttribute('aria-pressed', 'true');
  await fresh.context.close();
});

test('a journal replayed against another scenario is shared with that pairing (the 570 mismatch comes back)', async ({
  inspector,
  page,
  browser,
}) => {
  const share = new SharePage(page);
  await inspector.example('journal-mismatch').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  await page.getByRole('combobox', { name: 'Start from example' }).selectOption('journal-mismatch-changed');
  await page.getByRole('button', { name: 'Replay loaded journal' }).click();
  await expect(inspector.status).toContainText('journal mismatch (570) at command 1');
  const status = await inspector.status.textContent();
  const url = await share.copiedUrl();
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await fresh.context.close();
});

test('a link over the size limit says so and offers a view file that restores the same view', async ({
  inspector,
  page,
  browser,
}, testInfo) => {
  const share = new SharePage(page);
  // Scenario code with a long incompressible comment (hash digests): its link cannot fit in 64,000 characters.
  const noise = Array.from({ length: 2500 }, (_, i) => createHash('sha256').update(String(i)).digest('base64')).join(
    '',
  );
  const exampleCode = await readFile(new URL('../scenarios/timeout-race.ts', import.meta.url), 'utf8');
  const viewPath = testInfo.outputPath('big.view.json');
  await writeFile(
    viewPath,
    JSON.stringify({
      format: 'replay-inspector/view',
      version: 1,
      view: { source: { kind: 'scenario', code: `// ${noise}\n${exampleCode}` }, seed: 3, cursor: 4 },
    }),
  );
  await inspector.openJournal.setInputFiles(viewPath);
  await expect(page.locator('.run-title')).toContainText('edited scenario · seed 3');
  await expect(inspector.status).toHaveText(/^Step 4 of/);
  const status = await inspector.status.textContent();

  await share.copyLink.click();
  await expect(share.tooLong).toBeVisible();
  await expect(share.tooLong).toContainText(/This link would be [\d,]+ characters long; links are limited to 64,000/);
  await page.screenshot({ path: testInfo.outputPath('too-long.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), share.downloadViewFile.click()]);
  expect(download.suggestedFilename()).toBe('edited-scenario.seed-3.view.json');

  const fresh = await openFresh(browser, './');
  await fresh.inspector.openJournal.setInputFiles(await download.path());
  await expect(fresh.inspector.status).toHaveText(status!);
  await fresh.context.close();
});

test('a cancellation time round-trips: the link cancels at that time, and Copy link keeps it', async ({
  page,
  browser,
}) => {
  // cancel-from-outside cancels at 100 ms by default; this link asks for 40 ms.
  const link =
    'v1.' +
    toBase64Url(
      deflateSync(
        new TextEncoder().encode(
          JSON.stringify({
            source: { kind: 'example', name: 'cancel-from-outside' },
            seed: 1,
            cancelAtMs: 40,
            cursor: 6,
          }),
        ),
      ),
    );
  const inspector = new InspectorPage(page);
  const share = new SharePage(page);
  await inspector.goto(`#${link}`);
  await expect(inspector.status).toContainText('cancelled: the invocation received the CANCEL signal');
  // The entry at this step is the CANCEL signal, appended when the link said.
  await expect(inspector.inspector).toContainText('40 ms (virtual)');
  const status = await inspector.status.textContent();
  const url = await share.copiedUrl();
  expect(decodeShareState(new URL(url).hash).cancelAtMs).toBe(40);
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await expect(fresh.inspector.inspector).toContainText('40 ms (virtual)');
  await fresh.context.close();
});

test('a cancellation time typed in the scenario editor is simulated, and travels in the link', async ({
  inspector,
  page,
  browser,
}) => {
  const share = new SharePage(page);
  await inspector.example('cancel-from-outside').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  const cancelAt = page.getByRole('textbox', { name: 'Cancel at (ms)' });
  // The field follows the run: the example's own cancellation time.
  await expect(cancelAt).toHaveValue('100');
  await cancelAt.fill('40');
  await page.getByRole('button', { name: 'Simulate' }).click();
  // The new run is shown once the address bar names it (stepping before that could step the old run, then jump).
  await expect(page).toHaveURL(/cancel=40/);
  await expect(cancelAt).toHaveValue('40');
  await page.keyboard.press('Home');
  for (let i = 0; i < 20 && !/cancelled:/.test((await inspector.status.textContent()) ?? ''); i++)
    await inspector.stepForward.click();
  await expect(inspector.inspector).toContainText('40 ms (virtual)');
  const status = await inspector.status.textContent();
  // The address bar keeps it too (once the step is written to it): a reload simulates the same cancellation.
  const step = /^Step (\d+) of/.exec(status!)![1];
  await expect(page).toHaveURL(new RegExp(`cancel=40&cursor=${step}(&|$)`));
  await page.reload();
  await expect(inspector.status).toHaveText(status!);
  await expect(inspector.inspector).toContainText('40 ms (virtual)');
  const url = await share.copiedUrl();
  expect(decodeShareState(new URL(url).hash).cancelAtMs).toBe(40);
  const fresh = await openFresh(browser, url);
  await expect(fresh.inspector.status).toHaveText(status!);
  await expect(fresh.inspector.inspector).toContainText('40 ms (virtual)');
  await fresh.inspector.scenarioTab.click();
  await expect(fresh.page.getByRole('textbox', { name: 'Cancel at (ms)' })).toHaveValue('40');
  await fresh.context.close();
});

const bomb = 'v1.' + toBase64Url(deflateSync(new Uint8Array(80 * 1024 * 1024), { level: 9 }));
const crafted =
  'v1.' +
  toBase64Url(
    deflateSync(
      new TextEncoder().encode(JSON.stringify({ source: { kind: 'example', name: 'x' }, cursor: '1; alert(1)' })),
    ),
  );
const hostile: [string, string, RegExp][] = [
  ['bad characters', 'v1.%%%<script>', /damaged/],
  ['cut-off data', 'v1.A', /cut off or damaged/],
  [
    'not deflate',
    'v1.' + toBase64Url(new TextEncoder().encode('hello world, not compressed')),
    /compressed data cannot be read/,
  ],
  ['a deflate bomb', bomb, /refused/],
  ['crafted JSON', crafted, /cursor is not a step number/],
  ['a newer version', 'v9.abc', /newer Replay Inspector/],
  [
    'a crafted compare view',
    'v1.' +
      toBase64Url(
        deflateSync(
          new TextEncoder().encode(
            JSON.stringify({
              source: { kind: 'example', name: 'timeout-race' },
              compare: { run: { kind: 'url', url: 'javascript:alert(1)' } },
            }),
          ),
        ),
      ),
    /compare\.run is not another seed/,
  ],
  [
    'a compare view with an unknown example',
    'v1.' +
      toBase64Url(
        deflateSync(
          new TextEncoder().encode(
            JSON.stringify({
              source: { kind: 'example', name: 'timeout-race' },
              compare: { run: { kind: 'example', name: 'no-such-example' } },
            }),
          ),
        ),
      ),
    /compare view could not be reopened: There is no example named "no-such-example"/,
  ],
];

for (const [what, hash, message] of hostile) {
  test(`a hostile link (${what}) shows a clear error and the app stays usable`, async ({ page }, testInfo) => {
    const inspector = new InspectorPage(page);
    await inspector.goto(`#${hash}`);
    await expect(inspector.alert).toContainText(message);
    await expect(inspector.alert).toContainText(/LINK_/);
    await page.screenshot({ path: testInfo.outputPath('hostile.png') });
    await inspector.example('timeout-race').click();
    await expect(inspector.status).toHaveText(/^Step/);
  });
}
