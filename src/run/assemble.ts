// Pure run assembly: the one place a reader's, simulator's or replay's output becomes the run the app shows (or the
// run record of a native journal file). The engine Worker and the CLI both call these, so a run read in the browser
// and one read on the command line are built by the same code.
import type { Journal, Mismatch, NativeJournalFile, ReaderWarning, ReplayRun, SimRun } from '../model';
import type { SdkReplayResult } from '../model/sdk-replay';
import { deriveFutures } from '../journal-reader/futures';
import type { RunResult } from './loaded-run';

/** What a journal reader returns (journal-reader `ReadResult`), as far as a run needs it. */
export interface ReadOutput {
  format: string;
  journals: Journal[];
  warnings: ReaderWarning[];
  run?: NativeJournalFile['run'];
}

/** A run that cannot be assembled, with a stable code and what to do (shown like a reader error). */
export class RunAssemblyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'RunAssemblyError';
  }
}

/** The first journal of what was read (a file may hold several invocations: the rest are named in a warning). */
export function runFromRead(read: ReadOutput): RunResult {
  if (!read.journals.length)
    throw new RunAssemblyError(
      'EMPTY',
      'The file holds no journal entries.',
      'Export sys_journal rows for one invocation.',
    );
  const journal = read.journals[0];
  const warnings = [...read.warnings];
  if (read.journals.length > 1)
    warnings.push({
      code: 'MANY_INVOCATIONS',
      message: `The file holds ${read.journals.length} invocations; showing the first (${journal.invocationId}).`,
    });
  return {
    title: journal.target ? `${journal.target} · ${journal.invocationId}` : journal.invocationId,
    journal,
    futures: deriveFutures(journal),
    decisions: read.run?.decisions ?? [],
    attempts: read.run?.attempts ?? [],
    output: read.run?.output ?? null,
    mismatch: null,
    seed: read.run?.seed ?? null,
    crashes: [],
    warnings,
    format: read.format,
  };
}

export interface SimulatedAs {
  title: string;
  /** Crash times the run was simulated with (the job's, else the scenario's defaults). */
  crashes: number[];
  /** When the invocation was cancelled from outside, or null. */
  cancelAtMs: number | null;
}

export function runFromSim(sim: SimRun, as: SimulatedAs): RunResult {
  return {
    title: as.title,
    journal: sim.journal,
    futures: deriveFutures(sim.journal),
    decisions: sim.decisions,
    attempts: sim.attempts,
    output: sim.output,
    mismatch: null,
    seed: sim.seed,
    crashes: as.crashes,
    warnings: [],
    format: 'simulation',
    cancelAtMs: as.cancelAtMs,
  };
}

/** A recorded journal replayed against a scenario: its decisions, or the first mismatch. */
export function runFromReplay(replayed: ReplayRun, journal: Journal, scenarioLabel: string): RunResult {
  return {
    title: `${journal.target ?? journal.invocationId} replayed with ${scenarioLabel}`,
    journal,
    futures: deriveFutures(journal),
    decisions: replayed.decisions,
    attempts: [],
    output: replayed.output,
    mismatch: replayed.mismatch,
    seed: null,
    crashes: [],
    warnings: [],
    format: 'replay',
    replayedWith: scenarioLabel,
  };
}

/** A recorded journal replayed by the real SDK running the user's handler: the SDK's decisions, its 570, or its frontier. */
export function runFromSdkReplay(result: SdkReplayResult, journal: Journal, handlerLabel: string): RunResult {
  const { decisions, ...view } = result;
  return {
    title: `${result.target} · ${journal.invocationId} replayed by the real SDK with ${handlerLabel}`,
    journal,
    futures: deriveFutures(journal),
    decisions,
    attempts: [],
    output: null,
    mismatch: sdkMismatchOf(result),
    seed: null,
    crashes: [],
    warnings: [],
    format: 'sdk-replay',
    replayedWith: handlerLabel,
    sdkReplay: view,
  };
}

/** The SDK's 570 in the shape the inspector and timeline already show for a scenario replay's mismatch. */
export function sdkMismatchOf(result: SdkReplayResult): Mismatch | null {
  const m = result.mismatch;
  if (!m) return null;
  const named = (type: string | null, name: string | null) =>
    type === null ? 'nothing' : name ? `${type} '${name}'` : type;
  return {
    code: 570,
    commandIndex: m.commandIndex,
    expected: m.expected ? named(m.expected.type, m.expected.name) : 'the journal',
    actual: named(m.actual.type, m.actual.name),
    message: m.message,
  };
}
