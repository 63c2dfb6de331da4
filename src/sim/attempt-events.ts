// How an attempt's end is told: its `end` and reason in SimRun.attempts, and the lifecycle events the server
// records in sys_journal_events (TransientError, deduplicated like restate
// `crates/invoker-impl/src/invocation_state_machine.rs` `should_emit_transient_error_event`).
import type { AttemptEnd, JournalEvent } from '../model';
import type { AttemptResult } from './engine-types';
import type { JournalWriter } from './journal-writer';

type TransientErrorEvent = Extract<JournalEvent, { type: 'TransientError' }>;

export function describeEnd(result: AttemptResult): { end: AttemptEnd; reason: string } {
  switch (result.end) {
    case 'done':
      if ('failure' in result.output && result.output.failure.code === 409)
        return { end: 'cancelled', reason: 'the invocation was cancelled (409)' };
      return {
        end: 'done',
        reason:
          'value' in result.output
            ? 'the handler returned'
            : `the handler failed with a terminal error: ${result.output.failure.message}`,
      };
    case 'crash':
      return { end: 'crash', reason: `simulated crash at ${result.atMs} ms: runs in flight are lost` };
    case 'transient': {
      const policy =
        result.delayMs === null
          ? 'retried by the invocation retry policy'
          : `retried in ${result.delayMs} ms by the run's retry policy`;
      const of = result.failures > 0 ? ` of ${result.failures} failing` : '';
      return {
        end: 'transient-failure',
        reason: `run '${result.name}' failed transiently (execution ${result.execution}${of}, retry count ${result.retryCount}: ${result.message}): ${policy}`,
      };
    }
    case 'handler-error':
      return {
        end: 'transient-failure',
        reason: `the handler threw a retryable error (not a TerminalError): ${result.failure.message}`,
      };
    case 'suspension':
      return { end: 'suspension', reason: result.reason };
    case 'mismatch':
      return { end: 'limit', reason: result.mismatch.message };
  }
}

/** The TransientError event of a failed attempt (crash, run failure, handler error); null for other ends. */
export function transientEvent(writer: JournalWriter, result: AttemptResult): TransientErrorEvent | null {
  const base = {
    type: 'TransientError' as const,
    afterEntryIndex: writer.lastIndex,
    appendedAtMs: writer.nowMs,
    code: 500,
  };
  if (result.end === 'transient') {
    const command = writer.commands.find((c) => c.type === 'Run' && c.completionIds[0] === result.completionId);
    return {
      ...base,
      message: result.message,
      // RT0007: a retryable error reported by the SDK (test/fixtures/restate-1.7.12/run-retry/events.query.json).
      docCode: 'RT0007',
      relatedCommandIndex: command?.commandIndex,
      relatedCommandName: result.name,
      relatedCommandType: 'Run',
    };
  }
  if (result.end === 'handler-error')
    return { ...base, code: result.failure.code, message: result.failure.message, docCode: 'RT0007' };
  if (result.end === 'crash')
    return { ...base, message: 'simulated crash: the handler process died (stream closed)', docCode: 'RT0010' };
  return null;
}

/** Consecutive identical transient errors are recorded once; a new command in between resets the memory. */
export class TransientErrorDedup {
  private last: string | null = null;

  commandWritten(): void {
    this.last = null;
  }

  shouldEmit(event: TransientErrorEvent): boolean {
    const key = JSON.stringify([
      event.code,
      event.message,
      event.relatedCommandIndex,
      event.relatedCommandType,
      event.relatedCommandName,
    ]);
    if (key === this.last) return false;
    this.last = key;
    return true;
  }
}
