// `replay-inspector sdk-replay` end to end in process: report text, --json, exit codes, and bad input (exit 2).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../io';
import { checkSdkVersion, SdkVersionError } from '../../sdk-host/sdk-modules';
import { codeVersion } from '../../../test/restate-service/code-version';
import { run } from './sdk-replay';

const repo = resolve(__dirname, '../../..');
const fixture = (folder: string) => join(repo, 'test/fixtures/restate-1.7.12', folder, 'bundle.json');
const allServices = join(repo, 'test/restate-service/all-services.ts');
const checkoutV2 = join(repo, 'test/sdk-replay/checkout-v2.ts');

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    readFile: async (path: string) => new Uint8Array(readFileSync(path)),
    writeFile: async () => undefined,
  };
  return io;
}

describe('replay-inspector sdk-replay', () => {
  it('--json: a clean replay with the decisions the SDK made (exit 0)', async () => {
    const io = memoryIo();
    expect(await run([allServices, fixture('race-timeout'), '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out).toMatchObject({
      invocationId: 'inv_19OkL6cS7EN55byUxb9ysTrGtd6ghyvvbk',
      verdict: 'replayed',
      target: 'Lab/raceTimeout',
      mismatch: null,
      stoppedAt: null,
      sdkVersion: '1.17.2',
    });
    expect(out.decisions[0]).toMatchObject({
      combinator: 'race',
      futures: ['c1', 'c2'],
      winner: 'c2',
      pending: ['c1'],
    });
  });

  it('--json before the positionals is a flag, not a value', async () => {
    const io = memoryIo();
    expect(await run(['--json', allServices, fixture('race-timeout')], io)).toBe(0);
    expect(JSON.parse(io.stdout).verdict).toBe('replayed');
  });

  it('a mismatch prints the recorded command beside the new one (exit 1)', async () => {
    const io = memoryIo();
    expect(await run([checkoutV2, fixture('journal-mismatch')], io)).toBe(1);
    expect(io.stdout).toContain('journal mismatch (570) at command 1');
    expect(io.stdout).toMatch(/recorded in the journal\s+\| your code now/);
    expect(io.stdout).toMatch(/type: Run\s+\| type: Run/);
    expect(io.stdout).toMatch(/name: charge\s+\| name: fraud-check/);
    expect(io.stdout).toContain('name: charge != fraud-check');
  });

  it('a run the journal has no result for stops the replay (exit 3)', async () => {
    codeVersion.set(1); // checkout-v2.ts (loaded by the test above, same module graph) switched Checkout to v2
    const io = memoryIo();
    expect(await run([allServices, fixture('journal-mismatch'), '--json'], io)).toBe(3);
    expect(JSON.parse(io.stdout)).toMatchObject({ verdict: 'stopped', stoppedAt: { run: 'ship', commandIndex: 2 } });
  });

  it('a suspended journal replays to suspended where it ends (exit 0), with what it waits on', async () => {
    const io = memoryIo();
    expect(await run([allServices, fixture('suspended')], io)).toBe(0);
    expect(io.stdout).toContain('suspended, waiting on c1, s1, s17, s18');
  });

  it('--target overrides the invocation; a wrong service is bad input (exit 2)', async () => {
    const io = memoryIo();
    expect(await run([allServices, fixture('race-timeout'), '--target', 'Nope/raceTimeout'], io)).toBe(2);
    expect(io.stderr).toContain("defines no service 'Nope'");
    const bad = memoryIo();
    expect(await run([allServices, fixture('race-timeout'), '--target', 'not-a-target'], bad)).toBe(2);
    expect(bad.stderr).toContain('is not Service/handler');
  });

  it('a journal without the raw column is refused with the entry named (exit 2)', async () => {
    const text = JSON.parse(
      readFileSync(join(repo, 'test/fixtures/restate-1.7.12/race-timeout/journal.query.json'), 'utf8'),
    ) as { rows: Record<string, unknown>[] };
    for (const row of text.rows) delete row.raw;
    const file = join(mkdtempSync(join(tmpdir(), 'ri-sdk-replay-')), 'no-raw.json');
    writeFileSync(file, JSON.stringify(text));
    const io = memoryIo();
    expect(await run([allServices, file, '--target', 'Lab/raceTimeout'], io)).toBe(2);
    expect(io.stderr).toContain('entry 0 has no raw protocol bytes');
  });

  it('usage errors and unreadable input exit 2', async () => {
    const io = memoryIo();
    expect(await run([allServices], io)).toBe(2);
    expect(io.stderr).toContain('expected a handler module and a journal');
    const missing = memoryIo();
    expect(await run([allServices, '/nonexistent/journal.json'], missing)).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/journal.json');
    const noModule = memoryIo();
    expect(await run([join(repo, 'test/sdk-replay/nope.ts'), fixture('race-timeout')], noModule)).toBe(2);
  });

  it('a module exporting no service definition is bad input', async () => {
    const io = memoryIo();
    expect(await run([join(repo, 'test/restate-service/code-version.ts'), fixture('race-timeout')], io)).toBe(2);
    expect(io.stderr).toContain('exports no Restate service');
  });

  it('--endpoint refuses a journal that could reach a side effect unless allowed', async () => {
    const io = memoryIo();
    expect(await run(['--endpoint', 'http://127.0.0.1:9', fixture('journal-mismatch')], io)).toBe(2);
    expect(io.stderr).toContain('no Output');
    // race-timeout cut before its run's result: the deployment would execute run 'slow-fetch'.
    const text = JSON.parse(
      readFileSync(join(repo, 'test/fixtures/restate-1.7.12/race-timeout/journal.query.json'), 'utf8'),
    ) as { rows: { entry_type: string }[] };
    text.rows = text.rows.slice(0, 4).filter((r) => r.entry_type !== 'Notification: Run');
    const cut = join(mkdtempSync(join(tmpdir(), 'ri-sdk-replay-')), 'in-flight.json');
    writeFileSync(cut, JSON.stringify(text));
    const inFlight = memoryIo();
    expect(await run(['--endpoint', 'http://127.0.0.1:9', cut, '--target', 'Lab/raceTimeout'], inFlight)).toBe(2);
    expect(inFlight.stderr).toContain("run 'slow-fetch' (command 1) has no result in the journal");
    const suspended = memoryIo();
    expect(await run(['--endpoint', 'http://127.0.0.1:9', fixture('suspended')], suspended)).toBe(2);
    expect(suspended.stderr).toContain('no Output');
  });
});

describe('SDK version pin', () => {
  it('accepts 1.17.x and refuses the rest with the supported range', () => {
    expect(() => checkSdkVersion('1.17.2')).not.toThrow();
    expect(() => checkSdkVersion('1.18.0')).toThrow(SdkVersionError);
    expect(() => checkSdkVersion('2.0.0')).toThrow(/supported: >=1.17.0 <1.18.0/);
  });
});
