// Proves the import-boundary rule: a file in src/sim that imports UI code or reads the wall clock fails `npm run lint`.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const violation = readFileSync(new URL('../lint-fixtures/src/sim/violation.ts', import.meta.url), 'utf8');

async function lintAs(filePath: string, text: string) {
  const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.ruleId}`);
}

describe('pure-core import boundary', () => {
  it('rejects UI imports, DOM globals, Date.now, new Date() and Math.random in src/sim', async () => {
    const errors = await lintAs('src/sim/violation.ts', violation);
    expect(errors).toEqual([
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '7:no-restricted-properties',
      '8:no-restricted-properties',
      '9:no-restricted-globals',
      '10:no-restricted-syntax',
    ]);
  });

  it('applies the same rule to src/journal-reader and src/model', async () => {
    expect(await lintAs('src/journal-reader/x.ts', violation)).toHaveLength(6);
    expect(await lintAs('src/model/x.ts', violation)).toHaveLength(6);
  });

  it('lets the UI use React and the DOM', async () => {
    expect(await lintAs('src/ui/x.ts', violation)).toEqual([]);
  });
});
