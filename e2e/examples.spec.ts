// The examples gallery: every scenario in scenarios/ is listed with its description, loads, and steps to its end.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readScenarioMeta } from '../src/ui/derive/scenarioSource';
import { expect, test } from './fixtures';

const dir = path.join(import.meta.dirname, '..', 'scenarios');
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
  .map((f) => readScenarioMeta(f.replace(/\.ts$/, ''), readFileSync(path.join(dir, f), 'utf8')));

test('the page has its title and lists every example with its description', async ({ inspector, page }) => {
  await expect(page).toHaveTitle('Replay Inspector');
  expect(examples.length).toBeGreaterThanOrEqual(10);
  for (const ex of examples) {
    const button = inspector.example(ex.name);
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('title', ex.description);
  }
});

for (const ex of examples) {
  test(`example ${ex.name} loads and steps to its end`, async ({ inspector }) => {
    await inspector.example(ex.name).click();
    await expect(inspector.status).toHaveText(/^Step \d+ of \d+: /);
    await expect(inspector.lanes.first()).toBeVisible();
    const total = Number((await inspector.status.textContent())!.match(/of (\d+)/)![1]);
    await inspector.stepToEnd();
    await expect(inspector.status).toHaveText(new RegExp(`^Step ${total} of ${total}: `));
    await expect(inspector.stepForward).toBeDisabled();
  });
}
