// Opening real Restate 1.7.12 exports in each format the reader supports, by the file input and by drag-and-drop.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLES } from './pages/InspectorPage';

test('opens a /query JSON export: the sleep beat the run, which never completed', async ({ inspector }) => {
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.lane('c1')).toHaveAccessibleName(/Run fetch-a \(c1\): pending/);
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Sleep \(c2\): completed/);
  await expect(inspector.status).toHaveText(/^Step 5 of 5: /);
});

for (const file of ['journal.query.json', 'journal.sql.json', 'journal.sql.jsonl']) {
  test(`opens run-retry ${file} with the summary's future ids`, async ({ inspector }) => {
    await inspector.openSample(`run-retry/${file}`);
    // c2 is the call's invocation id: a marker on the call's lane (c3), not a lane of its own (issue 12).
    await expect(inspector.lanes).toHaveCount(2);
    for (const id of ['c1', 'c3']) await expect(inspector.lane(id)).toBeVisible();
    await expect(inspector.lane('c1')).toHaveAccessibleName(/Run flaky \(c1\)/);
    await expect(inspector.lane('c3')).toHaveAccessibleName(/Call .*\(c3\).*callee invocation id inv_\w+ known \(c2\)/);
  });
}

test('opens the three query files of one invocation together and shows its transient errors', async ({ inspector }) => {
  await inspector.openSample(
    'run-retry/journal.query.json',
    'run-retry/events.query.json',
    'run-retry/invocation.query.json',
  );
  await expect(inspector.inspector).toContainText('Fanout/retry');
  await inspector.stepBack.click();
  await inspector.stepBack.click();
  await expect(inspector.lane('c1')).toHaveAccessibleName(/Run flaky \(c1\): retrying after a transient error/);
  await expect(inspector.page.getByRole('list', { name: 'Completion order' })).toHaveText(/c2.*c3.*c1/);
});

test('a file dropped on the page is opened', async ({ inspector, page }) => {
  const text = readFileSync(path.join(SAMPLES, 'race-timeout/journal.query.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'journal.query.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop a journal file to open it')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Sleep \(c2\)/);
});

test('a file that is not a journal gives an error that names it, and the page keeps working', async ({ inspector }) => {
  await inspector.openJournal.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello, not a journal'),
  });
  await expect(inspector.alert).toContainText('notes.txt');
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.alert).toBeHidden();
  await expect(inspector.lanes).toHaveCount(2);
});

test('an opened file survives a reload of the tab, at the same step and selection', async ({ inspector, page }) => {
  await inspector.openSample('race-timeout/journal.query.json');
  await inspector.stepBack.click();
  await inspector.lane('c1').click();
  await expect(page).toHaveURL(/src=file%3Ajournal.query.json&cursor=4&sel=c1/);
  await page.reload();
  await expect(inspector.status).toHaveText(/^Step 4 of 5/);
  await expect(inspector.lane('c1')).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.inspector).toContainText('Run fetch-a (c1)');
});

test('the journal tab lists every entry and clicking one moves the cursor there', async ({ inspector, page }) => {
  await inspector.openSample('run-retry/journal.sql.jsonl');
  await inspector.journalTab.click();
  const rows = page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem');
  await expect(rows).toHaveCount(7);
  await rows.nth(2).click();
  await expect(inspector.status).toHaveText(/^Step 3 of 7/);
  await expect(inspector.inspector).toContainText('Command: Call');
});

test('every lane of a 300-future journal is findable by its summary id, and arrows keep lanes in view', async ({
  inspector,
  page,
}) => {
  await inspector.openJournal.setInputFiles(path.join(SAMPLES, '..', 'many-futures.query.json'));
  await expect(inspector.lanes).toHaveCount(300);
  await expect(inspector.lane('c300')).toHaveAccessibleName('Run r300 (c300): completed');
  await inspector.lane('c299').scrollIntoViewIfNeeded();
  await inspector.lane('c299').click();
  await page.keyboard.press('ArrowDown');
  await expect(inspector.lane('c300')).toBeFocused();
  await expect(inspector.lane('c300')).toBeInViewport();
});

test('names and payloads that contain HTML are shown as text and never run', async ({ inspector, page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  // The name is read from entry_json (JSON inside JSON), hence the doubly escaped quotes.
  const text = readFileSync(path.join(SAMPLES, 'race-timeout/journal.query.json'), 'utf8').replaceAll(
    'fetch-a',
    hostile.replaceAll('"', '\\\\\\"'),
  );
  await inspector.openJournal.setInputFiles({
    name: 'hostile.query.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(inspector.lane('c1')).toHaveAccessibleName(`Run ${hostile} (c1): pending`);
  await inspector.lane('c1').click();
  await expect(inspector.inspector).toContainText(hostile);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
