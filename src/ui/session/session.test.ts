// The session against fake ports (no Worker, no DOM, no app store): the engine job each recipe asks for, what the
// run records, what is kept for reload, the latest load winning, and the errors a recipe that cannot be made shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineJob } from '../engine/protocol';
import type { LoadedRun, RunResult } from '../../run/loaded-run';
import type { RunRecipe } from '../../share/view-state';
import { raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import { createPersistence } from './persistence';
import { createSession, SDK_LOAD_ALLOWANCE_MS, SessionFailure, type SessionError, type SessionPorts } from './session';

interface Pending {
  job: EngineJob;
  timeoutMs: number;
  resolve(r: RunResult): void;
  reject(e: unknown): void;
  cancelled: boolean;
}

class FakeEngineFailure extends Error {
  constructor(readonly info: SessionError) {
    super(info.message);
  }
}

const result = (title: string, fields: Partial<RunResult> = {}): RunResult => ({
  title,
  journal: raceJournal(),
  futures: raceFutures(),
  decisions: [],
  attempts: [],
  output: null,
  mismatch: null,
  seed: 1,
  crashes: [],
  warnings: [],
  format: 'simulation',
  ...fields,
});

const LIMITS = { readTimeLimitMs: 9000, timeLimitMs: 500, stepsMax: 77, maxBytes: 1234, maxEntries: 99 };

function harness() {
  const jobs: Pending[] = [];
  const shown: { run: LoadedRun; at: unknown }[] = [];
  const errors: SessionError[] = [];
  const partials: LoadedRun[] = [];
  const storage = new Map<string, string>();
  const persistence = createPersistence(() => ({
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => void storage.set(k, v),
  }));
  const fetched: string[] = [];
  const ports: SessionPorts = {
    engine(job, options) {
      const pending = {
        job,
        timeoutMs: options.timeoutMs,
        cancelled: false,
        onPartial: options.onPartial,
      } as unknown as Pending;
      const promise = new Promise<RunResult>((resolve, reject) => Object.assign(pending, { resolve, reject }));
      jobs.push(pending);
      return { promise, cancel: () => void (pending.cancelled = true) };
    },
    engineErrorOf: (e) => (e instanceof FakeEngineFailure ? e.info : null),
    screen: {
      run: () => shown.at(-1)?.run ?? null,
      show: (run, at) => void shown.push({ run, at }),
      showPartial: (run) => void partials.push(run),
      fail: (error) => void errors.push(error),
    },
    persistence,
    limits: () => LIMITS,
    examples: {
      source: (name) => (name === 'fan-out' ? 'export default "fan-out code"' : null),
      label: (name) => (name === 'fan-out' ? 'Fan-out' : name),
    },
    companionsOf: (code): Record<string, string> =>
      code.includes('../fan-out') ? { '../fan-out': 'fan-out code' } : {},
    fetchText: async (url) => {
      fetched.push(url.href);
      if (url.pathname.endsWith('missing.json')) throw new Error('HTTP 404 Not Found');
      return '{"rows":[]}';
    },
    protocolRows: async () => [{ index: 0 } as never],
    baseUrl: () => 'https://inspector.example/app/',
  };
  const session = createSession(ports);
  /** The engine job the i-th load asked for (plans are made asynchronously). */
  const jobAt = async (i: number) => {
    await vi.waitFor(() => expect(jobs[i]).toBeDefined());
    return jobs[i];
  };
  return { session, jobs, jobAt, shown, partials, errors, storage, fetched, ports };
}

let h: ReturnType<typeof harness>;
beforeEach(() => {
  h = harness();
});

describe('session.load', () => {
  it('simulates an example with the recipe seed, crashes and cancellation, and the run records its recipe', async () => {
    const recipe: RunRecipe = {
      source: { kind: 'example', name: 'fan-out' },
      seed: 3,
      crashesMs: [10],
      cancelAtMs: 40,
    };
    const loading = h.session.load(recipe, { at: { cursor: 4 } });
    const pending = await h.jobAt(0);
    expect(pending.job).toEqual({
      type: 'simulate',
      source: 'export default "fan-out code"',
      scenarioLabel: 'Fan-out',
      seed: 3,
      crashes: [10],
      cancelAtMs: 40,
      stepsMax: 77,
    });
    expect(pending.timeoutMs).toBe(LIMITS.timeLimitMs);
    expect(h.session.store.getState().loading).toEqual({ label: 'Simulating Fan-out', fraction: null });
    pending.resolve(result('fan-out'));
    const run = await loading;
    expect(run?.recipe).toBe(recipe);
    expect(run?.source).toEqual({ kind: 'example', file: 'fan-out' });
    expect(h.shown).toEqual([{ run, at: { cursor: 4 } }]);
    expect(h.session.store.getState().loading).toBeNull();
  });

  it('leaves seed and crashes to the scenario when the recipe does not say', async () => {
    void h.session.load({ source: { kind: 'example', name: 'fan-out' } });
    expect((await h.jobAt(0)).job).toMatchObject({ seed: null, crashes: null, cancelAtMs: null });
  });

  it('says so when the example does not exist, without starting a job', async () => {
    expect(await h.session.load({ source: { kind: 'example', name: 'nope' } })).toBeNull();
    expect(h.jobs).toHaveLength(0);
    expect(h.errors).toMatchObject([{ code: 'UNKNOWN_EXAMPLE', subject: 'nope' }]);
    expect(h.session.store.getState().loading).toBeNull();
  });

  it('keeps scenario code before it runs, and a kept-scenario recipe runs (and records) the code this tab keeps', async () => {
    const first = h.session.load({ source: { kind: 'scenario', code: 'export default 1' } });
    await h.jobAt(0);
    expect(h.storage.get('replay-inspector:scenario')).toBe('export default 1');
    h.jobs[0].reject(new FakeEngineFailure({ code: 'SCENARIO_ERROR', origin: 'scenario', message: 'x', location: {} }));
    expect(await first).toBeNull();
    expect(h.errors[0]).toMatchObject({ code: 'SCENARIO_ERROR', subject: 'edited scenario' });
    const kept = h.session.load({ source: { kind: 'kept-scenario' }, seed: 2 });
    expect((await h.jobAt(1)).job).toMatchObject({ type: 'simulate', source: 'export default 1', seed: 2 });
    h.jobs[1].resolve(result('kept'));
    expect((await kept)?.recipe).toEqual({ source: { kind: 'scenario', code: 'export default 1' }, seed: 2 });
  });

  it('says so when this tab keeps no scenario for a kept-scenario recipe', async () => {
    expect(await h.session.load({ source: { kind: 'kept-scenario' } })).toBeNull();
    expect(h.errors[0].code).toBe('FILE_NOT_KEPT');
    expect(h.jobs).toHaveLength(0);
  });

  it('simulates real handler code on the real SDK with its companions, with time to load the SDK', async () => {
    const code = "import ours from '../fan-out'; export default 1";
    void h.session.load({ source: { kind: 'sdk-scenario', code, target: 'Lab/run', label: 'lab.ts' }, seed: 5 });
    const pending = await h.jobAt(0);
    expect(pending.job).toEqual({
      type: 'sdk-simulate',
      source: code,
      handlerLabel: 'lab.ts',
      target: 'Lab/run',
      seed: 5,
      crashes: null,
      cancelAtMs: null,
      stepsMax: 77,
      companions: { '../fan-out': 'fan-out code' },
    });
    expect(pending.timeoutMs).toBe(LIMITS.timeLimitMs + SDK_LOAD_ALLOWANCE_MS);
  });

  it('keeps real handler code before it runs, and a kept-sdk-scenario recipe runs it again with its target', async () => {
    const source = { kind: 'sdk-scenario' as const, code: 'export default 2', target: 'Lab/run', label: 'lab.ts' };
    void h.session.load({ source, seed: 4 });
    await h.jobAt(0);
    expect(JSON.parse(h.storage.get('replay-inspector:sdk-scenario')!)).toEqual({
      code: 'export default 2',
      target: 'Lab/run',
      label: 'lab.ts',
    });
    const again = h.session.load({ source: { kind: 'kept-sdk-scenario' }, seed: 4 });
    const pending = await h.jobAt(1);
    expect(pending.job).toMatchObject({ type: 'sdk-simulate', source: 'export default 2', target: 'Lab/run', seed: 4 });
    pending.resolve(result('again'));
    expect((await again)?.recipe).toEqual({ source, seed: 4 });
    h.storage.clear();
    expect(await h.session.load({ source: { kind: 'kept-sdk-scenario' } })).toBeNull();
    expect(h.errors.at(-1)?.code).toBe('FILE_NOT_KEPT');
  });

  it('gives the handler its input as typed (JSON), keeps it with the code, and refuses input that is not JSON', async () => {
    const source = { kind: 'sdk-scenario' as const, code: 'export default 3', input: ' {"flight": "LH 1"} ' };
    void h.session.load({ source, seed: 2 });
    const pending = await h.jobAt(0);
    expect(pending.job).toMatchObject({ type: 'sdk-simulate', input: { value: { flight: 'LH 1' } } });
    expect(JSON.parse(h.storage.get('replay-inspector:sdk-scenario')!)).toMatchObject({ input: source.input });
    pending.resolve(result('with input'));
    expect(await h.session.load({ source: { ...source, input: '{flight' } })).toBeNull();
    expect(h.errors.at(-1)).toMatchObject({ code: 'SDK_BAD_INPUT', origin: 'sdk', location: { field: 'input' } });
    expect(h.jobs).toHaveLength(1);
    void h.session.load({ source: { ...source, input: '   ' } });
    expect((await h.jobAt(1)).job).not.toHaveProperty('input');
  });

  it('reads carried journal text with the read limits, and keeps it for reload only once it was read', async () => {
    const loading = h.session.load({ source: { kind: 'journal', text: '[]', fileName: 'j.json' } });
    const pending = await h.jobAt(0);
    expect(pending.job).toEqual({
      type: 'read',
      files: [{ name: 'j.json', text: '[]' }],
      limits: { maxBytes: 1234, maxChars: 1234, maxEntries: 99 },
    });
    expect(pending.timeoutMs).toBe(LIMITS.readTimeLimitMs);
    expect(h.storage.has('replay-inspector:files')).toBe(false);
    pending.resolve(result('j'));
    expect((await loading)?.source).toEqual({ kind: 'file', names: ['j.json'] });
    expect(JSON.parse(h.storage.get('replay-inspector:files')!)).toEqual([{ name: 'j.json', text: '[]' }]);
  });

  it("shows a large file's first rows while the rest reads, with the recipe, only for the latest load", async () => {
    const blob = new Blob(['{}']);
    const recipe: RunRecipe = { source: { kind: 'kept-files', names: ['big.json'] } };
    void h.session.load(recipe, { files: [{ name: 'big.json', file: blob }] });
    const pending = (await h.jobAt(0)) as Pending & { onPartial?: (p: unknown) => void };
    expect(pending.onPartial).toBeTypeOf('function');
    pending.onPartial!({ result: result('first rows'), entriesRead: 10, entriesEstimate: 100 });
    expect(h.partials.map((r) => [r.title, r.recipe])).toEqual([['first rows', recipe]]);
    void h.session.load({ source: { kind: 'example', name: 'fan-out' } });
    const example = (await h.jobAt(1)) as Pending & { onPartial?: unknown };
    expect(example.onPartial).toBeUndefined();
    pending.onPartial!({ result: result('late'), entriesRead: 20, entriesEstimate: 100 });
    expect(h.partials).toHaveLength(1);
  });

  it('reads picked files as given, kept files by name, or says the tab no longer holds them', async () => {
    const blob = new Blob(['{}']);
    void h.session.load(
      { source: { kind: 'kept-files', names: ['k.json'] } },
      { files: [{ name: 'k.json', file: blob }] },
    );
    expect((await h.jobAt(0)).job).toMatchObject({ type: 'read', files: [{ name: 'k.json', file: blob }] });
    expect(await h.session.load({ source: { kind: 'kept-files', names: ['j.json'] } })).toBeNull();
    expect(h.errors.at(-1)).toMatchObject({ code: 'FILE_NOT_KEPT', message: expect.stringContaining('j.json') });
    h.storage.set('replay-inspector:files', JSON.stringify([{ name: 'j.json', text: '[]' }]));
    void h.session.load({ source: { kind: 'kept-files', names: ['j.json'] } });
    expect((await h.jobAt(1)).job).toMatchObject({ files: [{ name: 'j.json', text: '[]' }] });
  });

  it('fetches a URL relative to the page, and refuses other schemes or a failed fetch with a clear error', async () => {
    void h.session.load({ source: { kind: 'url', url: 'samples/j.json' } });
    expect((await h.jobAt(0)).job).toMatchObject({ type: 'read', files: [{ name: 'j.json', text: '{"rows":[]}' }] });
    expect(h.fetched).toEqual(['https://inspector.example/app/samples/j.json']);
    expect(await h.session.load({ source: { kind: 'url', url: 'javascript:alert(1)' } })).toBeNull();
    expect(h.errors.at(-1)).toMatchObject({ code: 'BAD_URL', location: { field: 'src' } });
    expect(await h.session.load({ source: { kind: 'url', url: '/missing.json' } })).toBeNull();
    expect(h.errors.at(-1)).toMatchObject({ code: 'FETCH_FAILED', message: expect.stringContaining('404') });
    expect(h.jobs).toHaveLength(1);
  });

  it('the latest load wins: an earlier one is cancelled and its late result dropped', async () => {
    const first = h.session.load({ source: { kind: 'example', name: 'fan-out' }, seed: 1 });
    await h.jobAt(0);
    const second = h.session.load({ source: { kind: 'example', name: 'fan-out' }, seed: 2 });
    await h.jobAt(1);
    expect(h.jobs.map((j) => j.cancelled)).toEqual([true, false]);
    h.jobs[1].resolve(result('second'));
    h.jobs[0].resolve(result('first'));
    expect(await first).toBeNull();
    expect((await second)?.title).toBe('second');
    expect(h.shown.map((s) => s.run.title)).toEqual(['second']);
  });

  it('a failed load keeps the run on screen and shows the engine error with its subject', async () => {
    const ok = h.session.load({ source: { kind: 'example', name: 'fan-out' } });
    (await h.jobAt(0)).resolve(result('shown'));
    await ok;
    const failing = h.session.load({ source: { kind: 'journal', text: 'x', fileName: 'bad.json' } });
    (await h.jobAt(1)).reject(
      new FakeEngineFailure({ code: 'BAD_JSON', origin: 'reader', message: 'no', location: { row: 1 } }),
    );
    expect(await failing).toBeNull();
    expect(h.shown.map((s) => s.run.title)).toEqual(['shown']);
    expect(h.errors).toEqual([
      { code: 'BAD_JSON', origin: 'reader', message: 'no', location: { row: 1 }, subject: 'bad.json' },
    ]);
    expect(h.storage.has('replay-inspector:files')).toBe(false);
  });

  it('cancel stops the load in progress and drops its result', async () => {
    const loading = h.session.load({ source: { kind: 'example', name: 'fan-out' } });
    await h.jobAt(0);
    h.session.cancel();
    expect(h.jobs[0].cancelled).toBe(true);
    h.jobs[0].resolve(result('late'));
    expect(await loading).toBeNull();
    expect(h.shown).toHaveLength(0);
    expect(h.session.store.getState().loading).toBeNull();
  });
});

describe('session.load with a paired handler', () => {
  const journal: RunRecipe = { source: { kind: 'journal', text: '[]', fileName: 'j.json' } };

  it('reads the journal, shows it, then replays it with the paired example and records both', async () => {
    const recipe: RunRecipe = { ...journal, paired: { kind: 'example', name: 'fan-out' } };
    const loading = h.session.load(recipe, { at: { cursor: 2 } });
    (await h.jobAt(0)).resolve(result('read', { journal: { ...raceJournal(), target: 'Lab/race' } }));
    const replay = await h.jobAt(1);
    expect(replay.job).toMatchObject({
      type: 'replay',
      source: 'export default "fan-out code"',
      scenarioLabel: 'fan-out',
    });
    expect((replay.job as { journal: { target: string } }).journal.target).toBe('Lab/race');
    replay.resolve(result('replayed', { replayedWith: 'fan-out' }));
    const run = await loading;
    expect(run?.recipe).toBe(recipe);
    expect(run?.source).toEqual({ kind: 'file', names: ['j.json'] });
    expect(h.shown.map((s) => [s.run.title, s.at])).toEqual([
      ['read', { cursor: 2 }],
      ['replayed', { cursor: 2 }],
    ]);
  });

  it('replays the journal on screen without reading it again, also when it was replayed before', async () => {
    const read = h.session.load(journal);
    (await h.jobAt(0)).resolve(result('read'));
    await read;
    const again = h.session.load(
      { ...journal, paired: { kind: 'scenario', code: 'export default 3' } },
      { pairedLabel: 'mine' },
    );
    const replay = await h.jobAt(1);
    expect(replay.job).toMatchObject({ type: 'replay', source: 'export default 3', scenarioLabel: 'mine' });
    replay.resolve(result('replayed'));
    await again;
    void h.session.load({ ...journal, paired: { kind: 'example', name: 'fan-out' } });
    expect((await h.jobAt(2)).job.type).toBe('replay');
  });

  it('replays with a real handler on the SDK into the journal target, with the raw protocol rows', async () => {
    const read = h.session.load(journal);
    (await h.jobAt(0)).resolve(result('read', { journal: { ...raceJournal(), target: 'Lab/race' } }));
    await read;
    void h.session.load({ ...journal, paired: { kind: 'sdk', code: 'x', label: 'lab.ts' } });
    const replay = await h.jobAt(1);
    expect(replay.job).toMatchObject({ type: 'sdk-replay', source: 'x', handlerLabel: 'lab.ts', target: 'Lab/race' });
    expect((replay.job as { protocolRows: unknown[] }).protocolRows).toHaveLength(1);
    expect(replay.timeoutMs).toBe(LIMITS.timeLimitMs + SDK_LOAD_ALLOWANCE_MS);
  });

  it('says clearly when a paired example or a real handler cannot be replayed here', async () => {
    const read = h.session.load(journal);
    (await h.jobAt(0)).resolve(result('read', { journal: { ...raceJournal(), target: null } }));
    await read;
    expect(await h.session.load({ ...journal, paired: { kind: 'example', name: 'nope' } })).toBeNull();
    expect(h.errors.at(-1)?.code).toBe('UNKNOWN_EXAMPLE');
    expect(await h.session.load({ ...journal, paired: { kind: 'sdk', code: 'x' } })).toBeNull();
    expect(h.errors.at(-1)).toMatchObject({ code: 'SDK_REPLAY_NO_TARGET', location: { field: 'paired' } });
    expect(h.jobs).toHaveLength(1);
  });
});

describe('session.make', () => {
  it('makes a run without showing it or keeping anything, and stops it when its signal aborts', async () => {
    const controller = new AbortController();
    const made = h.session.make(
      { source: { kind: 'journal', text: '[]', fileName: 'b.json' } },
      { signal: controller.signal },
    );
    const pending = await h.jobAt(0);
    pending.resolve(result('b'));
    expect((await made).source).toEqual({ kind: 'file', names: ['b.json'] });
    expect(h.shown).toHaveLength(0);
    expect(h.storage.size).toBe(0);
    const stopped = h.session.make({ source: { kind: 'example', name: 'fan-out' } }, { signal: controller.signal });
    const second = await h.jobAt(1);
    controller.abort();
    expect(second.cancelled).toBe(true);
    second.reject(new Error('terminated'));
    await expect(stopped).rejects.toBeInstanceOf(SessionFailure);
  });

  it("replays a given run's journal for a paired recipe, and throws what cannot be made", async () => {
    const base = {
      ...result('a'),
      recipe: { source: { kind: 'url', url: 'https://x/j.json' } },
      source: { kind: 'url', url: 'https://x/j.json' },
    } as LoadedRun;
    void h.session.make({ ...base.recipe, paired: { kind: 'example', name: 'fan-out' } }, { base });
    expect((await h.jobAt(0)).job).toMatchObject({ type: 'replay', journal: base.journal });
    expect(h.fetched).toEqual([]);
    await expect(h.session.make({ source: { kind: 'example', name: 'nope' } })).rejects.toMatchObject({
      info: { code: 'UNKNOWN_EXAMPLE' },
    });
  });
});
