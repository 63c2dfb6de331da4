// compareWith against a fake engine: the job each choice asks for, the latest choice wins, a failure is shown in
// the compare view and leaves the inspector's run alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunResult } from '../../run/loaded-run';
import { raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import { loadedRun } from '../../run/recipe';
import { useStore } from '../store/store';
import { useCompare } from './compareStore';
import { compareWith } from './secondRun';

type Pending = {
  job: Record<string, unknown>;
  resolve(r: RunResult): void;
  reject(e: unknown): void;
  cancelled: boolean;
};
const engine = vi.hoisted(() => ({ jobs: [] as Pending[] }));
vi.mock('../engine/engineClient', () => ({
  EngineFailure: class extends Error {},
  READ_TIME_LIMIT_MS: 1,
  SIMULATION_TIME_LIMIT_MS: 1,
  STEPS_MAX: 10,
  runEngineJob: (job: Record<string, unknown>) => {
    const pending = { job, cancelled: false } as Pending;
    const promise = new Promise<RunResult>((resolve, reject) => Object.assign(pending, { resolve, reject }));
    engine.jobs.push(pending);
    return { promise, cancel: () => void (pending.cancelled = true) };
  },
}));

const base = {
  title: 'timeout-race',
  journal: raceJournal(),
  futures: raceFutures(),
  decisions: [],
  attempts: [],
  output: null,
  mismatch: null,
  seed: 1,
  crashes: [150],
  warnings: [],
  format: 'simulation',
  cancelAtMs: null,
};
const runA = loadedRun(base as RunResult, { source: { kind: 'example', name: 'timeout-race' }, seed: 1 });
/** The engine job the i-th second run asked for (the session plans it asynchronously). */
async function jobAt(i: number): Promise<Pending> {
  await vi.waitFor(() => expect(engine.jobs[i]).toBeDefined());
  return engine.jobs[i];
}

beforeEach(() => {
  engine.jobs.length = 0;
  useStore.setState({ run: runA, editorSource: null, error: null });
  useCompare.getState().close();
  useCompare.getState().set({ error: null, loading: null, choice: null });
});

describe('compareWith', () => {
  it('re-simulates run A with another seed, keeping its crashes, and shows both runs', async () => {
    const shown = compareWith({ kind: 'seed', seed: 4 });
    expect((await jobAt(0)).job).toMatchObject({ type: 'simulate', seed: 4, crashes: [150], cancelAtMs: null });
    engine.jobs[0].resolve({ ...base, seed: 4 } as RunResult);
    expect(await shown).toBe(true);
    const state = useCompare.getState();
    expect(state.a?.run).toBe(runA);
    expect(state.b?.run.seed).toBe(4);
    expect(state.choice).toEqual({ kind: 'seed', seed: 4 });
    expect(state.b?.label).toBe('seed 4');
  });

  it('the latest choice wins: an earlier second run is cancelled and its result dropped', async () => {
    const first = compareWith({ kind: 'seed', seed: 2 });
    await jobAt(0);
    const second = compareWith({ kind: 'without-crashes' });
    expect(engine.jobs[0].cancelled).toBe(true);
    expect((await jobAt(1)).job).toMatchObject({ crashes: [] });
    engine.jobs[0].resolve(base as RunResult);
    engine.jobs[1].resolve({ ...base, crashes: [] } as RunResult);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(useCompare.getState().choice).toEqual({ kind: 'without-crashes' });
  });

  it('a failed second run is an error in the compare view; the inspector keeps its run', async () => {
    const shown = compareWith({ kind: 'example', file: 'fan-out', seed: null });
    (await jobAt(0)).reject(new Error('Worker crashed'));
    expect(await shown).toBe(false);
    expect(useCompare.getState().error).toContain('Worker crashed');
    expect(useStore.getState().run).toBe(runA);
    expect(useStore.getState().error).toBeNull();
  });

  it('refuses to re-simulate a journal, without starting a job', async () => {
    useStore.setState({ run: loadedRun(base as RunResult, { source: { kind: 'kept-files', names: ['j.json'] } }) });
    expect(await compareWith({ kind: 'seed', seed: 3 })).toBe(false);
    expect(engine.jobs).toHaveLength(0);
    expect(useCompare.getState().error).toBe('Only a simulated run can be re-simulated.');
  });
});
