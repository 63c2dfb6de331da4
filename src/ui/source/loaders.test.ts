// The loaders against a fake engine (no Worker): the latest load wins and cancels the one before, failures keep the
// previous view and show the error, and small opened files and simulated code are kept for reload.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../../run/loaded-run';
import { raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import { useStore } from '../store/store';
import { openFileBytes, openFiles, simulateExample, simulateSource } from './loaders';

type Pending = { job: { type: string }; resolve(r: RunResult): void; reject(e: unknown): void; cancelled: boolean };
const engine = vi.hoisted(() => ({ jobs: [] as Pending[] }));
vi.mock('../engine/engineClient', () => {
  class EngineFailure extends Error {
    constructor(readonly info: { code: string; message: string }) {
      super(info.message);
    }
  }
  return {
    EngineFailure,
    runEngineJob: (job: { type: string }) => {
      const pending = { job, cancelled: false } as Pending;
      const promise = new Promise<RunResult>((resolve, reject) => Object.assign(pending, { resolve, reject }));
      engine.jobs.push(pending);
      return { promise, cancel: () => void (pending.cancelled = true) };
    },
  };
});

/** The engine job the i-th load asked for (the session plans it asynchronously). */
async function jobAt(i: number): Promise<Pending> {
  await vi.waitFor(() => expect(engine.jobs[i]).toBeDefined());
  return engine.jobs[i];
}

const storage = new Map<string, string>();
vi.stubGlobal('sessionStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
});

const result = (title: string): RunResult => ({
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
});

beforeEach(() => {
  engine.jobs.length = 0;
  storage.clear();
  useStore.setState({ run: null, error: null });
});

describe('loaders', () => {
  it('shows the latest load only: an earlier one is cancelled and its late result dropped', async () => {
    const first = simulateExample('fan-out', 1, null);
    await jobAt(0);
    const second = simulateExample('timeout-race', 2, null);
    await jobAt(1);
    expect(engine.jobs.map((j) => j.cancelled)).toEqual([true, false]);
    engine.jobs[1].resolve(result('second'));
    engine.jobs[0].resolve(result('first'));
    expect(await first).toBeNull();
    const shown = await second;
    expect(useStore.getState().error).toBeNull();
    expect(shown?.title).toBe('second');
    expect(useStore.getState().run?.title).toBe('second');
    expect(useStore.getState().run?.source).toEqual({ kind: 'example', file: 'timeout-race' });
  });

  it('keeps the previous view when a load fails, and shows the engine error with its subject', async () => {
    const ok = simulateExample('fan-out', 1, null);
    (await jobAt(0)).resolve(result('shown'));
    await ok;
    const { EngineFailure } = await import('../engine/engineClient');
    const failing = simulateSource('export default 1', null, null);
    (await jobAt(1)).reject(
      new EngineFailure({ code: 'SCENARIO_ERROR', origin: 'scenario', message: 'boom', location: {} }),
    );
    expect(await failing).toBeNull();
    expect(useStore.getState().run?.title).toBe('shown');
    expect(useStore.getState().error).toMatchObject({ code: 'SCENARIO_ERROR', subject: 'edited scenario' });
  });

  it('says so when the example does not exist, without starting a job', async () => {
    expect(await simulateExample('no-such-example', null, null)).toBeNull();
    expect(engine.jobs).toHaveLength(0);
    expect(useStore.getState().error?.code).toBe('UNKNOWN_EXAMPLE');
  });

  it('keeps opened files and simulated code for reload', async () => {
    const opened = openFiles([{ name: 'j.json', text: '[]' }]);
    (await jobAt(0)).resolve(result('file'));
    await opened;
    expect(JSON.parse(storage.get('replay-inspector:files')!)).toEqual([{ name: 'j.json', text: '[]' }]);
    const picked = openFileBytes([{ name: 'k.json', file: new Blob(['{}']) }]);
    (await jobAt(1)).resolve(result('picked'));
    await picked;
    // A picked file is kept after the run's first frame (not before it: it would delay the first row).
    await vi.waitFor(() =>
      expect(JSON.parse(storage.get('replay-inspector:files')!)).toEqual([{ name: 'k.json', text: '{}' }]),
    );
    void simulateSource('export default 2', null, null);
    await jobAt(2);
    expect(storage.get('replay-inspector:scenario')).toBe('export default 2');
  });
});
