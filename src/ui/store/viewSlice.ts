// How the timeline is looked at: axis mode, gap compression, the zoom window, theme and overlays.
import type { StateCreator } from 'zustand';
import { panWindow, zoomWindow, type AxisMode, type ViewWindow } from '../derive/timeAxis';
import type { Store } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ViewSlice {
  axisMode: AxisMode;
  compressGaps: boolean;
  /** Visible window in axis units; null = fit to view. */
  window: ViewWindow | null;
  theme: ThemeChoice;
  helpOpen: boolean;
  setAxisMode(mode: AxisMode): void;
  setCompressGaps(on: boolean): void;
  setWindow(window: ViewWindow | null): void;
  zoom(factor: number, anchorU: number, current: ViewWindow): void;
  pan(deltaU: number, current: ViewWindow): void;
  setTheme(theme: ThemeChoice): void;
  setHelpOpen(open: boolean): void;
}

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
