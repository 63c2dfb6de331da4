// Rule: a non-terminal error thrown by the handler fails the ATTEMPT (retried with backoff, replayed); only a
// TerminalError ends the invocation with a failed Output. After attemptsMax the invocation is paused, as Restate 1.7
// does by default (`default-retry-policy.on-max-attempts = "pause"`; test/fixtures/restate-1.7.12/paused).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournals } from '../journal-reader';
import { replay, simulate, TerminalError } from './index';
import { scenario } from './test-helpers';

describe('errors thrown by the handler itself', () => {
  it('a plain Error fails the attempt; retries back off (100, 200 ms…) and replay the journal', async () => {
    let attempts = 0;
    const s = scenario({ a: { latencyMs: 10, value: 1 } }, async (ctx) => {
      const a = await ctx.run('a');
      attempts++;
      if (attempts < 3) throw new Error(`flaky handler ${attempts}`);
      return a + 1;
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 2 });
    expect(run.attempts.map((a) => [a.end, a.startMs, a.endMs])).toEqual([
      ['transient-failure', 0, 10],
      ['transient-failure', 110, 110],
      ['done', 310, 310],
    ]);
    expect(run.attempts[0].reason).toContain('flaky handler 1');
    const events = run.journal.events.filter((e) => e.type === 'TransientError');
    expect(
      events.map((e) => e.type === 'TransientError' && [e.code, e.message, e.docCode, e.relatedCommandIndex]),
    ).toEqual([
      [500, 'flaky handler 1', 'RT0007', undefined],
      [500, 'flaky handler 2', 'RT0007', undefined],
    ]);
    // The run executed once: later attempts replayed it.
    expect(run.journal.entries.filter((e) => e.kind === 'notification')).toHaveLength(1);
  });

  it('a TerminalError ends the invocation at once with a failed Output', async () => {
    const run = await simulate(
      scenario({}, async () => {
        throw new TerminalError('refused', 422);
      }),
    );
    expect(run.attempts.map((a) => a.end)).toEqual(['done']);
    expect(run.output).toEqual({ failure: { code: 422, message: 'refused' } });
    expect(run.journal.status).toBe('completed');
    expect(run.journal.entries.at(-1)).toMatchObject({
      type: 'Output',
      result: { kind: 'failure', failure: { code: 422, message: 'refused' } },
    });
  });

  it('always failing: paused after attemptsMax, one deduplicated TransientError and a Paused event (like the real "paused" capture)', async () => {
    const s = scenario({}, async () => {
      throw new Error('always broken');
    });
    const run = await simulate(s, { attemptsMax: 2 });
    expect(run.output).toBeNull();
    expect(run.journal.status).toBe('paused');
    expect(run.attempts.map((a) => a.end)).toEqual(['transient-failure', 'limit']);
    expect(run.attempts[1].reason).toMatch(/attemptsMax 2 reached: the invocation is paused/);
    expect(run.journal.events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
    const real = readJournals(
      readFileSync(join(__dirname, '../../test/fixtures/restate-1.7.12/paused/bundle.json'), 'utf8'),
    ).journals[0];
    expect(real.status).toBe('paused');
    expect(real.events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
    expect(run.journal.events[0]).toMatchObject({ code: 500, message: 'always broken', docCode: 'RT0007' });
  });

  it('a TypeError in the handler (a bug) is retried too, and the default attemptsMax is 20', async () => {
    const run = await simulate(
      scenario({}, async () => {
        throw new TypeError('oops');
      }),
    );
    expect(run.attempts).toHaveLength(20);
    expect(run.attempts.at(-1)?.end).toBe('limit');
    expect(run.journal.status).toBe('paused');
  });

  it('replay of a handler that throws a plain Error reports it in notes, with no output', async () => {
    const ok = scenario({}, async (ctx) => await ctx.run('a'));
    const broken = scenario({}, async (ctx) => {
      await ctx.run('a');
      throw new Error('regression');
    });
    const r = await replay(broken, (await simulate(ok)).journal);
    expect(r.mismatch).toBeNull();
    expect(r.output).toBeNull();
    expect(r.notes).toEqual([
      'the handler threw a retryable error (the attempt would fail and be retried): regression',
    ]);
  });
});
