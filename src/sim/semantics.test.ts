// One test per semantic rule of issue 3 (facts §3–4).
import { describe, expect, it } from 'vitest';
import {
  simulate,
  replay,
  race,
  all,
  any,
  gather,
  select,
  waitCompleted,
  asCompleted,
  allSettled,
  SimError,
  TerminalError,
} from './index';
import { journalLog, scenario, stripAttempt } from './test-helpers';

describe('winner = earliest notification in journal order', () => {
  it('ties at the same virtual time break by completion id', async () => {
    const s = scenario({ b: { latencyMs: 30, value: 'B' }, a: { latencyMs: 30, value: 'A' } }, async (ctx) => {
      const a = ctx.run('a');
      const b = ctx.run('b');
      return await race([b, a]);
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 'A' });
    expect(run.completionOrder).toEqual(['c1']);
    expect(run.decisions[0]).toMatchObject({
      combinator: 'race',
      futures: ['c2', 'c1'],
      winner: 'c1',
      completed: ['c1'],
      pending: ['c2'],
      entryIndex: 3,
    });
  });

  it('an already-completed earlier notification wins over one popped later', async () => {
    const s = scenario(
      { fast: { latencyMs: 5, value: 'fast' }, slow: { latencyMs: 50, value: 'slow' } },
      async (ctx) => {
        const fast = ctx.run('fast');
        const slow = ctx.run('slow');
        await all([fast, slow]);
        return await race([slow, fast]);
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: 'fast' });
    const last = run.decisions[1];
    expect(last).toMatchObject({
      combinator: 'race',
      winner: 'c1',
      completed: ['c2', 'c1'],
      entryIndex: run.journal.entries.length - 2,
    });
  });
});

