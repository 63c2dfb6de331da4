// Screenshots of the main views, checked for what they must show. With SCREENSHOTS=1 they are written to
// docs/screenshots/ (for the README); otherwise to the test's output folder.
import path from 'node:path';
import { expect, test } from './fixtures';
import type { InspectorPage } from './pages/InspectorPage';

async function shoot(inspector: InspectorPage, name: string, outputPath: (name: string) => string): Promise<void> {
  const file = process.env.SCREENSHOTS
    ? path.join(import.meta.dirname, '..', 'docs', 'screenshots', `${name}.png`)
    : outputPath(`${name}.png`);
  // Let lazy panels (graph) lay out before the picture.
  await expect(
    inspector.page
      .locator('.react-flow__node')
      .first()
      .or(inspector.page.getByRole('list', { name: 'Completion order' })),
  ).toBeVisible();
  await inspector.page.screenshot({ path: file });
}

test('screenshot: who won a race', async ({ inspector }, info) => {
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toHaveText(/select: timeout \(c3\) won; Pricing\/quote \(c2\) still pending/);
  await shoot(inspector, 'race-decision', (n) => info.outputPath(n));
});

test('screenshot: crash and replay', async ({ inspector, page }, info) => {
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(inspector.status).toContainText('race: sleep (c3) won');
  await shoot(inspector, 'crash-and-replay', (n) => info.outputPath(n));
});

test('screenshot: a real Restate journal with its events', async ({ inspector }, info) => {
  await inspector.openSample(
    'run-retry/journal.query.json',
    'run-retry/events.query.json',
    'run-retry/invocation.query.json',
  );
  await expect(inspector.lanes).toHaveCount(2);
  await inspector.lane('c1').click();
  await shoot(inspector, 'real-journal', (n) => info.outputPath(n));
});

test('screenshot: journal mismatch (570)', async ({ inspector, page }, info) => {
  await inspector.example('journal-mismatch').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  await page.getByRole('combobox', { name: 'Start from example' }).selectOption('journal-mismatch-changed');
  await page.getByRole('button', { name: 'Replay loaded journal' }).click();
  await expect(inspector.status).toContainText('journal mismatch (570)');
  await expect(page.locator('.cm-content')).toContainText('fraud-check');
  await inspector.page.screenshot({
    path: process.env.SCREENSHOTS
      ? path.join(import.meta.dirname, '..', 'docs', 'screenshots', 'mismatch-editor.png')
      : info.outputPath('mismatch-editor.png'),
  });
});

test('screenshot: dark theme and the examples gallery', async ({ inspector, page }, info) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await inspector.goto();
  await expect(page.getByRole('heading', { name: 'See durable execution, one decision at a time' })).toBeVisible();
  await page.screenshot({
    path: process.env.SCREENSHOTS
      ? path.join(import.meta.dirname, '..', 'docs', 'screenshots', 'welcome-dark.png')
      : info.outputPath('welcome-dark.png'),
  });
  await inspector.example('llm-race').click();
  await expect(inspector.status).toContainText('race:');
  await shoot(inspector, 'llm-race-dark', (n) => info.outputPath(n));
});

test("screenshot: the real SDK's 570 on a real journal, recorded beside new", async ({ inspector, page }, info) => {
  const { PASTE_HANDLERS, REAL_CAPTURES, SdkReplayPage } = await import('./pages/SdkReplayPage');
  await inspector.openJournal.setInputFiles(path.join(REAL_CAPTURES, 'race-timeout', 'bundle.json'));
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.handlerFile.setInputFiles(path.join(PASTE_HANDLERS, 'lab-race-renamed.ts'));
  await sdk.replay.click();
  await expect(sdk.verdict).toContainText('journal mismatch (570) at command 1');
  await expect(inspector.timeline.getByText('570 mismatch')).toBeVisible();
  const file = process.env.SCREENSHOTS
    ? path.join(import.meta.dirname, '..', 'docs', 'screenshots', 'sdk-replay-mismatch.png')
    : info.outputPath('sdk-replay-mismatch.png');
  await page.screenshot({ path: file });
});
