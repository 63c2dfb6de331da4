// Compare two runs side by side, aligned by command index: seeds, crash vs no crash, identical runs, two files.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ComparePage } from './pages/ComparePage';
import { InspectorPage, SAMPLES } from './pages/InspectorPage';

test.describe('Compare two runs', () => {
  test('two seeds of a race where the winner differs: the divergence is named and both cursors jump to it', async ({
    inspector,
    page,
  }) => {
    await inspector.goto('#src=example:timeout-race&seed=1');
    await expect(inspector.lanes.first()).toBeVisible();
    const compare = new ComparePage(page);
    await compare.openButton.click();
    await expect(compare.chooser).toContainText('lined up command by command');
    await compare.seedOfB.fill('4');
    await compare.compareSeeds.click();

    await expect(compare.view).toBeVisible();
    await expect(compare.verdict).toContainText('First divergence');
    await expect(compare.verdict).toContainText('completion #2: seed 1 completed c3, seed 4 completed c2');
    // Paired by command index: the same first commands, then seed 1 reads the cache where seed 4 returns.
    await expect(compare.row(0)).not.toHaveClass(/differs/);
    await expect(compare.row(3)).toContainText('Run "read-cache"');
    await expect(compare.row(3)).toContainText('Output');
    await expect(compare.differences).toHaveCount(7);

    await compare.jumpToFirstDivergence.click();
    await expect(compare.cursors).toContainText('A step 5 of 8');
    await expect(compare.cursors).toContainText('B step 5 of 6');
    await expect(compare.view.locator('tr.first-divergence')).not.toHaveCount(0);
    await expect(compare.view.locator('tr.first-divergence.focused').first()).toBeVisible();

    // Any difference in the list moves both cursors to it.
    await compare.differences.filter({ hasText: 'command 4:' }).click();
    await expect(compare.cursors).toContainText('A step 8 of 8');
    await expect(compare.cursors).toContainText('B step 6 of 6');
    await expect(compare.row(4)).toHaveClass(/focused/);

    // Arrows step both runs (and never the inspector behind the view).
    await page.keyboard.press('ArrowLeft');
    await expect(compare.cursors).toContainText('A step 7 of 8');
    await expect(compare.cursors).toContainText('B step 5 of 6');

    // Closing (Escape) returns to the inspector as it was.
    await page.keyboard.press('Escape');
    await expect(compare.view).toBeHidden();
    await expect(page.locator('.run-title')).toContainText('seed 1');
    await expect(inspector.status).toContainText('Step 5 of 8');
  });

  test('two identical runs: no differences', async ({ inspector, page }) => {
    await inspector.goto('#src=example:timeout-race&seed=2');
    await expect(inspector.lanes.first()).toBeVisible();
    const compare = new ComparePage(page);
    await compare.compareWithSeed(2);
    await expect(compare.verdict).toContainText('No differences');
    await expect(compare.differences).toHaveCount(0);
    await expect(compare.jumpToFirstDivergence).toBeDisabled();
    await expect(compare.view.locator('tr.differs')).toHaveCount(0);
  });

  test('a crash against the same run without crashes: the crash changed the winner', async ({ inspector, page }) => {
    await inspector.goto('#src=example:crash-and-replay');
    await expect(inspector.lanes.first()).toBeVisible();
    const compare = new ComparePage(page);
    await compare.openButton.click();
    await compare.withoutCrashes.click();
    await expect(compare.verdict).toContainText(
      'completion #2: with crash at 60 ms completed c3, without crashes completed c2',
    );
    await expect(compare.differences.filter({ hasText: 'outcome' })).toContainText('{"timedOut":true}');
    await compare.jumpToFirstDivergence.click();
    await expect(compare.cursors).toContainText('A step 6 of');
    await expect(compare.cursors).toContainText('B step 6 of');
  });

  test('two journal files of the same handler', async ({ inspector, page }) => {
    await inspector.openSample('race-timeout/journal.query.json');
    await expect(inspector.lanes.first()).toBeVisible();
    const compare = new ComparePage(page);
    await compare.openButton.click();
    await compare.secondFile.setInputFiles({
      name: 'run-retry.query.json',
      mimeType: 'application/json',
      buffer: await readFile(path.join(SAMPLES, 'run-retry', 'journal.query.json')),
    });
    await expect(compare.view).toBeVisible();
    await expect(compare.verdict).toContainText('First divergence');
    await expect(compare.verdict).toContainText(
      'command 1: journal.query.json has Run "fetch-a", run-retry.query.json has Run "flaky"',
    );
  });
});

