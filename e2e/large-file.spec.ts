// Issue 15, in the browser: a 1,000,000-entry /query export (~460 MB, generated in Restate's row shape) is read as a
// stream in the engine Worker (never one string), with a progress bar that states its percentage while the bytes
// arrive, and the run it gives stays steppable. Nothing here measures time: bench/scale.bench.ts does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { writeLargeQueryExport } from '../test/large-export';

test('a 1,000,000-entry export (~460 MB) loads with a progress bar and stays steppable', async ({
  inspector,
  page,
}) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ri-million-'));
  const file = path.join(dir, 'million.query.json');
  try {
    const bytes = await writeLargeQueryExport(file, 1_000_000);
    expect(bytes).toBeGreaterThan(256 * 1024 * 1024);
    await inspector.openJournal.setInputFiles(file);
    const bar = page.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 60_000 });
    await expect(bar).toContainText(/\d+ %/);
    await expect(inspector.lanes.first()).toBeVisible({ timeout: 240_000 });
    // The first rows show while the rest reads (e2e/partial-rows.spec.ts): the whole run is there when the bar goes.
    await expect(bar).toHaveCount(0, { timeout: 240_000 });
    await expect(inspector.status).toHaveText(/ of 1000000: /);
    // A loaded journal opens at its last step: step back, then forward again to where it was.
    const atEnd = (await inspector.status.textContent()) ?? '';
    await inspector.stepBack.click();
    await expect(inspector.status).not.toHaveText(atEnd);
    await inspector.stepForward.click();
    await expect(inspector.status).toHaveText(atEnd);
    // A run this large keeps its entries as columns and makes an entry when it is looked at (lazyEntries.ts): the
    // journal table's rows near the cursor, then the inspector of the one clicked.
    await inspector.journalTab.click();
    const rows = page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem');
    await rows.filter({ hasText: '#999998' }).click();
    await expect(inspector.status).toHaveText(/^Step 999999 of 1000000/);
    await expect(inspector.inspector).toContainText('step-500000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
