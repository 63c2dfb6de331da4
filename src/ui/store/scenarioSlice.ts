// The scenario editor's working copy: code, seed and crash times, kept across tab switches.
import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface ScenarioSlice {
  /** Code in the editor; null until the user opens the editor (it then starts from the loaded example). */
  editorSource: string | null;
  /** Which example the code started from (for labels), null when typed from scratch. */
  editorLabel: string | null;
  editorSeed: number;
  /** Crash times as typed (ms, comma separated). */
  editorCrashes: string;
  /** Cancellation time as typed (ms); empty: the scenario's own default. */
  editorCancelAt: string;
  bottomTab: 'graph' | 'journal' | 'scenario' | 'sdk';
  /** The real handler code in the "Real SDK" tab; null until the user types, pastes or opens one. */
  sdkSource: string | null;
  /** Where that code came from (an opened file's name), for labels; null when pasted or typed. */
  sdkLabel: string | null;
  /** The handler the journal is replayed into (`Service/handler`, `Object/key/handler`) when it differs from the journal's. */
  sdkTarget: string | null;
  setSdkSource(source: string | null, label?: string | null): void;
  setSdkTarget(target: string | null): void;
  setEditorSource(source: string | null, label?: string | null): void;
  setEditorSeed(seed: number): void;
  setEditorCrashes(text: string): void;
  setEditorCancelAt(text: string): void;
  setBottomTab(tab: ScenarioSlice['bottomTab']): void;
}

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
  setSdkSource: (sdkSource, label) => set((s) => ({ sdkSource, sdkLabel: label === undefined ? s.sdkLabel : label })),
  setSdkTarget: (sdkTarget) => set({ sdkTarget }),
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
