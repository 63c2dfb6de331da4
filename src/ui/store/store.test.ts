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

describe('store: the first rows of a large file while it reads (issue 15)', () => {
  const firstRows = (): LoadedRun => {
    const whole = run();
    const journal = { ...whole.journal, entries: whole.journal.entries.slice(0, 2) };
    return { ...whole, journal, futures: [], decisions: [] };
  };

  beforeEach(() => {
    useStore.getState().setRun(run());
    useStore.getState().select('c1');
  });

  it('shows the partial run with how much is read, stepping only through what is read', () => {
    const shown = useStore.getState().run;
    useStore.getState().setPartialRun(firstRows(), { entriesRead: 2, entriesEstimate: 5 });
    const s = useStore.getState();
    expect(s.run?.journal.entries).toHaveLength(2);
    expect(s.reading).toMatchObject({ entriesRead: 2, entriesEstimate: 5, previous: { run: shown, selection: 'c1' } });
    s.setCursor(99);
    expect(s.model!.steps.total).toBeLessThan(5);
    expect(useStore.getState().cursor).toBe(s.model!.steps.total);
  });

  it('the full run replaces it and ends the reading state', () => {
    useStore.getState().setPartialRun(firstRows(), { entriesRead: 2, entriesEstimate: 5 });
    useStore.getState().setPartialRun(firstRows(), { entriesRead: 2, entriesEstimate: 5 });
    const full = run();
    useStore.getState().setRun(full);
    expect(useStore.getState().run).toBe(full);
    expect(useStore.getState().reading).toBeNull();
  });

  it('a failed full read shows the error and brings back the run shown before the partial one', () => {
    const before = useStore.getState();
    useStore.getState().setPartialRun(firstRows(), { entriesRead: 2, entriesEstimate: 5 });
    useStore.getState().setPartialRun(firstRows(), { entriesRead: 2, entriesEstimate: 5 });
    useStore.getState().setError({ code: 'NOT_JSON', origin: 'reader', message: 'bad', location: { row: 3 } });
    const after = useStore.getState();
    expect(after.error?.code).toBe('NOT_JSON');
    expect(after.run).toBe(before.run);
    expect(after.model).toBe(before.model);
    expect(after.cursor).toBe(before.cursor);
    expect(after.selection).toBe('c1');
    expect(after.reading).toBeNull();
  });
});
