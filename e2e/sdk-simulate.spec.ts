// "Simulate with the real SDK": a handler pasted as Restate's documentation writes it runs on the real SDK behind
// our simulated Restate server, in the browser; a crash injected during its sleep makes a second attempt that
// replays the journal, and the stepper walks through both.
import { expect, test } from './fixtures';
import { InspectorPage } from './pages/InspectorPage';
import { SdkReplayPage } from './pages/SdkReplayPage';
import { SharePage } from './pages/SharePage';

test('paste a real handler, simulate it with the real SDK, inject a crash, step through the replay', async ({
  inspector,
  page,
}) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.paste('docs-greeter.ts');
  await page.getByRole('button', { name: 'Simulate with the real SDK' }).click();
  await expect(page.getByRole('banner')).toContainText('Greeter/greet simulated by the real SDK');
  await expect(inspector.lane('c1')).toHaveAccessibleName(/Run notification/);
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Sleep/);
  await page.keyboard.press('End');
  await expect(inspector.status).toContainText('handler returned');

  // A crash at 500 ms (during the 1 s sleep): attempt 2 replays the run and the sleep from the journal.
  await page.getByRole('textbox', { name: 'Crash at (ms)' }).fill('500');
  await page.getByRole('button', { name: 'Simulate with the real SDK' }).click();
  await expect(inspector.inspector).toContainText('1: crash · 2: done');
  await page.keyboard.press('Home');
  let sawCrash = false;
  for (let i = 0; i < 20 && (await inspector.stepForward.isEnabled()); i++) {
    await inspector.stepForward.click();
    if (/attempt 1 crashed/.test((await inspector.status.textContent()) ?? '')) sawCrash = true;
  }
  expect(sawCrash).toBe(true);
  await expect(inspector.status).toContainText('handler returned');
  await expect(inspector.timeline.getByText('crash', { exact: false }).first()).toBeVisible();

  // The address bar names the simulation (the code stays in this tab): a reload simulates it again, crash included.
  await expect(page).toHaveURL(/#src=sdk-scenario&seed=\d+&crash=500/);
  const status = await inspector.status.textContent();
  // The step reaches the address bar at most every 100 ms while stepping: reload once it is there.
  const step = /^Step (\d+) of/.exec(status!)![1];
  await expect(page).toHaveURL(new RegExp(`cursor=${step}(&|$)`));
  await page.reload();
  await expect(inspector.status).toHaveText(status!);
  await expect(inspector.inspector).toContainText('1: crash · 2: done');
  await expect(page.getByRole('textbox', { name: 'Real handler code' })).toContainText('Greeter');
});

test('Copy link carries a real-SDK simulation: a fresh browser simulates the same code to the same step', async ({
  inspector,
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.paste('docs-greeter.ts');
  await page.getByRole('textbox', { name: 'Crash at (ms)' }).fill('500');
  await page.getByRole('button', { name: 'Simulate with the real SDK' }).click();
  await expect(inspector.inspector).toContainText('1: crash · 2: done');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await inspector.stepForward.click();
  const status = await inspector.status.textContent();
  const url = await new SharePage(page).copiedUrl();
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const freshPage = await fresh.newPage();
    await freshPage.goto(url);
    await expect(new InspectorPage(freshPage).status).toHaveText(status!);
    await expect(new SdkReplayPage(freshPage).code).toContainText('sendReminder');
  } finally {
    await fresh.close();
  }
});

test('the gallery runs an example as real SDK code on the real SDK: same journal length, crash and replay', async ({
  inspector,
  page,
}) => {
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  await page.getByRole('checkbox', { name: 'on the real SDK' }).check();
  await inspector.example('crash-and-replay').click();
  await expect(page.getByRole('banner')).toContainText('simulated by the real SDK (crash-and-replay (real SDK))');
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  await expect(inspector.inspector).toContainText('1: crash · 2: done');
  await expect(new SdkReplayPage(page).code).toContainText('defineSdkScenario');
  // Examples whose combinators only the Python SDK has cannot be picked in this mode.
  await expect(inspector.example('as-completed-pipeline')).toBeDisabled();
  // The editor offers the same real-SDK forms.
  await page.getByRole('combobox', { name: 'Start from an example in real SDK code' }).selectOption('llm-race');
  await expect(new SdkReplayPage(page).code).toContainText("name: 'Llm'");
});

test('a docs handler gets its input from the Input field: the saga books, fails and compensates; bad JSON is named', async ({
  inspector,
  page,
}) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const sdk = new SdkReplayPage(page);
  await sdk.open();
  await sdk.paste('docs-saga.ts');
  const input = page.getByRole('textbox', { name: 'Handler input (JSON)' });
  await input.fill('{flight');
  await page.getByRole('button', { name: 'Simulate with the real SDK' }).click();
  await expect(page.getByRole('alert')).toContainText('SDK_BAD_INPUT');
  await input.fill('{"flight": "LH 1", "car": "VW"}');
  await page.getByRole('button', { name: 'Simulate with the real SDK' }).click();
  await expect(page.getByRole('banner')).toContainText('Booking/run simulated by the real SDK');
  await page.keyboard.press('End');
  await expect(inspector.status).toContainText('handler returned a failure');
  await expect(inspector.inspector).toContainText('failure 500: no rooms left');
  for (const name of ['book flight', 'book car', 'book hotel', 'cancel car', 'cancel flight'])
    await expect(inspector.timeline.getByText(name, { exact: true }).first()).toBeVisible();
  // The input stays with the code in this tab: a reload simulates the same saga again.
  await page.reload();
  await expect(inspector.status).toContainText(/Step/);
  await expect(input).toHaveValue('{"flight": "LH 1", "car": "VW"}');
});
