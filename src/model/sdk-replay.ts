// What a replay by the real Restate SDK found (src/sdk-host/replay.ts makes it; the CLI, the run assembly and the app
// show it). Types only: the model has no logic.
import type { Decision } from './run';

export type SdkVerdict = 'replayed' | 'mismatch' | 'stopped' | 'suspended' | 'failed';

export interface SdkCommandView {
  commandIndex: number;
  type: string;
  name: string;
  /** Decoded fields (bytes as text when UTF-8, else hex). */
  fields: Record<string, unknown>;
}

/** The outcome of one offline replay of a journal by the real SDK, as plain data. */
export interface SdkReplayResult {
  verdict: SdkVerdict;
  target: string;
  sdkVersion: string;
  mismatch: {
    commandIndex: number;
    expected: SdkCommandView | null;
    actual: { type: string | null; name: string | null };
    message: string;
  } | null;
  stoppedAt: { run: string; commandIndex: number | null } | null;
  /** Suspension: the completion and signal ids the handler waits on. */
  awaiting: { completions: number[]; signals: number[]; namedSignals: string[] } | null;
  /** Error other than a mismatch (the handler threw, or the SDK refused the input). */
  error: { code: number; message: string } | null;
  /** Commands the new code wrote past the end of the journal. */
  newCommands: SdkCommandView[];
  decisions: Decision[];
}
