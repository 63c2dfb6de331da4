import { beforeEach, describe, expect, it } from 'vitest';
import { raceDecision, raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import type { LoadedRun } from '../../run/loaded-run';
import { selectStatus } from './selectors';
import { useStore } from './store';

function run(): LoadedRun {
  return {
    recipe: { source: { kind: 'example', name: 'race' } },
    source: { kind: 'example', file: 'race' },
    title: 'race',
    journal: raceJournal(),
    futures: raceFutures(),
    decisions: [raceDecision()],
    attempts: [],
    output: null,
    mismatch: null,
    seed: 1,
    crashes: [],
    warnings: [],
    format: 'simulation',
  };
}

describe('store', () => {
  beforeEach(() => useStore.getState().setRun(run()));

  it('opens a run at its first decision and says who won', () => {
    expect(useStore.getState().cursor).toBe(4);
    expect(selectStatus(useStore.getState())).toBe('Step 4 of 5: race: sleep (c2) won; fetch-a (c1) still pending');
  });

  it('steps within bounds and jumps between decisions', () => {
    const s = useStore.getState();
    s.setCursor(0);
    s.stepBack();
    expect(useStore.getState().cursor).toBe(0);
    s.nextDecision();
    expect(useStore.getState().cursor).toBe(4);
    s.setCursor(99);
    expect(useStore.getState().cursor).toBe(5);
    s.previousDecision();
    expect(useStore.getState().cursor).toBe(4);
  });

  it('restores a cursor and a known selection, and ignores an unknown one', () => {
    useStore.getState().setRun(run(), { cursor: 2, selection: 'c2' });
    expect(useStore.getState()).toMatchObject({ cursor: 2, selection: 'c2' });
    useStore.getState().setRun(run(), { cursor: 2, selection: 'c99' });
    expect(useStore.getState().selection).toBeNull();
  });

  it('keeps the loaded run when a later load fails', () => {
    useStore.getState().setError({ code: 'X', origin: 'reader', message: 'bad', location: {} });
    expect(useStore.getState().run?.title).toBe('race');
    expect(useStore.getState().error?.code).toBe('X');
  });

  it('keeps the editor seed and crash fields in step with the simulated run', () => {
    useStore.getState().setRun({ ...run(), seed: 7, crashes: [60] });
    expect(useStore.getState()).toMatchObject({ editorSeed: 7, editorCrashes: '60' });
  });

  it('play from the end starts again from the beginning', () => {
    useStore.getState().setCursor(5);
    useStore.getState().togglePlay();
    expect(useStore.getState()).toMatchObject({ playing: true, cursor: 0 });
  });
});
