// The shape of the one store: every slice's state and actions. The slices implement these and the store combines
// them; both import this module, so neither imports the other.
import type { AxisMode, ViewWindow } from '../derive/timeAxis';
import type { RunModel } from '../derive/runModel';
import type { EngineError } from '../engine/protocol';
import type { LoadedRun } from '../../run/loaded-run';

export type Store = RunSlice & CursorSlice & SelectionSlice & ViewSlice & ScenarioSlice;

export interface UiError extends EngineError {
  /** The file or scenario the error is about. */
  subject?: string;
}

/** A large file's first rows, shown while the rest still reads (issue 15); the run shown before them comes back if the
 *  full read fails. */
export interface ReadingState {
  entriesRead: number;
  /** The whole file's entries, estimated from the bytes the first rows took. */
  entriesEstimate: number;
  previous: Pick<RunSlice, 'run' | 'model'> & { cursor: number; selection: string | null };
}

export interface RunSlice {
  run: LoadedRun | null;
  model: RunModel | null;
  error: UiError | null;
  /** Set while `run` is a partial run (setPartialRun); setRun and setError end it. */
  reading: ReadingState | null;
  /** Shows the first rows of a run still being read; the full one follows with setRun, or setError brings the previous back. */
  setPartialRun(run: LoadedRun, read: { entriesRead: number; entriesEstimate: number }): void;
  /** Shows a run; keeps the previous view when a later load fails (setError leaves `run` alone). */
  setRun(run: LoadedRun, at?: { cursor?: number; selection?: string | null }): void;
  setError(error: UiError | null): void;
}

export interface CursorSlice {
  cursor: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  setCursor(cursor: number): void;
  stepForward(): void;
  stepBack(): void;
  nextDecision(): void;
  previousDecision(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

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
  /** The handler's input for "Simulate with the real SDK", as typed (JSON text); empty: none, or the code's own. */
  sdkInput: string;
  setSdkSource(source: string | null, label?: string | null): void;
  setSdkTarget(target: string | null): void;
  setSdkInput(input: string): void;
  setEditorSource(source: string | null, label?: string | null): void;
  setEditorSeed(seed: number): void;
  setEditorCrashes(text: string): void;
  setEditorCancelAt(text: string): void;
  setBottomTab(tab: ScenarioSlice['bottomTab']): void;
}

export interface SelectionSlice {
  selection: string | null;
  select(selection: string | null): void;
}

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
