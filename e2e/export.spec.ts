// Exports: each downloads (or copies) a file whose content is checked: the native journal reads back with the
// reader (with the run's decisions), the SVG names every lane, the PNG is a PNG, the test file pins the decisions.
import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readJournals } from '../src/journal-reader';
import { expect, test } from './fixtures';
import { SharePage } from './pages/SharePage';

test('Download journal writes a native file that reads back with the same entries and decisions', async ({
  inspector,
  page,
}) => {
  const share = new SharePage(page);
  await inspector.example('crash-and-replay').click();
  await expect(inspector.status).toHaveText(/^Step \d+ of 7/);
  const { fileName, text } = await share.exportText('Download journal');
  expect(fileName).toMatch(/^crash-and-replay\.seed-\d+\.journal\.json$/);
  const read = readJournals(text, { fileName });
  expect(read.format).toBe('native');
  expect(read.journals[0].entries).toHaveLength(7);
  expect(read.run?.decisions.map((d) => d.combinator)).toContain('race');
  expect(read.run?.completionOrder.length).toBeGreaterThan(0);
});

test('a loaded journal file exports as native text without a run', async ({ inspector, page }) => {
  const share = new SharePage(page);
  await inspector.openSample('race-timeout/journal.query.json');
  await expect(inspector.status).toHaveText(/^Step/);
  const total = Number((await inspector.status.textContent())!.match(/of (\d+)/)![1]);
  const { text } = await share.exportText('Download journal');
  const read = readJournals(text);
  expect(read.journals[0].entries).toHaveLength(total);
  expect(read.run).toBeUndefined();
});

test('Timeline as SVG is a standalone file naming every lane; Timeline as PNG is an image', async ({
  inspector,
  page,
}, testInfo) => {
  const share = new SharePage(page);
  await inspector.example('llm-race').click();
  await expect(inspector.status).toContainText('race:');
  const { fileName, text } = await share.exportText('Timeline as SVG');
  expect(fileName).toMatch(/\.timeline\.svg$/);
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).not.toContain('<script');
  const ids = await inspector.lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-future-id')));
  for (const id of ids) expect(text).toContain(`data-future-id="${id}"`);
  expect(text).toContain('Call OpenAI/complete (c2)');
  expect(text).toContain(await inspector.status.textContent());
  expect(text).toContain('★ won');

  const png = await share.exportDownload('Timeline as PNG');
  expect(png.download.suggestedFilename()).toMatch(/\.timeline\.png$/);
  const bytes = await readFile(png.path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width is the SVG width at 2× (IHDR holds it big-endian at byte 16).
  expect(bytes.readUInt32BE(16)).toBe(2400);
  // Look at it: the drawn SVG as the page shows it.
  await page.setContent(text);
  await page.screenshot({ path: testInfo.outputPath('timeline-svg.png') });
});

test('Copy decision puts the status sentence and the candidates, winner, completed and pending on the clipboard', async ({
  inspector,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const share = new SharePage(page);
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toContainText('select:');
  const status = await inspector.status.textContent();
  await share.exportMenuButton.click();
  await share.exportItem('Copy decision').click();
  await expect(page.getByText('Decision copied')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const lines = text.split('\n');
  expect(lines[0]).toBe(status);
  expect(lines[1]).toMatch(/^Decision: select at entry #\d+ \(attempt 1\)$/);
  expect(text).toMatch(/Candidates: .*\(c2\).*\(c3\)/);
  expect(text).toMatch(/Winner: .+/);
  expect(text).toMatch(/Completed: .+/);
  expect(text).toMatch(/Pending: .+/);
});

test('Export as test downloads <scenario>.seed-<n>.test.ts pinning the decisions; it is off for a loaded file', async ({
  inspector,
  page,
}) => {
  const share = new SharePage(page);
  await inspector.example('timeout-race').click();
  await expect(inspector.status).toContainText('select:');
  const seed = (await page.locator('.run-title').textContent())!.match(/seed (\d+)/)![1];
  const { fileName, text } = await share.exportText('Export as test');
  expect(fileName).toBe(`timeout-race.seed-${seed}.test.ts`);
  expect(text).toContain("import scenario from '../../scenarios/timeout-race';");
  expect(text).toContain(`"seed": ${seed}`);
  expect(text).toContain('"combinator": "select"');
  expect(text).toContain('expect(facts).toEqual(');
  // Saved where docs/hosting.md says (test/unit/), the downloaded test runs and passes.
  const saved = path.join(import.meta.dirname, '..', 'test', 'unit', `export-e2e-${process.pid}.${fileName}`);
  await writeFile(saved, text);
  try {
    const result = spawnSync('npx', ['vitest', 'run', path.relative(process.cwd(), saved)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout + result.stderr).toMatch(/1 passed/);
    expect(result.status).toBe(0);
  } finally {
    await rm(saved, { force: true });
  }

  await inspector.openSample('race-timeout/journal.query.json');
  await expect(page.locator('.run-title')).not.toContainText('seed');
  await share.exportMenuButton.click();
  await expect(share.exportItem('Export as test')).toBeDisabled();
});

test('the export menu and its panels look right in dark mode', async ({ inspector, page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const share = new SharePage(page);
  await inspector.example('llm-race').click();
  await expect(inspector.status).toContainText('race:');
  await share.exportMenuButton.click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('export-menu-dark.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden();
});
