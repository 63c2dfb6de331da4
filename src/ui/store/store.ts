// One store made of slices by concern (zustand style): run, cursor, selection, view.
import { create } from 'zustand';
import type { Store } from './storeState';
import { createCursorSlice } from './cursorSlice';
import { createRunSlice } from './runSlice';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import { createViewSlice } from './viewSlice';

export type { Store } from './storeState';

export const useStore = create<Store>()((...a) => ({
  ...createRunSlice(...a),
  ...createCursorSlice(...a),
  ...createSelectionSlice(...a),
  ...createViewSlice(...a),
  ...createScenarioSlice(...a),
}));