describe('waitCompleted / asCompleted (Python semantics)', () => {
  it('returns at once with all already-completed futures, argument order kept', async () => {
    const s = scenario(
      { 'S/a': { latencyMs: 10 }, 'S/b': { latencyMs: 30 }, 'S/c': { latencyMs: 20 }, 'S/d': { latencyMs: 500 } },
      async (ctx) => {
        const a = ctx.call('S/a');
        const b = ctx.call('S/b');
        const c = ctx.call('S/c');
        const d = ctx.call('S/d');
        await ctx.sleep(100);
        const [completed, pending] = await waitCompleted(d, b, a, c);
        return { completed: completed.map((f) => f.id), pending: pending.map((f) => f.id) };
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: { completed: ['c4', 'c2', 'c6'], pending: ['c8'] } });
    const decision = run.decisions[1];
    expect(decision).toMatchObject({ combinator: 'waitCompleted', completed: ['c4', 'c2', 'c6'], pending: ['c8'] });
    expect(decision.winner).toBeUndefined();
  });

  it('asCompleted yields batches in completion order with argument indexes', async () => {
    const s = scenario(
      {
        'S/x': [
          { latencyMs: 40, value: 'x0' },
          { latencyMs: 10, value: 'x1' },
          { latencyMs: 25, value: 'x2' },
        ],
      },
      async (ctx) => {
        const fs = [ctx.call('S/x'), ctx.call('S/x'), ctx.call('S/x')];
        const seen = [];
        for await (const { future, index } of asCompleted(...fs)) seen.push([index, await future]);
        return seen;
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({
      value: [
        [1, 'x1'],
        [2, 'x2'],
        [0, 'x0'],
      ],
    });
    expect(run.decisions.filter((d) => d.combinator === 'asCompleted').map((d) => d.completed)).toEqual([
      ['c4'],
      ['c6'],
      ['c2'],
    ]);
  });
});

describe('failure semantics of the combinators', () => {
  const world = {
    'S/ok': { latencyMs: 50, value: 'ok' },
    'S/bad': { latencyMs: 10, terminal: { code: 418, message: 'teapot' } },
  };

  it('gather never fails fast: it resolves once all completed, failures included', async () => {
    const run = await simulate(
      scenario(world, async (ctx) => {
        const fs = await gather(ctx.call('S/ok'), ctx.call('S/bad'));
        const out = [];
        for (const f of fs)
          out.push(
            await f.then(
              (v) => v,
              (e) => `error ${e.code}`,
            ),
          );
        return out;
      }),
    );
    expect(run.output).toEqual({ value: ['ok', 'error 418'] });
    expect(run.decisions[0]).toMatchObject({
      combinator: 'gather',
      completed: ['c2', 'c4'],
      pending: [],
      outcome: 'success',
    });
  });

  it('all fails fast with the first failure, while the other call is still pending', async () => {
    const run = await simulate(
      scenario(world, async (ctx) => {
        try {
          return await all([ctx.call('S/ok'), ctx.call('S/bad')]);
        } catch (e) {
          return `caught ${(e as { code: number }).code}`;
        }
      }),
    );
    expect(run.output).toEqual({ value: 'caught 418' });
    expect(run.decisions[0]).toMatchObject({ combinator: 'all', winner: 'c4', pending: ['c2'], outcome: 'failure' });
  });

  it('any throws an AggregateError-like failure when all fail, and otherwise takes the first success', async () => {
    const s = scenario(
      {
        'S/bad': [
          { latencyMs: 10, terminal: { code: 500, message: 'one' } },
          { latencyMs: 20, terminal: { code: 503, message: 'two' } },
        ],
      },
      async (ctx) => {
        return await any([ctx.call('S/bad'), ctx.call('S/bad')]);
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ failure: { code: 500, message: 'All 2 futures failed: one; two' } });
    const d = run.decisions[0];
    expect(d).toMatchObject({ combinator: 'any', outcome: 'failure', completed: ['c2', 'c4'] });
    const ok = await simulate(scenario(world, async (ctx) => await any([ctx.call('S/bad'), ctx.call('S/ok')])));
    expect(ok.output).toEqual({ value: 'ok' });
    expect(ok.decisions[0]).toMatchObject({ winner: 'c4' });
  });

  it('race and select surface a failed winner as a terminal error; a sleep winner gives undefined', async () => {
    const raced = await simulate(scenario(world, async (ctx) => await race([ctx.call('S/ok'), ctx.call('S/bad')])));
    expect(raced.output).toEqual({ failure: { code: 418, message: 'teapot' } });
    const selected = await simulate(
      scenario(world, async (ctx) => await select({ ok: ctx.call('S/ok'), bad: ctx.call('S/bad') })),
    );
    expect(selected.output).toEqual({ failure: { code: 418, message: 'teapot' } });
    expect(selected.decisions[0]).toMatchObject({ combinator: 'select', key: 'bad', winner: 'c4' });
    const timer = await simulate(
      scenario(world, async (ctx) => {
        const [key, value] = await select({ ok: ctx.call('S/ok'), t: ctx.sleep(5) });
        return [key, value === undefined];
      }),
    );
    expect(timer.output).toEqual({ value: ['t', true] });
  });

  it('allSettled reports every outcome in argument order', async () => {
    const run = await simulate(
      scenario(world, async (ctx) => {
        const r = await allSettled([ctx.call('S/ok'), ctx.call('S/bad')]);
        return r.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as { code: number }).code));
      }),
    );
    expect(run.output).toEqual({ value: ['ok', 418] });
  });

  it('orTimeout writes a real Sleep and fails with 408; the operation is not cancelled', async () => {
    const run = await simulate(
      scenario({ slow: { latencyMs: 100, value: 'late' } }, async (ctx) => {
        const slow = ctx.run('slow');
        try {
          return await slow.orTimeout(30);
        } catch (e) {
          const code = (e as { code: number }).code;
          return { code, later: await slow };
        }
      }),
    );
    expect(run.output).toEqual({ value: { code: 408, later: 'late' } });
    expect(journalLog(run)).toEqual([
      '0 Input',
      '0 Run slow',
      '0 Sleep',
      '30 => c2 void',
      '100 => c1 success "late"',
      '100 Output',
    ]);
    expect(run.decisions[0]).toMatchObject({
      combinator: 'orTimeout',
      futures: ['c1', 'c2'],
      winner: 'c2',
      outcome: 'failure',
    });
    expect(run.journal.entries.some((e) => e.type === 'SendSignal')).toBe(false);
  });

  it('losers are never cancelled: the losing call still completes and is journaled', async () => {
    const run = await simulate(
      scenario({ 'A/x': { latencyMs: 10, value: 'a' }, 'B/x': { latencyMs: 40, value: 'b' } }, async (ctx) => {
        const winner = await race([ctx.call('A/x'), ctx.call('B/x')]);
        await ctx.sleep(100);
        return winner;
      }),
    );
    expect(run.completionOrder).toEqual(['c1', 'c3', 'c2', 'c4', 'c5']);
    expect(run.journal.entries.filter((e) => e.type === 'SendSignal')).toHaveLength(0);
  });

  it('map transforms the value and is recorded as an await', async () => {
    const run = await simulate(
      scenario({ n: { value: 20 } }, async (ctx) => await ctx.run('n').map((v) => (v as number) + 1)),
    );
    expect(run.output).toEqual({ value: 21 });
    expect(run.decisions[0]).toMatchObject({ combinator: 'await', futures: ['c1'] });
  });
});

