// Keyboard control, the scrubber, jump to entry, and URL restore (reload and back/forward).
import { expect, test } from './fixtures';

test('keyboard: arrows step, Shift+arrows jump decisions, Space plays, ? shows the shortcuts', async ({
  inspector,
  page,
}) => {
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await page.keyboard.press('Home');
  await expect(inspector.status).toHaveText(/^Step 0 of/);
  await page.keyboard.press('ArrowRight');
  await expect(inspector.status).toHaveText(/^Step 1 of/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(inspector.status).toHaveText(/^Step 1 of/);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(inspector.status).toContainText('won');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(inspector.status).toContainText(':');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(inspector.pause).toBeVisible();
  await page.keyboard.press(' ');
  await expect(inspector.play).toBeVisible();
});

test('keyboard: ↑/↓ move between lanes and select them', async ({ inspector, page }) => {
  await inspector.example('fan-out').click();
  const first = inspector.lanes.first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(inspector.lanes.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.lanes.nth(1)).toBeFocused();
});

test('scrubber and jump to entry move the cursor', async ({ inspector }) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scrubber.fill('2');
  await expect(inspector.status).toHaveText(/^Step 2 of/);
  await inspector.jumpToEntry.fill('0');
  await inspector.jumpToEntry.press('Enter');
  await expect(inspector.status).toHaveText(/^Step 1 of/);
});

test('the URL keeps source, cursor and selection: reload and back/forward restore them', async ({
  inspector,
  page,
}) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await page.keyboard.press('Home');
  await inspector.stepForward.click();
  await inspector.stepForward.click();
  await inspector.lane('c2').click();
  await expect(page).toHaveURL(/#src=example%3Allm-race&seed=1&cursor=2&sel=c2$/);
  await page.reload();
  await expect(inspector.status).toHaveText(/^Step 2 of/);
  await expect(inspector.lane('c2')).toHaveAttribute('aria-pressed', 'true');

  await inspector.example('fan-out').click();
  await expect(page).toHaveURL(/example%3Afan-out/);
  await page.goBack();
  await expect(page).toHaveURL(/example%3Allm-race/);
  await expect(inspector.status).toHaveText(/^Step 2 of/);
  await expect(inspector.example('llm-race')).toHaveAttribute('aria-current', 'true');
});

test('?src= opens a journal by URL', async ({ inspector, page }) => {
  await page.route('**/samples/race.json', (route) =>
    route.fulfill({ path: 'e2e/fixtures/samples/race-timeout/journal.query.json', contentType: 'application/json' }),
  );
  await page.goto('./?src=samples/race.json');
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Sleep \(c2\)/);
});

test('+/− zoom the timeline and 0 fits it again; the axis switches to journal index', async ({ inspector, page }) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const ticks = page.locator('.tick');
  const fitted = await ticks.allTextContents();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => ticks.allTextContents()).not.toEqual(fitted);
  await page.keyboard.press('0');
  await expect.poll(() => ticks.allTextContents()).toEqual(fitted);
  await page.getByRole('button', { name: 'Journal-index axis' }).click();
  await expect(ticks.first()).toHaveText(/^#\d+$/);
});

test('Alt+click on the time axis crashes the handler there and re-simulates', async ({ inspector, page }) => {
  await inspector.example('llm-race').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const ruler = page.locator('.ruler-area');
  const box = (await ruler.boundingBox())!;
  await ruler.click({ modifiers: ['Alt'], position: { x: box.width * 0.3, y: 10 } });
  await expect(page).toHaveURL(/crash=\d+/);
  await expect(inspector.inspector).toContainText('1: crash');
  await expect(inspector.timeline.getByText('handler down')).toBeVisible();
});

test('the theme toggle switches between system, dark and light', async ({ inspector, page }) => {
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(inspector.examples).toBeVisible();
});
