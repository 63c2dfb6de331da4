// The command line on a handler file as users keep them: in a CommonJS package (no "type": "module", as many Restate
// service projects are), and a lone file whose folder has no SDK. Run as the real bin (tsx loads the file), since
// the module system is the point and Vitest's loader would hide it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NativeJournalFile } from '../model';

const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A saga in the shape of Restate's documentation: book, fail terminally, run the compensations in reverse.
const SAGA = `import * as restate from '@restatedev/restate-sdk';

export const booking = restate.service({
  name: 'Booking',
  handlers: {
    run: async (ctx: restate.Context, req: { flight: string; car: string }) => {
      const compensations: Array<() => Promise<unknown>> = [];
      try {
        compensations.push(() => ctx.run('cancel flight', () => req.flight));
        await ctx.run('book flight', () => req.flight);
        compensations.push(() => ctx.run('cancel car', () => req.car));
        await ctx.run('book car', () => req.car);
        await ctx.run('book hotel', () => {
          throw new restate.TerminalError('no rooms left');
        });
      } catch (e) {
        if (e instanceof restate.TerminalError) for (const undo of compensations.reverse()) await undo();
        throw e;
      }
    },
  },
});
`;

function project(packageJson: object | null, withSdk: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ri-user-module-'));
  dirs.push(dir);
  if (packageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  if (withSdk) symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'saga.ts'), SAGA);
  return dir;
}

function bin(args: string[]) {
  const child = spawnSync(process.execPath, [join(repo, 'bin/replay-inspector.mjs'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('the CLI on a user handler file', () => {
  it.each([
    ['a CommonJS package', { name: 'shop', type: 'commonjs' }],
    ['a package without a type', { name: 'shop' }],
    ['an ES module package', { name: 'shop', type: 'module' }],
  ])('simulates and replays a docs-style saga in %s, with --input', (_, packageJson) => {
    const dir = project(packageJson, true);
    const out = join(dir, 'run.json');
    const input = JSON.stringify({ flight: 'LH 1', car: 'VW' });
    const simulated = bin(['simulate', join(dir, 'saga.ts'), '--input', input, '-o', out]);
    expect(simulated.err).toBe('');
    expect(simulated.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as NativeJournalFile;
    const runs = file.journal.entries.filter((e) => e.kind === 'command' && e.type === 'Run').map((e) => e.name);
    expect(runs).toEqual(['book flight', 'book car', 'book hotel', 'cancel car', 'cancel flight']);
    expect(file.run?.output).toEqual({ failure: { code: 500, message: 'no rooms left' } });
    const replayed = bin(['replay', join(dir, 'saga.ts'), out]);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('verdict: replayed');
  });

  it('names the missing SDK and how to install it when the file cannot import it', () => {
    const dir = project({ name: 'lonely', type: 'module' }, false);
    const result = bin(['simulate', join(dir, 'saga.ts')]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Cannot find package '@restatedev/restate-sdk'");
    expect(result.err).toContain('npm i @restatedev/restate-sdk');
  });

  it('refuses --input that is not JSON, saying so', () => {
    const dir = project({ name: 'shop' }, true);
    const result = bin(['simulate', join(dir, 'saga.ts'), '--input', '{flight']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--input must be JSON');
  });
});
