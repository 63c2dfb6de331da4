// Proves the import-cycle check of `npm run lint` (.dependency-cruiser.cjs): a cycle fails, type-only imports
// included, and the fix the check asks for (the shared type moved to a module both sides use) passes.
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

async function cycles(path: string): Promise<string[]> {
  const reported = await cruise([path], { ...config.options, baseDir: root, validate: true, ruleSet: config });
  const output = reported.output as ICruiseResult;
  return output.summary.violations
    .filter((v) => v.rule.name === 'no-cycle')
    .map((v) => [v.from, ...(v.cycle ?? []).map((step) => step.name)].join(' → '));
}

describe('import-cycle check', () => {
  it('rejects a store and slice that import each other (one side type-only)', async () => {
    expect(await cycles('test/lint-fixtures/cycle')).toEqual([
      'test/lint-fixtures/cycle/counter-slice.ts → test/lint-fixtures/cycle/store.ts → test/lint-fixtures/cycle/counter-slice.ts',
    ]);
  });

  it('accepts the same modules once the shared type has a module of its own', async () => {
    expect(await cycles('test/lint-fixtures/no-cycle')).toEqual([]);
  });
});
