// What the inspector shows: a future (`c3`, `s17`), an entry (`e5`) or a decision (`d2`).
import type { StateCreator } from 'zustand';
import type { Store, SelectionSlice } from './storeState';

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
