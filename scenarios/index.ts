// Every built-in teaching scenario, in teaching order (used by the tests, the CLI, the benchmark and the UI gallery).
import type { Scenario } from '../src/sim';
import fanOut from './fan-out';
import llmRace from './llm-race';
import timeoutRace from './timeout-race';
import orTimeout from './or-timeout';
import gatherBatch from './gather-batch';
import waitCompletedCancel from './wait-completed-cancel';
import asCompletedPipeline from './as-completed-pipeline';
import allFailFast from './all-fail-fast';
import anyFallbacks from './any-fallbacks';
import allSettledReport from './all-settled-report';
import crashAndReplay from './crash-and-replay';
import transientRetries from './transient-retries';
import runRetryExhausted from './run-retry-exhausted';
import handlerTransientError from './handler-transient-error';
import awakeableApproval from './awakeable-approval';
import promiseApproval from './promise-approval';
import cancelFromOutside from './cancel-from-outside';
import journalMismatch from './journal-mismatch';
import journalMismatchChanged from './journal-mismatch-changed';

export const scenarios: Scenario[] = [
  fanOut,
  llmRace,
  timeoutRace,
  orTimeout,
  gatherBatch,
  waitCompletedCancel,
  asCompletedPipeline,
  allFailFast,
  anyFallbacks,
  allSettledReport,
  crashAndReplay,
  transientRetries,
  runRetryExhausted,
  handlerTransientError,
  awakeableApproval,
  promiseApproval,
  cancelFromOutside,
  journalMismatch,
  journalMismatchChanged,
];

/**
 * Scenarios whose lesson ends with the invocation paused instead of completed (a retryable handler error that
 * repeats on every replay until the retry policy's max attempts; Restate's on-max-attempts default is pause).
 */
export const endsPaused: ReadonlySet<Scenario> = new Set([handlerTransientError]);

/** Deliberate mismatch pairs: replaying `original`'s journal with `changed` gives a 570 journal mismatch. */
export const mismatchPairs: { original: Scenario; changed: Scenario }[] = [
  { original: journalMismatch, changed: journalMismatchChanged },
];

/** File name (kebab case, without `.ts`) of each scenario, by scenario name: the file is `scenarios/<name>.ts`. */
export function scenarioFileName(scenario: Scenario): string {
  return scenario.name;
}
