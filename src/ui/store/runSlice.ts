// The loaded run, its derived model, and the error of the last load (what is loading is the session's).
import type { StateCreator } from 'zustand';
import { buildRunModel } from '../derive/runModel';
import { clampCursor, initialCursor } from '../derive/steps';
import type { Store, RunSlice } from './storeState';

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  run: null,
  model: null,
  error: null,
  reading: null,
  setPartialRun: (run, read) => {
    const state = get();
    const model = buildRunModel(run);
    // The run shown before the first partial one: a failed full read shows it again, as a failed load always does.
    const previous = state.reading?.previous ?? {
      run: state.run,
      model: state.model,
      cursor: state.cursor,
      selection: state.selection,
    };
    set({
      run,
      model,
      cursor: initialCursor(model.steps),
      selection: null,
      playing: false,
      window: null,
      error: null,
      reading: { ...read, previous },
    });
  },
  setRun: (run, at) => {
    const model = buildRunModel(run);
    const cursor =
      at?.cursor !== undefined
        ? clampCursor(model.steps, at.cursor)
        : (model.mismatchCursor ?? initialCursor(model.steps));
    const selection =
      at?.selection && (model.futuresById.has(at.selection) || /^[ed]\d+$/.test(at.selection)) ? at.selection : null;
    // The editor's seed and crash fields follow the simulated run, so "Simulate" re-runs exactly what is shown.
    const simulated =
      run.source.kind === 'example' || run.source.kind === 'scenario' || run.source.kind === 'sdk-scenario';
    const cancelAt = run.cancelAtMs === undefined || run.cancelAtMs === null ? '' : String(run.cancelAtMs);
    const editor =
      simulated && run.seed !== null
        ? { editorSeed: run.seed, editorCrashes: run.crashes.join(', '), editorCancelAt: cancelAt }
        : {};
    set({ run, model, cursor, selection, error: null, reading: null, playing: false, window: null, ...editor });
  },
  setError: (error) => {
    // Dismissing an earlier error (null) while first rows show leaves them; a failed full read brings the old run back.
    const previous = error ? get().reading?.previous : undefined;
    if (!error && get().reading) return set({ error });
    set({ error, reading: null, ...(previous ? { ...previous, playing: false, window: null } : {}) });
  },
});
