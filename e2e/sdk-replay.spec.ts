// "Replay with the real SDK": a real Restate 1.7.12 journal, the real handler file pasted or opened, replayed in the
// browser by the real @restatedev/restate-sdk (its WASM VM) in the sandboxed engine Worker: its decisions on the
// timeline, its 570 at the changed command beside the recorded one, and the SDK chunk fetched only when asked for.
import path from 'node:path';
import { cspContent, WORKER_CSP_DIRECTIVES } from '../src/share/csp';
import { expect, test } from './fixtures';
import { serveStatic } from './hosting/staticServer';
import { InspectorPage } from './pages/InspectorPage';
import { SharePage } from './pages/SharePage';
import { PASTE_HANDLERS, REAL_CAPTURES, SdkReplayPage } from './pages/SdkReplayPage';

test('paste the real handler, replay the real journal, step through the SDK decisions', async ({ inspector, page }) => {
  const sdkChunks: string[] = [];
  page.on('request', (r) => {
    if (/sdkReplayJob/.test(r.url())) sdkChunks.push(r.url());
  });
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await expect(sdk.handler).toHaveValue('Lab/raceTimeout');
  expect(sdkChunks, 'the SDK chunk is not part of loading a journal').toEqual([]);

  await sdk.paste('lab-race.ts');
  await sdk.replay.click();
  await expect(sdk.verdict).toContainText('replayed clean');
  await expect(sdk.verdict).toContainText(/\d+ decisions? traced from the SDK 1\.17/);
  expect(sdkChunks.length).toBeGreaterThan(0);

  // The real SDK's race: the 100 ms sleep won over the slow run, as the journal's notification order says.
  await page.keyboard.press('Home');
  await inspector.nextDecision.click();
  await expect(inspector.status).toContainText(/race: .*won/);
  await expect(page.locator('.bar.winner')).toHaveCount(1);
  await expect(inspector.page.getByRole('region', { name: 'Journal mismatch' })).toHaveCount(0);
});

test('a changed handler opened from a file shows the SDK 570 at its command, recorded beside new', async ({
  inspector,
  page,
}) => {
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.handlerFile.setInputFiles(path.join(PASTE_HANDLERS, 'lab-race-renamed.ts'));
  await expect(sdk.code).toContainText('fetch-quote');
  await sdk.replay.click();
  await expect(sdk.verdict).toContainText('journal mismatch (570) at command 1');
  const diff = sdk.verdict.getByRole('table', { name: 'Command 1: recorded and new' });
  await expect(diff.getByRole('row', { name: /name/ })).toContainText('slow-fetch');
  await expect(diff.getByRole('row', { name: /name/ })).toContainText('fetch-quote');
  await expect(sdk.verdict.getByLabel("The SDK's message")).toContainText(/mismatch/i);
  await expect(inspector.inspector.getByRole('region', { name: 'Journal mismatch' })).toContainText('fetch-quote');
  await expect(inspector.timeline.getByText('570 mismatch')).toBeVisible();
});

test('an import the browser cannot load is refused with its line marked', async ({ inspector, page }) => {
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.code.fill(`import * as restate from '@restatedev/restate-sdk';\nimport { z } from 'zod';\nz.string();\n`);
  await sdk.replay.click();
  await expect(inspector.alert).toContainText('SDK_HANDLER_IMPORT');
  await expect(inspector.alert).toContainText("line 2 imports 'zod'");
  await expect(page.locator('[data-error-line="2"]')).toBeVisible();
});

test('a simulation cannot be replayed by the SDK, and says why', async ({ inspector, page }) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await expect(sdk.replay).toBeDisabled();
  await expect(page.getByText('This is a simulation')).toBeVisible();
});

test('the replay frontier: the SDK stops before a run the journal has no result for, marked on the timeline', async ({
  inspector,
  page,
}) => {
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'journal-mismatch', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.handlerFile.setInputFiles(path.join(PASTE_HANDLERS, 'checkout-order.ts'));
  await sdk.replay.click();
  await expect(sdk.verdict).toContainText("stopped before executing run 'ship'");
  await expect(inspector.timeline.getByText("⏹ SDK stops: run 'ship'")).toBeVisible();
  await page.keyboard.press('End');
  await expect(inspector.status).toContainText("the real SDK stops here, before executing run 'ship'");
});

test('under CSP headers (the page policy, and the Worker policy docs/hosting.md gives), the SDK still replays', async ({
  page,
}) => {
  const dist = path.join(import.meta.dirname, '..', 'dist');
  const site = await serveStatic(dist, '/inspector/', (rel) => ({
    'content-security-policy': /^assets\/engine\.worker-[\w-]+\.js$/.test(rel)
      ? cspContent(WORKER_CSP_DIRECTIVES)
      : cspContent(),
  }));
  try {
    await page.goto(site.url);
    const inspector = new InspectorPage(page);
    await expect(page.getByRole('heading', { name: 'Replay Inspector' })).toBeVisible();
    await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
    await expect(inspector.status).toHaveText(/^Step/);
    const sdk = new SdkReplayPage(page);
    await sdk.open();
    await sdk.paste('lab-race.ts');
    await sdk.replay.click();
    await expect(sdk.verdict).toContainText('replayed clean');
    await expect(inspector.alert).toHaveCount(0);
  } finally {
    await site.close();
  }
});

test('a share link carries the real handler: a fresh browser replays it with the SDK to the same step', async ({
  inspector,
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.handlerFile.setInputFiles(path.join(PASTE_HANDLERS, 'lab-race-renamed.ts'));
  await sdk.replay.click();
  await expect(sdk.verdict).toContainText('journal mismatch (570) at command 1');
  const status = await inspector.status.textContent();
  const url = await new SharePage(page).copiedUrl();

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const freshPage = await fresh.newPage();
    await freshPage.goto(url);
    const again = new SdkReplayPage(freshPage);
    await expect(again.verdict).toContainText('journal mismatch (570) at command 1');
    await expect(new InspectorPage(freshPage).status).toHaveText(status!);
    await expect(again.code).toContainText('fetch-quote');
    await expect(again.handler).toHaveValue('Lab/raceTimeout');
  } finally {
    await fresh.close();
  }
});
