// The cursor over the steps of the loaded run. Stepping is moving the cursor; everything else is derived.
import type { StateCreator } from 'zustand';
import { clampCursor, nextDecisionCursor, previousDecisionCursor } from '../derive/steps';
import type { Store, CursorSlice } from './storeState';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

export const createCursorSlice: StateCreator<Store, [], [], CursorSlice> = (set, get) => ({
  cursor: 0,
  playing: false,
  speed: 2,
  setCursor: (cursor) => set((s) => (s.model ? { cursor: clampCursor(s.model.steps, cursor) } : {})),
  stepForward: () => get().setCursor(get().cursor + 1),
  stepBack: () => get().setCursor(get().cursor - 1),
  nextDecision: () => set((s) => (s.model ? { cursor: nextDecisionCursor(s.model.steps, s.cursor) ?? s.cursor } : {})),
  previousDecision: () =>
    set((s) => (s.model ? { cursor: previousDecisionCursor(s.model.steps, s.cursor) ?? s.cursor } : {})),
  togglePlay: () =>
    set((s) => {
      if (!s.model) return {};
      // Playing from the end starts again from the beginning.
      if (!s.playing && s.cursor >= s.model.steps.total) return { playing: true, cursor: 0 };
      return { playing: !s.playing };
    }),
  setSpeed: (speed) => set({ speed }),
});
