// The scenario editor's working copy: code, seed and crash times, kept across tab switches.
import type { StateCreator } from 'zustand';
import type { Store, ScenarioSlice } from './storeState';

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set) => ({
  editorSource: null,
  editorLabel: null,
  editorSeed: 1,
  editorCrashes: '',
  editorCancelAt: '',
  bottomTab: 'graph',
  sdkSource: null,
  sdkLabel: null,
  sdkTarget: null,
  sdkInput: '',
  setSdkSource: (sdkSource, label) => set((s) => ({ sdkSource, sdkLabel: label === undefined ? s.sdkLabel : label })),
  setSdkTarget: (sdkTarget) => set({ sdkTarget }),
  setSdkInput: (sdkInput) => set({ sdkInput }),
  setEditorSource: (editorSource, label) =>
    set((s) => ({ editorSource, editorLabel: label === undefined ? s.editorLabel : label })),
  setEditorSeed: (editorSeed) => set({ editorSeed }),
  setEditorCrashes: (editorCrashes) => set({ editorCrashes }),
  setEditorCancelAt: (editorCancelAt) => set({ editorCancelAt }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
});

/** `40` or `40ms` → 40; empty or anything else → null (the scenario's own cancellation time, if any). */
export function parseCancelAt(text: string): number | null {
  const t = text.trim().replace(/ms$/i, '').trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** `150, 300ms` → [150, 300]; anything that is not a non-negative number is ignored. */
export function parseCrashList(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.replace(/ms$/i, ''))
    .filter((t) => /^\d+(\.\d+)?$/.test(t))
    .map(Number)
    .slice(0, 16);
}
