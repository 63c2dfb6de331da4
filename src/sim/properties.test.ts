// Property tests (fast-check), seed in each name. Pin any failing seed as its own regression test below.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Behaviour, Scenario } from './index';
import { simulate, replay, race, all, any, allSettled, select, waitCompleted, gather, asCompleted } from './index';
import type { DurableFuture } from './future';
import { lastAttemptDecisions, scenario, stripAttempt } from './test-helpers';

type LeafKind = 'run' | 'sleep' | 'call' | 'awakeable';
type Combinator =
  'race' | 'all' | 'any' | 'allSettled' | 'select' | 'waitCompleted' | 'gather' | 'await' | 'orTimeout' | 'asCompleted';
interface LeafSpec {
  kind: LeafKind;
  latency: number;
  fail: boolean;
  transient: number;
}
interface StepSpec {
  create: LeafSpec[];
  combinator: Combinator;
  picks: number[];
  timeoutMs: number;
}

const allCombinators: Combinator[] = [
  'race',
  'all',
  'any',
  'allSettled',
  'select',
  'waitCompleted',
  'gather',
  'await',
  'orTimeout',
  'asCompleted',
];

const leafArb = (kinds: LeafKind[]) =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    latency: fc.integer({ min: 0, max: 120 }),
    fail: fc.boolean(),
    transient: fc.integer({ min: 0, max: 2 }),
  });

const stepArb = (kinds: LeafKind[], combinators: Combinator[], createMax: number) =>
  fc.record({
    create: fc.array(leafArb(kinds), { minLength: 0, maxLength: createMax }),
    combinator: fc.constantFrom(...combinators),
    picks: fc.array(fc.nat(30), { minLength: 1, maxLength: 4 }),
    timeoutMs: fc.integer({ min: 0, max: 150 }),
  });

const programArb = fc.array(stepArb(['run', 'sleep', 'call', 'awakeable'], allCombinators, 3), {
  minLength: 1,
  maxLength: 5,
});

/**
 * Builds a scenario from a random program: every leaf gets its own world entry. With `runRetryMax`, every run has a
 * retry policy of that many attempts; with `throwAtEnd`, the handler throws a plain Error after its last step.
 */
function programScenario(steps: StepSpec[], runRetryMax?: number, throwAtEnd = false): Scenario {
  const world: Record<string, Behaviour> = {};
  let n = 0;
  for (const step of steps) {
    for (const leaf of step.create) {
      const i = n++;
      const outcome = leaf.fail ? { terminal: { code: 400 + i, message: `fail ${i}` } } : { value: `v${i}` };
      const retry = runRetryMax === undefined ? {} : { retry: { maxAttempts: runRetryMax, initialIntervalMs: 5 } };
      if (leaf.kind === 'run')
        world[`r${i}`] = { latencyMs: leaf.latency, transientFailures: leaf.transient, ...retry, ...outcome };
      if (leaf.kind === 'call') world[`S${i}/h`] = { latencyMs: leaf.latency, ...outcome };
      if (leaf.kind === 'awakeable')
        world[`w${i}`] = leaf.fail
          ? { rejectAtMs: leaf.latency * 2 }
          : { resolveAtMs: leaf.latency * 2, value: `v${i}` };
    }
  }
  return scenario(world, async (ctx) => {
    const futures: DurableFuture[] = [];
    const log: unknown[] = [];
    let n = 0;
    for (const step of steps) {
      for (const leaf of step.create) {
        const i = n++;
        if (leaf.kind === 'run') futures.push(ctx.run(`r${i}`));
        if (leaf.kind === 'sleep') futures.push(ctx.sleep(leaf.latency));
        if (leaf.kind === 'call') futures.push(ctx.call(`S${i}/h`));
        if (leaf.kind === 'awakeable') futures.push(ctx.awakeable(`w${i}`));
      }
      if (futures.length === 0) futures.push(ctx.sleep(step.timeoutMs));
      const picked = [...new Set(step.picks.map((p) => futures[p % futures.length]))];
      try {
        log.push(await combine(step, picked));
      } catch (error) {
        log.push(['error', (error as { code?: number }).code ?? String(error)]);
      }
    }
    if (throwAtEnd) throw new Error(`plain error after ${log.length} steps`);
    return log;
  });
}

