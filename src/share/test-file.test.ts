import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import crashAndReplay from '../../scenarios/crash-and-replay';
import { simulate } from '../sim';
import { generateTestFile, testFileName } from './test-file';

// Generated tests are written into the repo (so their relative imports resolve) and run with Vitest for real.
const dir = new URL('../../test/.generated/', import.meta.url).pathname;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runVitest(file: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      'npx',
      ['vitest', 'run', '--root', '.', '--config', 'vitest.generated.config.ts', file],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

describe('Export as test', () => {
  it('writes a test for a built-in example that passes, and fails when a decision differs', async () => {
    const run = await simulate(crashAndReplay, { seed: 7, crashes: [{ atMs: 60 }] });
    const input = {
      scenario: { kind: 'example' as const, name: 'crash-and-replay', file: 'crash-and-replay.ts' },
      seed: 7,
      crashesMs: [60],
      decisions: run.decisions,
      output: run.output,
      simImport: '../../src/sim',
      scenariosImport: '../../scenarios',
    };
    const text = generateTestFile(input);
    expect(testFileName(input)).toBe('crash-and-replay.seed-7.test.ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(dir + 'good.test.ts', text);
    const good = runVitest('test/.generated/good.test.ts');
    expect(good.output).toMatch(/1 passed/);
    expect(good.ok).toBe(true);

    // The same test with the seed's decision flipped must fail: the export really pins the decisions.
    const tampered = text.replace(/"winner": "c(\d+)"/, (_, n) => `"winner": "c${Number(n) + 100}"`);
    expect(tampered).not.toBe(text);
    writeFileSync(dir + 'bad.test.ts', tampered);
    expect(runVitest('test/.generated/bad.test.ts').ok).toBe(false);
  }, 120_000);

  it('inlines edited scenario code and points its import at the simulator', () => {
    const code = readFileSync(new URL('../../scenarios/timeout-race.ts', import.meta.url), 'utf8');
    const text = generateTestFile({
      scenario: { kind: 'scenario', code, name: 'my race' },
      seed: 3,
      decisions: [],
      output: { value: 1 },
      simImport: '../src/sim',
    });
    expect(text).toContain("import { defineScenario, select } from '../src/sim';");
    expect(text).toContain("import { simulate } from '../src/sim';");
    expect(text).toContain('const scenario = defineScenario(');
    expect(text).not.toContain('export default');
  });
});
