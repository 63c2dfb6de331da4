// The loaded run, its derived model, and the error of the last load (what is loading is the session's).
import type { StateCreator } from 'zustand';
import { buildRunModel } from '../derive/runModel';
import { clampCursor, initialCursor } from '../derive/steps';
import type { Store, RunSlice } from './storeState';

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set) => ({
  run: null,
  model: null,
  error: null,
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
    set({ run, model, cursor, selection, error: null, playing: false, window: null, ...editor });
  },
  setError: (error) => set({ error }),
});
