// What users see of performance work (issue 6): a large journal loads with a progress bar that shows a percentage,
// the page keeps answering clicks while it loads, and raw rows (kept in the Worker) still show in the inspector.
// Nothing here measures time: `npm run bench` does (docs/performance.md).
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { generateJournal } from '../src/journal-reader/generate';
import { toRestateQueryText } from '../src/journal-reader';

/** A generated /query export of about `entries` entries (Restate's row shape), in the test's output folder. */
function largeExport(path: string, entries: number): { file: string; entries: number } {
  const journal = generateJournal({ entries, seed: 7 });
  writeFileSync(path, toRestateQueryText([journal]));
  return { file: path, entries: journal.entries.length };
}

test('a large journal shows a progress bar with a percentage while it loads, then its lanes', async ({
  inspector,
  page,
}, info) => {
  const large = largeExport(info.outputPath('large.query.json'), 100_000);
  await inspector.openJournal.setInputFiles(large.file);
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 60_000 });
  await expect(bar).toContainText(/\d+ %/);
  await expect(inspector.lanes.first()).toBeVisible({ timeout: 120_000 });
  // The first rows show while the rest reads (e2e/partial-rows.spec.ts): the whole run is there when the bar goes.
  await expect(bar).toHaveCount(0, { timeout: 120_000 });
  await expect(inspector.status).toHaveText(new RegExp(` of ${large.entries}: `));
});

test('the page answers a click while a large journal loads', async ({ inspector, page }, info) => {
  await inspector.openJournal.setInputFiles(largeExport(info.outputPath('large.query.json'), 100_000).file);
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The click was handled while the file was still loading: the progress bar is still there beside the dialog.
  await expect(bar).toBeVisible();
  await expect(inspector.lanes.first()).toBeAttached({ timeout: 120_000 });
});

test('the raw row of an entry is fetched from the Worker that read the file', async ({ inspector }) => {
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.status).toHaveText(/^Step 5 of 5: /);
  await inspector.inspector.getByText('Raw row').first().click();
  await expect(inspector.inspector.locator('pre').filter({ hasText: '"entry_type"' }).first()).toBeVisible();
});
