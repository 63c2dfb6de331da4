// How the timeline is looked at: axis mode, gap compression, the zoom window, theme and overlays.
import type { StateCreator } from 'zustand';
import { panWindow, zoomWindow } from '../derive/timeAxis';
import type { Store, ViewSlice } from './storeState';

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  axisMode: 'wall',
  compressGaps: true,
  window: null,
  theme: 'system',
  helpOpen: false,
  setAxisMode: (axisMode) => set({ axisMode, window: null }),
  setCompressGaps: (compressGaps) => set({ compressGaps, window: null }),
  setWindow: (window) => set({ window }),
  zoom: (factor, anchorU, current) => set({ window: zoomWindow(current, factor, anchorU) }),
  pan: (deltaU, current) => set({ window: panWindow(current, deltaU) }),
  setTheme: (theme) => set({ theme }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
