// Messages between the page and the engine Worker (reading journals, simulating and replaying scenarios).
// Everything crossing the boundary is plain data (structured clone), so the Worker can be terminated at any time.
import type {
  Attempt,
  Decision,
  Future,
  Journal,
  Mismatch,
  ReaderErrorInfo,
  ReaderWarning,
  RunOutput,
} from '../../model';
import type { ResultPart } from './transfer';

export type RunSource =
  | { kind: 'example'; file: string }
  | { kind: 'file'; names: string[] }
  | { kind: 'url'; url: string }
  | { kind: 'scenario' };

/** Everything the UI shows, as produced by the engine for one loaded or simulated run. */
export interface LoadedRun {
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
  /** Simulated runs: when the invocation was cancelled from outside (the scenario's default or an override), or null. */
  cancelAtMs?: number | null;
}

export type EngineJob =
  /** Files as text (reload, URL), as bytes, or as the picked File itself (read as a stream in the Worker, so a
   *  460 MB export is never one string); limits: the user's. */
  | {
      type: 'read';
      files: ({ name: string; text: string } | { name: string; bytes: Uint8Array } | { name: string; file: Blob })[];
      limits?: { maxBytes: number; maxChars: number; maxEntries: number };
    }
  /** seed / crashes null: the scenario's own defaults (e.g. the crash of a crash-and-replay lesson). */
  | {
      type: 'simulate';
      source: string;
      scenarioLabel: string;
      seed: number | null;
      crashes: number[] | null;
      stepsMax: number;
      cancelAtMs?: number | null;
    }
  | { type: 'replay'; source: string; scenarioLabel: string; journal: Journal };

/** Outcome of a job, without the source (the page adds it). */
export type EngineResult = Omit<LoadedRun, 'source'>;

/** An error as the UI shows it: a stable code, where, and what to do. */
export interface EngineError extends ReaderErrorInfo {
  /** 'reader' | 'scenario' | 'limit' | 'engine' */
  origin: string;
}

export type EngineMessage =
  | { type: 'progress'; fraction: number; label?: string }
  /** A chunk of the result's entries or futures, sent before 'done' (transfer.ts). */
  | ResultPart
  /** timings: when the Worker reached each phase (epoch ms, loadMarks.ts). */
  | { type: 'done'; result: EngineResult; timings?: Record<string, number> }
  | { type: 'error'; error: EngineError };