describe('runs: lazy, transient and terminal failures', () => {
  it('a run executes only while awaited: never awaited, it never completes', async () => {
    const run = await simulate(
      scenario({ never: { latencyMs: 5 }, later: { latencyMs: 5, value: 'L' } }, async (ctx) => {
        ctx.run('never');
        const later = ctx.run('later');
        await ctx.sleep(50);
        return await later;
      }),
    );
    expect(journalLog(run)).toEqual([
      '0 Input',
      '0 Run never',
      '0 Run later',
      '0 Sleep',
      '50 => c3 void',
      '55 => c2 success "L"',
      '55 Output',
    ]);
  });

  it('transient failures fail the attempt; the next attempt replays and re-executes only that run', async () => {
    const run = await simulate(
      scenario(
        { first: { latencyMs: 5, value: 1 }, flaky: { latencyMs: 10, transientFailures: 2, value: 2 } },
        async (ctx) => {
          const a = await ctx.run('first');
          const b = await ctx.run('flaky');
          return a + b;
        },
      ),
    );
    expect(run.output).toEqual({ value: 3 });
    expect(run.attempts.map((a) => a.end)).toEqual(['transient-failure', 'transient-failure', 'done']);
    expect(run.journal.entries.filter((e) => e.kind === 'notification')).toHaveLength(2);
    expect(run.journal.events.filter((e) => e.type === 'TransientError')).toHaveLength(2);
    expect(run.journal.events[0]).toMatchObject({
      relatedCommandIndex: 2,
      relatedCommandName: 'flaky',
      relatedCommandType: 'Run',
    });
  });

  it('run(name, fn) journals fn() at execution; a replay never calls fn', async () => {
    let calls = 0;
    const s = scenario(
      { sum: { latencyMs: 5 } },
      async (ctx, input) => {
        const total = await ctx.run('sum', () => {
          calls++;
          return input.a + input.b;
        });
        const bad = await ctx
          .run('bad', () => {
            throw new TerminalError('no way', 422);
          })
          .then(
            () => 'ok',
            (e) => e.code,
          );
        return [total, bad];
      },
      { input: { a: 2, b: 3 } },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({ value: [5, 422] });
    expect(calls).toBe(1);
    const r = await replay(s, run.journal);
    expect(r.output).toEqual(run.output);
    expect(calls).toBe(1);
  });

  it('a terminal failure is recorded as a failed completion', async () => {
    const run = await simulate(
      scenario({ boom: { terminal: { code: 422, message: 'bad input' } } }, async (ctx) => await ctx.run('boom')),
    );
    expect(journalLog(run)).toContain('10 => c1 failure 422');
    expect(run.output).toEqual({ failure: { code: 422, message: 'bad input' } });
  });
});

describe('crashes', () => {
  it('server-side futures survive a crash; runs in flight are lost and executed again later', async () => {
    const s = scenario({ work: { latencyMs: 80, value: 'done' } }, async (ctx) => {
      const work = ctx.run('work');
      const timer = ctx.sleep(100);
      const first = await race([work, timer]);
      return first === undefined ? 'timer' : first;
    });
    const clean = await simulate(s);
    expect(clean.output).toEqual({ value: 'done' });
    const crashed = await simulate(s, { crashes: [{ atMs: 50 }] });
    expect(crashed.output).toEqual({ value: 'timer' });
    expect(crashed.attempts.map((a) => [a.end, a.startMs, a.endMs])).toEqual([
      ['crash', 0, 50],
      ['done', 150, 150],
    ]);
    expect(journalLog(crashed)).toEqual(['0 Input', '0 Run work', '0 Sleep', '100 => c2 void', '150 Output']);
  });

  it('an attempt after a crash replays the recorded decisions and then goes live', async () => {
    const s = scenario({ a: { latencyMs: 10, value: 'a' }, b: { latencyMs: 30, value: 'b' } }, async (ctx) => [
      await ctx.run('a'),
      await ctx.run('b'),
    ]);
    const run = await simulate(s, { crashes: [{ atMs: 20 }] });
    expect(run.output).toEqual({ value: ['a', 'b'] });
    expect(run.decisions.map((d) => [d.attempt, d.futures[0]])).toEqual([
      [1, 'c1'],
      [2, 'c1'],
      [2, 'c2'],
    ]);
    expect(journalLog(run)).toEqual([
      '0 Input',
      '0 Run a',
      '10 => c1 success "a"',
      '10 Run b',
      '150 => c2 success "b"',
      '150 Output',
    ]);
  });
});

describe('cancellation', () => {
  it('cancel from outside appends signal 1, cancels pending child calls and throws 409 at the current await', async () => {
    const s = scenario({ 'S/slow': { latencyMs: 500, value: 1 } }, async (ctx) => {
      const call = ctx.call('S/slow');
      try {
        await call;
        return 'finished';
      } catch (e) {
        await ctx.sleep(10);
        return {
          caught: (e as { code: number }).code,
          callee: await call.then(
            () => 'ok',
            (err) => err.code,
          ),
        };
      }
    });
    const run = await simulate(s, { cancelAtMs: 100 });
    expect(journalLog(run)).toEqual([
      '0 Input',
      '0 Call',
      '0 => c1 invocation-id',
      '100 => s1 void',
      '100 SendSignal',
      '100 Sleep',
      '101 => c2 failure 409',
      '110 => c3 void',
      '110 Output',
    ]);
    expect(run.output).toEqual({ value: { caught: 409, callee: 409 } });
    expect(run.decisions[0]).toMatchObject({ combinator: 'await', winner: 's1', outcome: 'failure' });
    expect(run.journal.entries[4]).toMatchObject({
      type: 'SendSignal',
      signal: { index: 1, targetInvocationId: 'inv_sim_test_1_c2' },
    });
  });

  it('ctx.cancel(call) sends the cancel signal to that callee only', async () => {
    const s = scenario(
      { 'S/slow': { latencyMs: 500, value: 1 }, 'S/fast': { latencyMs: 5, value: 2 } },
      async (ctx) => {
        const slow = ctx.call('S/slow');
        const fast = ctx.call('S/fast');
        ctx.cancel(slow);
        return await allSettled([slow, fast]);
      },
    );
    const run = await simulate(s);
    expect(run.output).toEqual({
      value: [
        { status: 'rejected', reason: { message: 'Cancelled', name: 'TerminalError', code: 409 } },
        { status: 'fulfilled', value: 2 },
      ],
    });
    expect(journalLog(run)).toEqual([
      '0 Input',
      '0 Call',
      '0 => c1 invocation-id',
      '0 Call',
      '0 => c3 invocation-id',
      '0 SendSignal',
      '1 => c2 failure 409',
      '5 => c4 success 2',
      '5 Output',
    ]);
    // A usage error is a plain (non-terminal) error: the attempt fails and is retried, like any bug in a handler.
    const notACall = await simulate(
      scenario({}, async (ctx) => ctx.cancel(ctx.run('x'))),
      { attemptsMax: 2 },
    );
    expect(notACall.output).toBeNull();
    expect(notACall.attempts[0].reason).toContain('SIM_NOT_CANCELLABLE');
  });
});

describe('replay and journal mismatch (570)', () => {
  const v1 = scenario({}, async (ctx) => {
    await ctx.run('a');
    await ctx.run('b');
    return 'v1';
  });

  it('a changed command at the same index gives 570 with expected and actual', async () => {
    const run = await simulate(v1);
    const v2 = scenario({}, async (ctx) => {
      await ctx.run('a');
      await ctx.call('S/b');
      return 'v2';
    });
    const r = await replay(v2, run.journal);
    expect(r.mismatch).toMatchObject({ code: 570, commandIndex: 2, expected: "Run 'b'", actual: 'Call S/b' });
    expect(r.output).toBeNull();
  });

  it('a call with another parameter is a mismatch too (CallCommandMessage compares it)', async () => {
    const a = scenario({}, async (ctx) => await ctx.call('S/h', { n: 1 }));
    const b = scenario({}, async (ctx) => await ctx.call('S/h', { n: 2 }));
    const r = await replay(b, (await simulate(a)).journal);
    expect(r.mismatch).toMatchObject({
      code: 570,
      commandIndex: 1,
      expected: 'Call S/h with parameter {"n":1}',
      actual: 'Call S/h with parameter {"n":2}',
    });
  });

  it('running out of notifications while recorded commands remain is also 570', async () => {
    const run = await simulate(v1);
    const v3 = scenario({}, async (ctx) => {
      const a = ctx.run('a');
      await ctx.sleep(5);
      await a;
      return 'v3';
    });
    const r = await replay(v3, run.journal);
    expect(r.mismatch).toMatchObject({ code: 570, commandIndex: 2 });
  });

  it('replay of a journal reproduces the decisions and the output', async () => {
    const run = await simulate(v1, { seed: 5 });
    const r = await replay(v1, run.journal);
    expect(r.mismatch).toBeNull();
    expect(r.output).toEqual(run.output);
    expect(stripAttempt(r.decisions)).toEqual(stripAttempt(run.decisions));
  });
});

describe('limits and bad input', () => {
  it('stepsMax exceeded is a SimError with code SIM_STEPS_EXCEEDED', async () => {
    const s = scenario({}, async (ctx) => {
      for (let i = 0; i < 50; i++) await ctx.sleep(1);
      return 'done';
    });
    await expect(simulate(s, { stepsMax: 20 })).rejects.toMatchObject({ code: 'SIM_STEPS_EXCEEDED' });
    await expect(simulate(s, { stepsMax: 20 })).rejects.toBeInstanceOf(SimError);
  });

  it('a handler that creates operations forever (even catching the error) is stopped with SIM_STEPS_EXCEEDED', async () => {
    const s = scenario({}, async (ctx) => {
      for (let i = 0; i < 1_000_000; i++) {
        try {
          ctx.run('again');
        } catch {
          // a careless handler swallows everything
        }
      }
      return 'never';
    });
    await expect(simulate(s, { stepsMax: 500 })).rejects.toMatchObject({ code: 'SIM_STEPS_EXCEEDED' });
  });

  it('passing a native promise to a combinator is a clear (retryable) error inside the handler', async () => {
    const run = await simulate(
      scenario({}, async (ctx) => await race([ctx.run('a'), Promise.resolve(1) as never])),
      { attemptsMax: 3 },
    );
    expect(run.output).toBeNull();
    expect(run.journal.status).toBe('paused');
    expect(run.attempts.map((a) => a.end)).toEqual(['transient-failure', 'transient-failure', 'limit']);
    expect(run.attempts[0].reason).toContain('SIM_NOT_DURABLE');
  });

  it('bad options and bad scenarios are rejected with stable codes', async () => {
    const s = scenario({}, async () => 1);
    await expect(simulate(s, { seed: -1 })).rejects.toMatchObject({ code: 'SIM_BAD_OPTIONS' });
    expect(() => scenario({ x: { latencyMs: [5, 1] } }, async () => 1)).toThrow(/latencyMs/);
  });

  it('an await on something that never completes suspends the invocation', async () => {
    const run = await simulate(scenario({}, async (ctx) => await ctx.awakeable('never')));
    expect(run.journal.status).toBe('suspended');
    expect(run.attempts[0].end).toBe('suspension');
    expect(run.output).toBeNull();
    expect(run.journal.awaiting).toEqual({
      node: 'Unknown',
      children: [
        { node: 'Single', signalIndex: 17 },
        { node: 'Single', signalIndex: 1 },
      ],
    });
    expect(run.journal.events).toEqual([
      { type: 'Suspended', afterEntryIndex: 0, appendedAtMs: 0, awaitingOn: run.journal.awaiting },
    ]);
  });
});

describe('native promises and helper functions around durable futures', () => {
  it('Promise.all over durable futures and async helpers works, one await decision per future', async () => {
    const s = scenario({ a: { latencyMs: 20, value: 2 }, b: { latencyMs: 10, value: 3 } }, async (ctx) => {
      const double = async (name: string) => (await ctx.run(name)) * 2;
      const [a, b] = await Promise.all([double('a'), double('b')]);
      const c = await Promise.all([ctx.sleep(5), ctx.sleep(6)]);
      return [a, b, c];
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: [4, 6, [null, null]] });
    expect(run.decisions.map((d) => d.futures[0])).toEqual(['c2', 'c1', 'c3', 'c4']);
    const r = await replay(s, run.journal);
    expect(stripAttempt(r.decisions)).toEqual(stripAttempt(run.decisions));
  });
});
