// File formats this project writes itself. Types only. Documented in docs/journal-format.md.
import type { Journal } from './journal';
import type { Attempt, Decision, RunOutput } from './run';

/** The native journal file: written by the simulator, the CLI and the app's export; read back by the reader. */
export interface NativeJournalFile {
  format: 'replay-inspector/journal';
  version: 1;
  journal: Journal;
  /** Present when the journal came from a simulation: what the simulator decided. */
  run?: {
    scenario: string;
    seed: number;
    decisions: Decision[];
    attempts: Attempt[];
    output: RunOutput | null;
    completionOrder: string[];
  };
}

/** A JSON row exactly as the Restate admin API `/query` returns it (null columns left out). */
export type RestateRow = Record<string, unknown>;

/**
 * A bundle: the introspection rows of one or more invocations in one file (`replay-inspector export` writes it).
 * Keys are the Restate table names; every table but sys_journal is optional.
 */
export interface BundleFile {
  format: 'replay-inspector/bundle';
  version: 1;
  /** Where and when it was exported (informational). */
  source?: { admin?: string; exportedAt?: string; restateVersion?: string; query?: string };
  sys_journal: RestateRow[];
  sys_journal_events?: RestateRow[];
  sys_invocation?: RestateRow[];
  sys_invocation_status?: RestateRow[];
}
