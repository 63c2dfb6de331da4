// One store made of slices by concern (zustand style): run, cursor, selection, view.
import { create } from 'zustand';
import { createCursorSlice, type CursorSlice } from './cursorSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type Store = RunSlice & CursorSlice & SelectionSlice & ViewSlice & ScenarioSlice;

export const useStore = create<Store>()((...a) => ({
  ...createRunSlice(...a),
  ...createCursorSlice(...a),
  ...createSelectionSlice(...a),
  ...createViewSlice(...a),
  ...createScenarioSlice(...a),
}));
