// Users paste Restate handlers written in TypeScript: the editor takes them as they are (the engine Worker strips
// the types), and a TypeScript syntax error is reported with its line, which the editor marks.
import { expect, test } from './fixtures';

const TS_SCENARIO = `import { defineScenario, race, type SimContext } from '../src/sim';

interface Quote { price: number; currency: 'EUR' | 'USD' }
type Input = { sku: string };

export default defineScenario({
  name: 'typed-quote',
  input: { sku: 'A-1' } satisfies Input,
  world: { 'fetch-quote': { latencyMs: 30, value: { price: 12, currency: 'EUR' } as Quote } },
  handler: async (ctx: SimContext, input: Input): Promise<Quote | null> => {
    const quote = ctx.run<Quote>('fetch-quote');
    const timer = ctx.sleep(100);
    const first = (await race([quote, timer])) as Quote | null;
    return first!;
  },
});
`;

test('a TypeScript scenario pasted into the editor simulates: its lanes and the race decision appear', async ({
  inspector,
  page,
}) => {
  await inspector.example('fan-out').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  const code = page.locator('.cm-content');
  await expect(code).toBeVisible();
  await code.fill(TS_SCENARIO);
  await page.getByRole('button', { name: 'Simulate' }).click();

  await expect(inspector.lanes).toHaveCount(2);
  await page.keyboard.press('Home');
  await inspector.nextDecision.click();
  await expect(inspector.status).toHaveText(/race: fetch-quote \(c1\) won; sleep \(c2\) still pending/);
  await expect(inspector.lane('c1')).toHaveAccessibleName(/Run fetch-quote \(c1\): completed, won/);
  await expect(inspector.lane('c2')).toHaveAccessibleName(/Sleep \(c2\): pending/);
  await expect(page.getByRole('alert', { name: 'Error' })).toHaveCount(0);
});

test('a TypeScript syntax error names its line and column, and the editor marks that line until it is fixed', async ({
  inspector,
  page,
}) => {
  await inspector.example('fan-out').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  const code = page.locator('.cm-content');
  await expect(code).toBeVisible();
  // Line 11: a parameter annotation without its type.
  await code.fill(TS_SCENARIO.replace('input: Input): Promise', 'input: ): Promise'));
  await page.getByRole('button', { name: 'Simulate' }).click();

  const error = page.getByRole('alert', { name: 'Error' });
  await expect(error).toContainText('SCENARIO_SYNTAX');
  await expect(error).toContainText('at line 10');
  await expect(error).toContainText('Syntax error at line 10, column 43: Unexpected token.');
  await expect(error).toContainText('Fix the code at line 10');
  // The previous run stays on screen.
  await expect(inspector.lanes.first()).toBeVisible();

  const marked = page.locator('.cm-scenario-error-line');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveAttribute('data-error-line', '10');
  await expect(marked).toContainText('handler: async (ctx: SimContext, input: ): Promise<Quote | null> => {');
  await expect(marked).toHaveAttribute('title', /SCENARIO_SYNTAX: Syntax error at line 10/);

  // Fixing the code and simulating again clears the error and the mark.
  await code.fill(TS_SCENARIO);
  await expect(marked).toHaveCount(0);
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(error).toHaveCount(0);
  await expect(inspector.lanes).toHaveCount(2);
  await expect(marked).toHaveCount(0);
});

test('a dynamic import hidden behind a comment is refused, and its request never leaves the page', async ({
  inspector,
  page,
}) => {
  const probes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('escape-probe')) probes.push(r.url());
  });
  await inspector.example('fan-out').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await inspector.scenarioTab.click();
  const code = page.locator('.cm-content');
  await expect(code).toBeVisible();
  await code.fill(
    "import { defineScenario } from '../src/sim';\nconst loaded: Promise<unknown> = import/**/('./escape-probe.js');\nexport default defineScenario({ name: 'escape', handler: async () => 1 });\n",
  );
  await page.getByRole('button', { name: 'Simulate' }).click();
  await expect(page.getByRole('alert', { name: 'Error' })).toContainText(/may not use import\(\)/);
  expect(probes).toEqual([]);
});
