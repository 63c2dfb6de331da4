// Issue 8, in the browser: bad files, size limits, runaway scenarios. Each error names the file, the code, where and
// what to do; the previous view (run, cursor, selection) stays; the page never goes blank.
import { test as base, expect } from '@playwright/test';
import { RobustnessPage, sample } from './pages/RobustnessPage';

const test = base.extend<{ robust: RobustnessPage; errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  robust: async ({ page }, use) => {
    const robust = new RobustnessPage(page);
    await robust.goto();
    await use(robust);
  },
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const GZIP = Buffer.from([
  0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c, 0x4a, 6, 0, 0xc2, 0x41, 0x24, 0x35, 3, 0, 0, 0,
]);

test('bad files: each error names the file, code, location and what to do; the run, cursor and selection stay', async ({
  robust,
  page,
  errors,
}) => {
  const status = await robust.exampleAtStep('fan-out', 3);
  await robust.lanes.first().click();
  const selectedLane = robust.lanes.first();
  await expect(selectedLane).toHaveAttribute('aria-pressed', 'true');
  const truncated = sample('race-timeout/journal.query.json').slice(0, 900);
  const cases: { name: string; data: string | Buffer; code: string; where: RegExp; hint: RegExp }[] = [
    { name: 'truncated.query.json', data: truncated, code: 'TRUNCATED', where: /offset 900/, hint: /Export it again/ },
    { name: 'picture.png', data: PNG, code: 'BINARY_INPUT', where: /offset 0/, hint: /PNG image/ },
    { name: 'journal.json.gz', data: GZIP, code: 'BINARY_INPUT', where: /offset 0/, hint: /gunzip/ },
    { name: 'empty.json', data: '', code: 'EMPTY_INPUT', where: /offset 0/, hint: /empty file/ },
    {
      name: 'package.json',
      data: '{"name":"x","version":"1.0.0"}',
      code: 'UNKNOWN_FORMAT',
      where: /line 1/,
      hint: /Supported:/,
    },
    { name: 'rows.json', data: '{"rows":[1,2]}', code: 'BAD_FIELD_TYPE', where: /row 0/, hint: /export it again/i },
  ];
  for (const c of cases) {
    await robust.openBuffers({ name: c.name, data: c.data });
    await expect(robust.error).toContainText(`Could not open ${c.name}`);
    await expect(robust.error).toContainText(c.code);
    await expect(robust.error).toContainText(c.where);
    await expect(robust.error).toContainText('What to do:');
    await expect(robust.error).toContainText(c.hint);
    // One error slot: a new error replaces the last one instead of stacking.
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(robust.status).toHaveText(status);
    await expect(selectedLane).toHaveAttribute('aria-pressed', 'true');
    if (c.code === 'BINARY_INPUT' && c.name.endsWith('.png'))
      await page.screenshot({ path: test.info().outputPath('error-binary.png') });
  }
  await robust.dismissError.click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(robust.status).toHaveText(status);
  await robust.stepForward.click();
  await expect(robust.status).not.toHaveText(status);
  expect(errors).toEqual([]);
});

test('a journal from a newer server loads with a visible, listed warning', async ({ robust }) => {
  const d = JSON.parse(sample('race-timeout/journal.query.json')) as { rows: Record<string, unknown>[] };
  d.rows.splice(3, 0, {
    ...d.rows[2],
    entry_type: 'Command: Teleport',
    name: 'beam',
    entry_json: '{"Command":{"Teleport":{"completion_id":9}}}',
    entry_lite_json: '{"Command":{"Teleport":{}}}',
  });
  d.rows.forEach((r, i) => (r.index = i));
  await robust.openBuffers({ name: 'newer-server.query.json', data: JSON.stringify(d) });
  await expect(robust.lanes.first()).toBeVisible();
  await expect(robust.warnings).toContainText('1 warning while reading');
  await robust.warnings.getByText(/warning while reading/).click();
  await expect(robust.warnings.getByRole('listitem')).toHaveText(/UNKNOWN_ENTRY_TYPE .*Command: Teleport/);
  await robust.page.screenshot({ path: test.info().outputPath('warnings.png') });
  await robust.warnings.getByRole('button', { name: 'Dismiss warnings' }).click();
  await expect(robust.warnings).toHaveCount(0);
});

test('a file above the configured limit is refused from its size, before it is read, naming both numbers', async ({
  page,
}) => {
  const robust = new RobustnessPage(page);
  await robust.goto();
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
  const status = await robust.status.textContent();
  await robust.limitsButton.click();
  await expect(robust.limitsDialog).toContainText('Now: 1024.0 MiB');
  await expect(robust.limitsDialog).toContainText('Now: 1,000,000 entries');
  await expect(robust.limitsDialog).toContainText('Now: 5 s');
  await expect(robust.limitsDialog).toContainText('Now: 200,000 steps');
  await robust.limitsDialog.getByLabel(/Largest file/).fill('0');
  await expect(robust.limitsDialog).toContainText('Use a whole number from 1');
  await expect(robust.limitsDialog.getByRole('button', { name: 'Save limits' })).toBeDisabled();
  await robust.limitsDialog.getByLabel(/Largest file/).fill('2048');
  await robust.limitsDialog.getByRole('button', { name: 'Save limits' }).click();
  // No Worker starts: the file is refused from File.size alone.
  let workers = 0;
  page.on('worker', () => workers++);
  await robust.openBuffers({ name: 'just-over.json', data: 'x'.repeat(2049) });
  await expect(robust.error).toContainText('Could not open just-over.json TOO_LARGE');
  await expect(robust.error).toContainText('the file is 2.0 KiB (2049 bytes); the limit is 2.0 KiB (2048 bytes)');
  await expect(robust.error.getByRole('button', { name: 'Change limits' })).toBeVisible();
  await expect(robust.status).toHaveText(status ?? '');
  expect(workers).toBe(0);
  await page.screenshot({ path: test.info().outputPath('too-large.png') });
  // The setting is saved in this browser and survives a reload; Reset restores the defaults.
  await page.reload();
  await robust.limitsButton.click();
  await expect(robust.limitsDialog).toContainText('Now: 2.0 KiB');
  await robust.limitsDialog.getByRole('button', { name: 'Reset to defaults' }).click();
  await robust.limitsButton.click();
  await expect(robust.limitsDialog).toContainText('Now: 1024.0 MiB');
});

const spin = (body: string) =>
  `import { defineScenario } from '../src/sim';\nexport default defineScenario({ name: 'runaway', handler: async (ctx) => { ${body} } });\n`;

test.describe('runaway scenarios are stopped with a clear message while the page stays responsive', () => {
  const cases: { what: string; code: string; text: RegExp; topLevel?: string; body?: string; query?: string }[] = [
    {
      what: 'an infinite loop',
      body: 'while (true) {}',
      code: 'TIME_LIMIT',
      text: /took longer than 2 s and was stopped/,
    },
    {
      what: 'an endless stream of durable operations',
      body: 'for (;;) ctx.sleep(1);',
      code: 'STEP_LIMIT',
      text: /more than 20000 steps/,
      query: '?stepsMax=20000',
    },
    {
      what: 'runaway recursion',
      topLevel: 'const f = (n) => f(n + 1) + 1; f(0);',
      code: 'STACK_OVERFLOW',
      text: /Maximum call stack size exceeded/,
    },
    {
      what: 'a string that doubles without end',
      topLevel: "let s = 'x'; for (;;) s += s;",
      code: 'OUT_OF_MEMORY',
      text: /Invalid string length/,
    },
    {
      what: 'a huge allocation',
      topLevel: 'new Array(1e9).fill(0);',
      code: '(TIME_LIMIT|OUT_OF_MEMORY)',
      text: /stopped|memory/,
    },
  ];
  for (const c of cases) {
    test(`${c.what} → ${c.code}`, async ({ page }) => {
      const robust = new RobustnessPage(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await robust.goto(c.query ?? '?timeLimitMs=2000');
      const status = await robust.exampleAtStep('fan-out', 3);
      const code = c.topLevel
        ? `import { defineScenario } from '../src/sim';\n${c.topLevel}\nexport default defineScenario({ name: 'runaway', handler: async () => 1 });\n`
        : spin(c.body ?? '');
      await robust.simulateCode(code);
      // While the Worker runs away, the page answers: stepping the current run and the help dialog work.
      await robust.stepForward.click();
      await expect(robust.status).not.toHaveText(status);
      await robust.stepBack.click();
      await expect(robust.status).toHaveText(status);
      await robust.helpButton.click();
      await expect(robust.helpDialog).toBeVisible();
      await robust.helpDialog.getByRole('button', { name: 'Close' }).click();
      await expect(robust.error).toContainText(new RegExp(c.code), { timeout: 20_000 });
      await expect(robust.error).toContainText(c.text);
      await expect(robust.error).toContainText('What to do:');
      await expect(robust.status).toHaveText(status);
      await expect(robust.lanes.first()).toBeVisible();
      if (c.code === 'TIME_LIMIT') await page.screenshot({ path: test.info().outputPath('time-limit.png') });
      expect(errors).toEqual([]);
    });
  }

  test('an await that never ends: the run ends suspended, shown as such', async ({ page }) => {
    const robust = new RobustnessPage(page);
    await robust.goto();
    await robust.example('fan-out').click();
    await expect(robust.status).toHaveText(/^Step/);
    await robust.simulateCode(spin('await new Promise(() => {});'));
    await expect(page.getByText(/suspended/i).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
