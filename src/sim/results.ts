// Journal results ⇄ what the handler sees: settlements of notifications, journaled values of runs and outputs.
import type { EntryResult, NotificationEntry, RunOutput } from '../model';
import { failureOf, retryableMessage, TerminalError } from './errors';
import { settlementOf, type Settlement } from './future';
import { valueOfPayload, valueResult } from './payload';

export function notificationSettlement(entry: NotificationEntry, id: string): Settlement {
  const result = entry.result;
  switch (result.kind) {
    case 'failure':
      return settlementOf(
        false,
        undefined,
        new TerminalError(result.failure.message, result.failure.code),
        entry.index,
        id,
        0,
      );
    case 'success':
      return settlementOf(true, valueOfPayload(result.payload), null, entry.index, id, 0);
    case 'invocation-id':
      return settlementOf(true, result.invocationId ?? null, null, entry.index, id, 0);
    case 'state-keys':
      return settlementOf(true, result.keys ?? [], null, entry.index, id, 0);
    default:
      // A Void notification (sleep, cancel signal, a signal without payload) resolves to undefined
      // (sdk-typescript 1.17 `dist/context_impl.js`: sleep/awakeable/signal complete with VoidAsUndefined).
      return settlementOf(true, undefined, null, entry.index, id, 0);
  }
}

/** What one execution of a run closure gives: a result to journal, or a retryable error (the attempt fails). */
export type RunExecution = EntryResult | { kind: 'retryable'; message: string };

/**
 * Runs the closure of `ctx.run(name, fn)` once per execution. A value or a TerminalError is journaled; any other
 * throw is a retryable failure, as in sdk-typescript `context_impl.ts` (`propose_run_completion_failure_transient`).
 */
export function computeRun(compute: (() => unknown) | undefined): RunExecution | undefined {
  if (!compute) return undefined;
  try {
    const value = compute();
    if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
      return {
        kind: 'failure',
        failure: {
          code: 500,
          message: 'run closures must be synchronous in the simulator (use world latencies for time)',
        },
      };
    }
    // serde.json.serialize(undefined) is 0 bytes (a closure returning nothing journals an empty value).
    return valueResult(value);
  } catch (error) {
    if (error instanceof TerminalError) return { kind: 'failure', failure: failureOf(error) };
    return { kind: 'retryable', message: retryableMessage(error) };
  }
}

/** The result carried by the Output command. */
export function outputResult(output: RunOutput): EntryResult {
  // `'failure' in`: a void output ({ value: undefined }) that went through JSON is `{}`.
  return 'failure' in output ? { kind: 'failure', failure: output.failure } : valueResult(output.value);
}
