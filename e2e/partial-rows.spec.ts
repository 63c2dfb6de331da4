// Issue 15: a large file's first rows show while the rest still reads. The engine Worker reads the first megabyte
// first and the page shows those entries (lanes, a status with their count, a "reading… showing n of ~m" note), then
// the full run replaces them; a file that fails further on ends in the error banner with its code and location, and
// the run shown before it comes back. Nothing here measures time: bench/first-row.bench.ts does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { PartialRunPage } from './pages/PartialRunPage';

const ENTRIES = 300_000;
let dir = '';
test.beforeAll(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'ri-partial-'))));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.describe.configure({ mode: 'serial' });

test('the first rows show while the file reads, then the full count', async ({ page }) => {
  test.setTimeout(180_000);
  const reading = new PartialRunPage(page);
  await reading.goto();
  const file = path.join(dir, 'large.query.json');
  await reading.writeExport(file, ENTRIES);
  await reading.openJournal.setInputFiles(file);
  await expect(reading.partialNote).toHaveText(/^reading… showing [\d,]+ of ~[\d,]+ entries$/, { timeout: 60_000 });
  const shown = await reading.entriesShown();
  expect(shown).toBeGreaterThan(100);
  expect(shown).toBeLessThan(ENTRIES);
  // The estimate is made from the first rows' bytes: these rows are all alike, so it is close.
  await expect(reading.partialNote).toContainText(/of ~(29\d|30\d),\d{3} entries/);
  await expect(reading.lanes.first()).toBeVisible();
  // Stepping covers only what is read: the status counts the first rows' steps, not the file's.
  await expect(reading.status).toHaveText(new RegExp(` of ${shown}: `));
  await expect(reading.partialNote).toHaveCount(0, { timeout: 150_000 });
  await expect(reading.progressBar).toHaveCount(0);
  await expect(reading.status).toHaveText(new RegExp(` of ${ENTRIES}: `));
});

test('a file that breaks after its first rows ends in the error banner, and the previous run comes back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const reading = new PartialRunPage(page);
  await reading.goto();
  await reading.openSample('race-timeout/journal.query.json');
  await expect(reading.status).toHaveText(/^Step 5 of 5: /);
  const file = path.join(dir, 'broken.query.json');
  const offset = await reading.writeBrokenExport(file, 100_000, 60_000);
  await reading.openJournal.setInputFiles(file);
  await expect(reading.partialNote).toBeVisible({ timeout: 60_000 });
  await expect(reading.error).toBeVisible({ timeout: 150_000 });
  await expect(reading.error).toContainText('NOT_JSON');
  // A file under 256 MiB that the stream path cannot finish is read whole, as before: its JSON error names the offset.
  await expect(reading.error).toContainText(`line 1, offset ${offset}`);
  await expect(reading.partialNote).toHaveCount(0);
  await expect(reading.status).toHaveText(/^Step 5 of 5: /);
});
