// Journal results ⇄ what the handler sees: settlements of notifications, journaled values of runs and outputs.
import type { EntryResult, NotificationEntry, RunOutput } from '../model';
import { failureOf, TerminalError } from './errors';
import { settlementOf, type Settlement } from './future';
import { plainValue, successResult, valueOfPayload } from './payload';

export function notificationSettlement(entry: NotificationEntry, id: string): Settlement {
  const result = entry.result;
  switch (result.kind) {
    case 'failure':
      return settlementOf(false, undefined, new TerminalError(result.failure.message, result.failure.code), entry.index, id, 0);
    case 'success':
      return settlementOf(true, valueOfPayload(result.payload), null, entry.index, id, 0);
    case 'invocation-id':
      return settlementOf(true, result.invocationId ?? null, null, entry.index, id, 0);
    case 'state-keys':
      return settlementOf(true, result.keys ?? [], null, entry.index, id, 0);
    default:
      return settlementOf(true, null, null, entry.index, id, 0);
  }
}

/** Runs the closure of `ctx.run(name, fn)` once per execution; its value (or terminal failure) is what gets journaled. */
export function computeRun(compute: (() => unknown) | undefined): EntryResult | undefined {
  if (!compute) return undefined;
  try {
    const value = compute();
    if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
      return { kind: 'failure', failure: { code: 500, message: 'run closures must be synchronous in the simulator (use world latencies for time)' } };
    }
    return successResult(plainValue(value));
  } catch (error) {
    return { kind: 'failure', failure: failureOf(error) };
  }
}

/** The result carried by the Output command. */
export function outputResult(output: RunOutput): EntryResult {
  return 'value' in output ? successResult(output.value) : { kind: 'failure', failure: output.failure };
}