test('original vs a replay against changed code: the journal mismatch is the first divergence', async ({
  inspector,
  page,
}) => {
  await inspector.goto('#src=example:journal-mismatch');
  await expect(inspector.lanes.first()).toBeVisible();
  const compare = new ComparePage(page);
  await compare.openButton.click();
  await compare.chooser.getByLabel('Scenario to replay with').selectOption('journal-mismatch-changed');
  await compare.chooser.getByRole('button', { name: 'Compare with replay' }).click();
  await expect(compare.verdict).toContainText('journal mismatch');
  await expect(compare.verdict).toContainText('replay with journal-mismatch-changed stopped with journal mismatch 570');
  await compare.jumpToFirstDivergence.click();
  await expect(compare.row(1)).toHaveClass(/first-divergence/);
});

test.describe('Compare view in a share link', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('Copy link in the compare view reopens the same comparison (second run, cursors) in a fresh browser', async ({
    inspector,
    page,
    browser,
  }, info) => {
    await inspector.goto('#src=example:timeout-race&seed=1');
    await expect(inspector.lanes.first()).toBeVisible();
    const compare = new ComparePage(page);
    await compare.compareWithSeed(4);
    await expect(compare.view).toBeVisible();
    await compare.jumpToFirstDivergence.click();
    await page.keyboard.press('ArrowLeft');
    const legend = await compare.legend.textContent();
    const verdict = await compare.verdict.textContent();
    const cursors = await compare.cursors.textContent();

    await compare.copyLink.click();
    await expect(compare.view.getByText('Link copied')).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(url).hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    await page.screenshot({ path: info.outputPath('compare-link-copied.png') });

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    await fresh.goto(url);
    const again = new ComparePage(fresh);
    await expect(again.view).toBeVisible();
    await expect(again.legend).toHaveText(legend!);
    await expect(again.verdict).toHaveText(verdict!);
    await expect(again.cursors).toHaveText(cursors!);
    await fresh.screenshot({ path: info.outputPath('compare-reopened.png') });
    // Closing it shows run A as the link had it.
    await again.close.click();
    await expect(fresh.locator('.run-title')).toContainText('timeout-race · seed 1');
    await context.close();
  });

  test('a compared journal file too large for a link: the view file reopens the comparison', async ({
    inspector,
    page,
    browser,
  }, info) => {
    await inspector.goto('#src=example:timeout-race&seed=1');
    await expect(inspector.lanes.first()).toBeVisible();
    // A real capture with an extra column of incompressible text (hash digests): ~110 kB that no link can hold.
    const journal = JSON.parse(await readFile(path.join(SAMPLES, 'race-timeout', 'journal.query.json'), 'utf8')) as {
      rows: Record<string, unknown>[];
    };
    journal.rows[0].debug_note = Array.from({ length: 2500 }, (_, i) =>
      createHash('sha256').update(String(i)).digest('base64'),
    ).join('');
    const big = info.outputPath('noisy.query.json');
    await writeFile(big, JSON.stringify(journal));
    const compare = new ComparePage(page);
    await compare.openButton.click();
    await compare.secondFile.setInputFiles(big);
    await expect(compare.view).toBeVisible();
    const verdict = await compare.verdict.textContent();
    await compare.copyLink.click();
    const tooLong = compare.view.getByRole('dialog', { name: 'Link too long' });
    await expect(tooLong).toContainText(/links are limited to 64,000/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tooLong.getByRole('button', { name: 'Download view file' }).click(),
    ]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    const freshInspector = new InspectorPage(fresh);
    await freshInspector.goto();
    await freshInspector.openJournal.setInputFiles(await download.path());
    const again = new ComparePage(fresh);
    await expect(again.view).toBeVisible();
    await expect(again.legend).toContainText('noisy.query.json');
    await expect(again.verdict).toHaveText(verdict!);
    await fresh.screenshot({ path: info.outputPath('compare-from-view-file.png') });
    await context.close();
  });
});
