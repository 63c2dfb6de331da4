// The run the app shows, whatever made it: read from a journal file, simulated from a scenario, or a journal
// replayed against a scenario. Plain data (it crosses the engine Worker's boundary by structured clone).
import type { Attempt, Decision, Future, Journal, Mismatch, ReaderWarning, RunOutput } from '../model';
import type { SdkReplayResult } from '../model/sdk-replay';
import type { RunRecipe } from '../share/view-state';

/** What a real-SDK replay adds to its run: the SDK's verdict and the details the run's fields do not carry. */
export type SdkReplayView = Omit<SdkReplayResult, 'decisions'>;

/** Where the run came from, as the app names it (the URL hash and the title bar). */
export type RunSource =
  | { kind: 'example'; file: string }
  | { kind: 'file'; names: string[] }
  | { kind: 'url'; url: string }
  | { kind: 'scenario' }
  /** Real handler code simulated by the real SDK (the "Real SDK" tab; its code is in the run's recipe). */
  | { kind: 'sdk-scenario' };

/** Everything the UI shows, as produced by the engine for one loaded or simulated run. */
export interface LoadedRun {
  /** How the run was made: enough to make it again (the session's load(recipe); src/run/recipe.ts). */
  recipe: RunRecipe;
  /** Where it came from, for names: always runSourceOf(recipe) (made together by loadedRun, src/run/recipe.ts). */
  source: RunSource;
  title: string;
  journal: Journal;
  futures: Future[];
  decisions: Decision[];
  attempts: Attempt[];
  output: RunOutput | null;
  mismatch: Mismatch | null;
  seed: number | null;
  crashes: number[];
  warnings: ReaderWarning[];
  /** Reader format id, or 'simulation'. */
  format: string;
  /** Set when this run is a replay of an imported journal against a scenario. */
  replayedWith?: string;
  /** Set when this run is a replay of an imported journal by the real Restate SDK running the pasted handler. */
  sdkReplay?: SdkReplayView;
  /** Simulated runs: when the invocation was cancelled from outside (the scenario's default or an override), or null. */
  cancelAtMs?: number | null;
}

/** A run as the engine makes it, before the page says where it came from. */
export type RunResult = Omit<LoadedRun, 'source' | 'recipe'>;
