// Rule: a retryable run failure fails the attempt; the run's retry policy (sdk-typescript RunOptions) sets the
// backoff; once exhausted the run completes with a terminal failure [500, <the error's message>]
// (test/fixtures/restate-1.7.12/run-retry-exhausted: maxRetryAttempts 3 → 2 TransientError events, then a failed Run).
import { describe, expect, it } from 'vitest';
import { replay, simulate, TerminalError } from './index';
import { journalLog, scenario } from './test-helpers';

const hopeless = (extra = {}) =>
  scenario(
    { hopeless: { latencyMs: 10, transientFailures: 99, retry: { maxAttempts: 3 } } },
    async (ctx) => await ctx.run('hopeless'),
    extra,
  );

describe('run retry policy', () => {
  it('exhausted: two transient failures with 50 and 100 ms backoff, then a terminal Run failure and a failed Output', async () => {
    const run = await simulate(hopeless());
    expect(run.attempts.map((a) => [a.end, a.startMs, a.endMs])).toEqual([
      ['transient-failure', 0, 10],
      ['transient-failure', 60, 70],
      ['done', 170, 180],
    ]);
    expect(run.attempts[0].reason).toMatch(/retry count 1: .*retried in 50 ms by the run's retry policy$/);
    expect(run.attempts[1].reason).toMatch(/retry count 2: .*retried in 100 ms by the run's retry policy$/);
    const message = "run 'hopeless' failed with a retryable error (simulated, execution 3)";
    expect(run.output).toEqual({ failure: { code: 500, message } });
    expect(journalLog(run)).toEqual(['0 Input', '0 Run hopeless', '180 => c1 failure 500', '180 Output']);
    const events = run.journal.events;
    expect(events).toHaveLength(2);
    expect(
      events.map(
        (e) =>
          e.type === 'TransientError' && [
            e.afterEntryIndex,
            e.relatedCommandIndex,
            e.relatedCommandName,
            e.relatedCommandType,
            e.docCode,
          ],
      ),
    ).toEqual([
      [1, 1, 'hopeless', 'Run', 'RT0007'],
      [1, 1, 'hopeless', 'Run', 'RT0007'],
    ]);
    const r = await replay(hopeless(), run.journal);
    expect(r).toMatchObject({ mismatch: null, output: run.output });
  });

  it('the handler can catch the exhausted run as a TerminalError', async () => {
    const s = scenario(
      { flaky: { transientFailures: 5, retry: { maxAttempts: 2, initialIntervalMs: 5 } } },
      async (ctx) =>
        await ctx.run('flaky').then(
          () => 'ok',
          (e) => (e instanceof TerminalError ? `gave up: ${e.code}` : 'other'),
        ),
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 'gave up: 500' });
    expect(run.attempts.map((a) => a.end)).toEqual(['transient-failure', 'done']);
  });

  it('within the policy the run succeeds, and its own delays do not count against attemptsMax', async () => {
    const s = scenario(
      {
        flaky: {
          latencyMs: 1,
          transientFailures: 4,
          value: 'v',
          retry: { maxAttempts: 10, initialIntervalMs: 10, factor: 3, maxIntervalMs: 100 },
        },
      },
      async (ctx) => await ctx.run('flaky'),
    );
    const run = await simulate(s, { attemptsMax: 2 });
    expect(run.output).toEqual({ value: 'v' });
    // Delays 10, 29, 89, 100 (capped; 30 and 90 in f32 seconds truncate to whole ms as in sdk-shared-core, see
    // retry-policy.ts): each attempt starts 1 ms (the run) + the delay after the previous one.
    expect(run.attempts.map((a) => a.startMs)).toEqual([0, 11, 41, 131, 232]);
    expect(run.journal.status).toBe('completed');
  });

  it('the scenario default (defaults.runRetry) applies to runs without their own policy', async () => {
    const s = scenario(
      { flaky: { transientFailures: 9 } },
      async (ctx) =>
        await ctx.run('flaky').then(
          () => 'ok',
          (e) => e.code,
        ),
      { defaults: { runRetry: { maxAttempts: 2 } } },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 500 });
  });

  it('without a policy, run retries use the invocation policy and count against attemptsMax (then paused)', async () => {
    const s = scenario({ flaky: { transientFailures: 99 } }, async (ctx) => await ctx.run('flaky'));
    const run = await simulate(s, { attemptsMax: 3 });
    expect(run.attempts.map((a) => [a.end, a.startMs])).toEqual([
      ['transient-failure', 0],
      ['transient-failure', 110],
      ['limit', 320],
    ]);
    expect(run.journal.status).toBe('paused');
    expect(run.journal.events.map((e) => e.type)).toEqual([
      'TransientError',
      'TransientError',
      'TransientError',
      'Paused',
    ]);
  });

  it('a run closure throwing a plain Error is retryable; a TerminalError is journaled at once', async () => {
    let executions = 0;
    const s = scenario({ charge: { latencyMs: 5, retry: { maxAttempts: 3 } } }, async (ctx) => {
      return await ctx.run('charge', () => {
        executions++;
        if (executions < 3) throw new Error(`gateway busy (attempt ${executions})`);
        return `charged on attempt ${executions}`;
      });
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 'charged on attempt 3' });
    expect(run.journal.events.map((e) => e.type === 'TransientError' && e.message)).toEqual([
      'gateway busy (attempt 1)',
      'gateway busy (attempt 2)',
    ]);
  });

  it('a new command written in the attempt before the failure restarts the retry count at 1', async () => {
    // Each attempt writes a new Sleep before the run fails: processing_first_entry is false, so the count stays 1
    // and maxAttempts 2 is never reached (sdk-shared-core `ProposeRunCompletion`).
    let attempt = 0;
    const s = scenario(
      { flaky: { latencyMs: 5, transientFailures: 3, value: 'done', retry: { maxAttempts: 2, initialIntervalMs: 1 } } },
      async (ctx) => {
        const flaky = ctx.run('flaky');
        attempt++;
        for (let i = 0; i < attempt; i++) await ctx.sleep(1);
        return await flaky;
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 'done' });
    expect(run.attempts.map((a) => a.end)).toEqual([
      'transient-failure',
      'transient-failure',
      'transient-failure',
      'done',
    ]);
  });
});
