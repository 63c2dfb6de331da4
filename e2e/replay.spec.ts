// Crash and replay, the stepper's decisions, and a journal mismatch (570) shown at its command.
import { expect, test } from './fixtures';

test('crash-and-replay: attempt 1 crashes, the timer fires while the handler is down, and wins on replay', async ({
  inspector,
  page,
}) => {
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  await page.keyboard.press('Home');
  await expect(inspector.status).toHaveText('Step 0 of 7: nothing appended yet');
  // Walk forward to the crash.
  for (let i = 0; i < 5; i++) await inspector.stepForward.click();
  await expect(inspector.status).toContainText('attempt 1 crashed');
  await expect(inspector.timeline.getByText('crash', { exact: false }).first()).toBeVisible();
  await inspector.nextDecision.click();
  await expect(inspector.status).toHaveText(/race: sleep \(c3\) won; fetch-report \(c2\) still pending/);
  await expect(inspector.lane('c3')).toHaveAccessibleName(/Sleep \(c3\): completed, won/);
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Run fetch-report \(c2\): pending, lost/);
  await expect(inspector.inspector).toContainText('1: crash · 2: done');

  // Without the crash, the run finishes first and wins the same race.
  await inspector.scenarioTab.click();
  await page.getByRole('textbox', { name: 'Crash at (ms)' }).fill('');
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(inspector.status).toHaveText(/await: prepare/);
  await inspector.nextDecision.click();
  await expect(inspector.status).toHaveText(/race: fetch-report \(c2\) won; sleep \(c3\) still pending/);
});

test('next and previous decision jump between combinator decisions', async ({ inspector }) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toContainText('race:');
  await expect(inspector.previousDecision).toBeDisabled();
  await inspector.nextDecision.click();
  await expect(inspector.status).toContainText('await:');
  await inspector.previousDecision.click();
  await expect(inspector.status).toContainText('race:');
  await expect(inspector.page.locator('.bar.winner')).toHaveCount(1);
});

test('replaying a journal with changed code shows the 570 mismatch at its command', async ({ inspector, page }) => {
  await inspector.example('journal-mismatch').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  await page.getByRole('combobox', { name: 'Start from example' }).selectOption('journal-mismatch-changed');
  await page.getByRole('button', { name: 'Replay loaded journal' }).click();
  await expect(inspector.status).toContainText(
    "journal mismatch (570) at command 1: expected Run 'create-account', got Run 'fraud-check'",
  );
  const mismatch = inspector.inspector.getByRole('region', { name: 'Journal mismatch' });
  await expect(mismatch).toContainText("Run 'fraud-check'");
  await expect(inspector.timeline.getByText('570 mismatch')).toBeVisible();
});

test('play runs to the end and the button turns back into Play', async ({ inspector, page }) => {
  await inspector.example('fan-out').click();
  // Wait for the fan-out run itself: a run that arrives after Play was pressed stops playback (runSlice.setRun).
  await expect(inspector.example('fan-out')).toHaveAttribute('aria-current', 'true');
  await expect(inspector.status).toHaveText(/^Step/);
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('8');
  await inspector.play.click();
  await expect(inspector.pause).toBeVisible();
  await expect(inspector.play).toBeVisible({ timeout: 15_000 });
  const total = (await inspector.status.textContent())!.match(/of (\d+)/)![1];
  await expect(inspector.status).toHaveText(new RegExp(`^Step ${total} of ${total}`));
});

test('a real Restate journal paired with handler code replays into decisions', async ({ inspector, page }) => {
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.lanes).toHaveCount(2);
  await inspector.scenarioTab.click();
  const code = page.locator('.cm-content');
  await expect(code).toBeVisible();
  await code.fill(
    "import { defineScenario, race } from '../src/sim';\n" +
      "export default defineScenario({ name: 'fanout-race', handler: async (ctx) =>\n" +
      "  race([ctx.run('fetch-a').map((v) => ({ kind: 'value', v })), ctx.sleep(100).map(() => ({ kind: 'timeout' }))]) });\n",
  );
  await page.getByRole('button', { name: 'Replay loaded journal' }).click();
  await expect(inspector.status).toHaveText('Step 4 of 5: race: sleep (c2) won; fetch-a (c1) still pending');
  await expect(inspector.lane('c2')).toHaveAccessibleName('Sleep (c2): completed, won');
});

test('a scenario that never ends is stopped with a clear message and the page stays usable', async ({
  inspector,
  page,
}) => {
  await inspector.example('fan-out').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  await page
    .locator('.cm-content')
    .fill(
      "import { defineScenario } from '../src/sim';\nexport default defineScenario({ name: 'spin', handler: async () => { for (;;) {} } });\n",
    );
  await page.getByRole('button', { name: 'Simulate' }).click();
  await inspector.stepBack.click();
  await expect(inspector.alert).toContainText('TIME_LIMIT', { timeout: 15_000 });
  await expect(inspector.lanes.first()).toBeVisible();
});