async function combine(step: StepSpec, fs: DurableFuture[]): Promise<unknown> {
  switch (step.combinator) {
    case 'race':
      return await race(fs);
    case 'all':
      return await all(fs);
    case 'any':
      return await any(fs);
    case 'allSettled':
      return (await allSettled(fs)).map((r) => r.status);
    case 'select':
      return await select(Object.fromEntries(fs.map((f, i) => [`k${i}`, f])));
    case 'waitCompleted': {
      const [done, pending] = await waitCompleted(...fs);
      return [done.map((f) => f.id), pending.map((f) => f.id)];
    }
    case 'gather':
      return (await gather(...fs)).map((f) => f.id);
    case 'await':
      return await fs[0];
    case 'orTimeout':
      return await fs[0].orTimeout(step.timeoutMs);
    case 'asCompleted': {
      const order: number[] = [];
      for await (const { index } of asCompleted(...fs)) order.push(index);
      return order;
    }
  }
}

const crashesArb = fc
  .array(fc.integer({ min: 0, max: 400 }), { maxLength: 3 })
  .map((ts) => ts.map((atMs) => ({ atMs })));

describe('simulation properties', () => {
  it('same scenario + seed + crashes → identical journal bytes (seed 42)', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 0, max: 1000 }), crashesArb, async (steps, seed, crashes) => {
        const s = programScenario(steps);
        const a = await simulate(s, { seed, crashes });
        const b = await simulate(s, { seed, crashes });
        expect(JSON.stringify(b.journal)).toBe(JSON.stringify(a.journal));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('replay reproduces the last attempt decisions and the output (seed 7)', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, fc.integer({ min: 0, max: 1000 }), crashesArb, async (steps, seed, crashes) => {
        const s = programScenario(steps);
        const run = await simulate(s, { seed, crashes });
        const r = await replay(s, run.journal);
        expect(r.mismatch).toBeNull();
        expect(stripAttempt(r.decisions)).toEqual(stripAttempt(lastAttemptDecisions(run)));
        expect(r.output).toEqual(run.output);
      }),
      { seed: 7, numRuns: 120 },
    );
  });

  it('with run retry policies and handler errors, simulation is deterministic and replay reproduces it (seed 23)', async () => {
    await fc.assert(
      fc.asyncProperty(
        programArb,
        fc.integer({ min: 0, max: 1000 }),
        crashesArb,
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (steps, seed, crashes, retryMax, throwAtEnd) => {
          const s = programScenario(steps, retryMax, throwAtEnd);
          const run = await simulate(s, { seed, crashes, attemptsMax: 4 });
          expect(JSON.stringify(await simulate(s, { seed, crashes, attemptsMax: 4 }))).toBe(JSON.stringify(run));
          if (throwAtEnd) {
            expect(run.journal.status).toBe('paused');
            expect(run.attempts.at(-1)?.end).toBe('limit');
          }
          const r = await replay(s, run.journal);
          expect(r.mismatch).toBeNull();
          expect(stripAttempt(r.decisions)).toEqual(stripAttempt(lastAttemptDecisions(run)));
          expect(r.output).toEqual(run.output);
          // A run journals a failure only as a world terminal or as its exhausted retries (never more executions than allowed).
          for (const e of run.journal.entries) {
            if (
              e.kind === 'notification' &&
              e.type === 'Run' &&
              e.result.kind === 'failure' &&
              e.result.failure.code === 500
            ) {
              expect(e.result.failure.message).toMatch(/execution [1-3]\)$/);
            }
          }
        },
      ),
      { seed: 23, numRuns: 80 },
    );
  });

  it('a crash while only server-side futures are pending changes no decision (seed 11)', async () => {
    const serverOnly = fc.tuple(
      fc.array(leafArb(['sleep', 'call', 'awakeable']), { minLength: 1, maxLength: 6 }),
      fc.array(
        stepArb(
          ['sleep'],
          ['race', 'all', 'any', 'allSettled', 'select', 'waitCompleted', 'gather', 'await', 'asCompleted'],
          0,
        ),
        { minLength: 1, maxLength: 4 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(serverOnly, crashesArb, async ([leaves, steps], crashes) => {
        const program = [{ ...steps[0], create: leaves }, ...steps.slice(1)];
        const s = programScenario(program);
        const clean = await simulate(s, { seed: 1 });
        const crashed = await simulate(s, { seed: 1, crashes });
        expect(stripAttempt(lastAttemptDecisions(crashed))).toEqual(stripAttempt(clean.decisions));
        expect(crashed.output).toEqual(clean.output);
        // While down the server may append more (the handler finishes later): the clean order is a prefix.
        expect(crashed.completionOrder.slice(0, clean.completionOrder.length)).toEqual(clean.completionOrder);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
});

describe('combinators match a naive reference model (seed 3)', () => {
  type Kind = 'race' | 'all' | 'any' | 'allSettled' | 'select' | 'waitCompleted';
  const callsArb = fc.array(fc.record({ latency: fc.integer({ min: 0, max: 50 }), fail: fc.boolean() }), {
    minLength: 1,
    maxLength: 6,
  });

  /** The model: notifications arrive by (latency, creation order); each combinator reads that list. */
  function reference(kind: Kind, calls: { latency: number; fail: boolean }[], waitMs: number): unknown {
    const order = calls.map((c, i) => ({ ...c, i })).sort((a, b) => a.latency - b.latency || a.i - b.i);
    const outcome = (c: { fail: boolean; i: number }) => (c.fail ? ['error', 400 + c.i] : `v${c.i}`);
    switch (kind) {
      case 'race':
        return outcome(order[0]);
      case 'select':
        return order[0].fail ? ['error', 400 + order[0].i] : [`k${order[0].i}`, `v${order[0].i}`];
      case 'all': {
        const failed = order.find((c) => c.fail);
        return failed ? ['error', 400 + failed.i] : calls.map((_, i) => `v${i}`);
      }
      case 'any': {
        const ok = order.find((c) => !c.fail);
        return ok ? `v${ok.i}` : ['error', 500];
      }
      case 'allSettled':
        return calls.map((c) => (c.fail ? 'rejected' : 'fulfilled'));
      case 'waitCompleted': {
        const arrived = calls.map((c, i) => ({ ...c, i })).filter((c) => c.latency <= waitMs);
        const done = arrived.length > 0 ? arrived : [order[0]];
        const ids = new Set(done.map((c) => c.i));
        return [calls.map((_, i) => i).filter((i) => ids.has(i)), calls.map((_, i) => i).filter((i) => !ids.has(i))];
      }
    }
  }

  it('race, select, all, any, allSettled, waitCompleted (seed 3)', async () => {
    const kinds: Kind[] = ['race', 'all', 'any', 'allSettled', 'select', 'waitCompleted'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        callsArb,
        fc.integer({ min: 0, max: 60 }),
        async (kind, calls, waitMs) => {
          const world: Record<string, Behaviour> = {};
          calls.forEach(
            (c, i) =>
              (world[`S${i}/h`] = {
                latencyMs: c.latency,
                ...(c.fail ? { terminal: { code: 400 + i, message: `f${i}` } } : { value: `v${i}` }),
              }),
          );
          const s = scenario(world, async (ctx) => {
            const fs = calls.map((_, i) => ctx.call(`S${i}/h`));
            const ids = fs.map((f) => f.id);
            try {
              switch (kind) {
                case 'race':
                  return await race(fs);
                case 'select':
                  return await select(Object.fromEntries(fs.map((f, i) => [`k${i}`, f])));
                case 'all':
                  return await all(fs);
                case 'any':
                  return await any(fs);
                case 'allSettled':
                  return (await allSettled(fs)).map((r) => r.status);
                case 'waitCompleted': {
                  await ctx.sleep(waitMs);
                  const [done, pending] = await waitCompleted(...fs);
                  return [done.map((f) => ids.indexOf(f.id)), pending.map((f) => ids.indexOf(f.id))];
                }
              }
            } catch (error) {
              return ['error', (error as { code: number }).code];
            }
          });
          const run = await simulate(s);
          expect(run.output).toEqual({ value: reference(kind, calls, waitMs) });
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('pinned counterexamples found by the properties above', () => {
  it('waitCompleted over a failed future resolves instead of throwing (seed 3, path 4:2:2:3:3:3)', async () => {
    const s = scenario(
      { 'S0/h': { latencyMs: 0, terminal: { code: 400, message: 'f0' } }, 'S1/h': { latencyMs: 0, value: 'v1' } },
      async (ctx) => {
        const fs = [ctx.call('S0/h'), ctx.call('S1/h')];
        await ctx.sleep(0);
        const [done, pending] = await waitCompleted(...fs);
        return [done.length, pending.length];
      },
    );
    expect((await simulate(s)).output).toEqual({ value: [2, 0] });
  });

  it('a crash at 0 ms before two 0 ms timers keeps the decision (seed 11, path 40:1:2:…)', async () => {
    const s = scenario({}, async (ctx) => {
      const a = ctx.sleep(0);
      ctx.sleep(0);
      return await race([a]);
    });
    const clean = await simulate(s);
    const crashed = await simulate(s, { crashes: [{ atMs: 0 }] });
    expect(stripAttempt(lastAttemptDecisions(crashed))).toEqual(stripAttempt(clean.decisions));
    expect(crashed.completionOrder).toEqual(['c1', 'c2']);
    expect(clean.completionOrder).toEqual(['c1']);
  });
});
