import { describe, expect, it } from 'vitest';
import { main } from '../main';
import type { CliIo } from '../io';
import type { NativeJournalFile } from '../../model';

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readFile: async (path) => {
      const text = written[path] ?? files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return new TextEncoder().encode(text);
    },
    writeFile: async (path, data) =>
      void (written[path] = typeof data === 'string' ? data : new TextDecoder().decode(data)),
  };
  return { io, out, err, written };
}

describe('replay-inspector simulate', () => {
  it('writes a native journal file to stdout, with the seed and crash options applied', async () => {
    const { io, out } = fakeIo();
    const code = await main(
      ['simulate', 'scenarios/crash-and-replay.ts', '--seed', '9', '--crash-at', '30', '--crash-at', '400'],
      io,
    );
    expect(code).toBe(0);
    const file = JSON.parse(out.join('')) as NativeJournalFile;
    expect(file.format).toBe('replay-inspector/journal');
    expect(file.version).toBe(1);
    expect(file.journal.invocationId).toBe('inv_sim_crash-and-replay_9');
    expect(file.run?.seed).toBe(9);
    expect(file.run?.attempts.map((a) => a.end)).toEqual(['crash', 'done']);
    expect(file.run?.attempts[0].endMs).toBe(30);
  });

  it('writes to -o and is deterministic', async () => {
    const a = fakeIo();
    const b = fakeIo();
    expect(await main(['simulate', 'scenarios/llm-race.ts', '--seed', '3', '-o', 'out.json'], a.io)).toBe(0);
    expect(await main(['simulate', 'scenarios/llm-race.ts', '--seed', '3', '-o', 'out.json'], b.io)).toBe(0);
    expect(a.written['out.json']).toBe(b.written['out.json']);
    expect(a.out.join('')).toMatch(/^wrote out\.json: 9 entries/);
  });

  it('applies --cancel-at', async () => {
    const { io, out } = fakeIo();
    expect(await main(['simulate', 'scenarios/fan-out.ts', '--cancel-at', '5'], io)).toBe(0);
    const file = JSON.parse(out.join('')) as NativeJournalFile;
    expect(file.run?.output).toEqual({ failure: { code: 409, message: 'Cancelled' } });
  });

  it('exits 2 with a clear message on bad arguments or a missing scenario', async () => {
    const bad = fakeIo();
    expect(await main(['simulate', 'scenarios/fan-out.ts', '--seed', 'abc'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('--seed needs a whole number');
    const missing = fakeIo();
    expect(await main(['simulate', 'scenarios/does-not-exist.ts'], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('cannot load scenario file');
    const none = fakeIo();
    expect(await main(['simulate'], none.io)).toBe(2);
  });

  it('exits 2 with SIM_STEPS_EXCEEDED when the step limit is hit', async () => {
    const { io, err } = fakeIo();
    expect(await main(['simulate', 'scenarios/fan-out.ts', '--steps-max', '2'], io)).toBe(2);
    expect(err.join('')).toContain('SIM_STEPS_EXCEEDED');
  });
});

describe('replay-inspector replay', () => {
  it('prints one line per decision and the output (exit 0)', async () => {
    const sim = fakeIo();
    await main(['simulate', 'scenarios/timeout-race.ts', '--seed', '2', '-o', 'j.json'], sim.io);
    const { io, out } = fakeIo(sim.written);
    expect(await main(['replay', 'scenarios/timeout-race.ts', 'j.json'], io)).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines[0]).toMatch(/^replay of inv_sim_timeout-race_2 with scenario 'timeout-race': \d+ decisions$/);
    expect(lines[1]).toMatch(/^#1 entry \d+: select\(c2, c3\) → c\d won \(key (quote|timeout)\)/);
    expect(lines[lines.length - 1]).toMatch(/^output: /);
  });

  it('exits 1 and prints the mismatch on 570', async () => {
    const sim = fakeIo();
    await main(['simulate', 'scenarios/journal-mismatch.ts', '-o', 'j.json'], sim.io);
    const { io, out } = fakeIo(sim.written);
    expect(await main(['replay', 'scenarios/journal-mismatch-changed.ts', 'j.json'], io)).toBe(1);
    expect(out.join('')).toContain(
      "journal mismatch 570 at command 1: expected Run 'create-account', actual Run 'fraud-check'",
    );
  });

  it('a paused simulation (retryable handler error) says so; its replay prints the error as a note (exit 0)', async () => {
    const sim = fakeIo();
    expect(await main(['simulate', 'scenarios/handler-transient-error.ts', '-o', 'j.json'], sim.io)).toBe(0);
    expect(sim.out.join('')).toContain(
      'attempts: transient-failure, transient-failure, transient-failure, limit, status paused, output null',
    );
    const { io, out } = fakeIo(sim.written);
    expect(await main(['replay', 'scenarios/handler-transient-error.ts', 'j.json'], io)).toBe(0);
    expect(out.join('')).toContain(
      'note: the handler threw a retryable error (the attempt would fail and be retried): quote service too slow\n',
    );
  });

  it('exits 2 on a journal file that is not a journal', async () => {
    const { io, err } = fakeIo({ 'bad.json': '{"hello": 1}' });
    expect(await main(['replay', 'scenarios/fan-out.ts', 'bad.json'], io)).toBe(2);
    expect(err.join('')).toMatch(/^error [A-Z_]+: /);
  });
});

describe('replay-inspector simulate / replay with a real-SDK module (src/sdk-sim)', () => {
  it('simulates scenarios/sdk/llm-race.ts with the real SDK: the journal our engine writes for the same seed', async () => {
    const real = fakeIo();
    expect(await main(['simulate', 'scenarios/sdk/llm-race.ts', '--seed', '4', '-o', 'sdk.json'], real.io)).toBe(0);
    const ours = fakeIo();
    expect(await main(['simulate', 'scenarios/llm-race.ts', '--seed', '4'], ours.io)).toBe(0);
    const sdkFile = JSON.parse(real.written['sdk.json']) as NativeJournalFile;
    const ourFile = JSON.parse(ours.out.join('')) as NativeJournalFile;
    expect(sdkFile.journal.entries).toEqual(ourFile.journal.entries);
    expect(sdkFile.run?.output).toEqual(ourFile.run?.output);
    expect(real.out.join('')).toMatch(/^wrote sdk\.json: \d+ entries/);
  });

  it('a module of bare restate.service definitions simulates with an empty world (--target picks the handler)', async () => {
    const { io, out } = fakeIo();
    const code = await main(['simulate', 'test/restate-service/services.ts', '--target', 'Lab/raceTimeout'], io);
    expect(code).toBe(0);
    const file = JSON.parse(out.join('')) as NativeJournalFile;
    expect(file.journal.entries[0].type).toBe('Input');
    expect(file.journal.entries.some((e) => e.kind === 'command' && e.type === 'Sleep')).toBe(true);
  });

  it('replays a simulated journal with the real SDK (exit 0), and gives 570 for the changed code (exit 1)', async () => {
    const { io, out } = fakeIo();
    expect(await main(['simulate', 'scenarios/sdk/journal-mismatch.ts', '-o', 'v1.json'], io)).toBe(0);
    out.length = 0;
    expect(await main(['replay', 'scenarios/sdk/journal-mismatch.ts', 'v1.json'], io)).toBe(0);
    expect(out.join('')).toMatch(/with the real SDK 1\.17\.\d+ \(Signup\/register\): \d+ decisions/);
    expect(out.join('')).toMatch(/verdict: replayed/);
    out.length = 0;
    expect(await main(['replay', 'scenarios/sdk/journal-mismatch-changed.ts', 'v1.json'], io)).toBe(1);
    expect(out.join('')).toMatch(/journal mismatch 570 at command 1/);
  });

  it('exits 2 on a module that exports neither a scenario nor services', async () => {
    const { io, err } = fakeIo();
    expect(await main(['simulate', 'src/sim/prng.ts'], io)).toBe(2);
    expect(err.join('')).toMatch(/exports neither a scenario/);
  });
});
