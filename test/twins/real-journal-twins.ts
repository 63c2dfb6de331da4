// Scenario twins of the handlers in test/restate-service/services.ts: each written in our scenario API, beside the
// real capture (test/fixtures/restate-1.7.12/<folder>) its real handler produced. Used by src/sim/real-journals.test.ts
// (our engine replays the real journal) and src/sdk-host/sdk-replay.test.ts (the real SDK's decisions equal ours).
import { all, allSettled, any, defineScenario, race, simulate, type Scenario } from '../../src/sim';

export interface Case {
  folder: string;
  scenario: Scenario;
  /** Compare the simulated shape with the real one (false when the real order depends on machine timing). */
  sameShape: boolean;
  options?: Parameters<typeof simulate>[1];
}

export const cases: Case[] = [
  {
    folder: 'race-timeout',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/raceTimeout',
      world: { 'slow-fetch': { latencyMs: 1500, value: 'fetched' } },
      handler: async (ctx) => {
        const fetch = ctx.run('slow-fetch');
        const winner = await race([fetch, ctx.sleep(100).map(() => 'timeout')]);
        const late = await fetch;
        return `${winner}, then ${late}`;
      },
    }),
  },
  {
    folder: 'or-timeout',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/orTimeout',
      world: { 'Worker/slow': { latencyMs: 2000, value: 2000 } },
      handler: async (ctx) => await ctx.call('Worker/slow', 2000).orTimeout(100),
    }),
  },
  {
    folder: 'all-calls',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/all',
      world: {
        'Worker/slow': [
          { latencyMs: 1100, value: 1100 },
          { latencyMs: 100, value: 100 },
          { latencyMs: 600, value: 600 },
        ],
      },
      handler: async (ctx) =>
        await all([ctx.call('Worker/slow', 1100), ctx.call('Worker/slow', 100), ctx.call('Worker/slow', 600)]),
    }),
  },
  {
    folder: 'any-first-success',
    sameShape: false, // the real Output came after the 400 ms call: when the SDK wrote it depends on the machine
    scenario: defineScenario({
      name: 'Lab/any',
      world: {
        'fails-fast': { latencyMs: 0, terminal: { code: 500, message: 'nope' } },
        'Worker/slow': [
          { latencyMs: 400, value: 400 },
          { latencyMs: 50, value: 50 },
        ],
      },
      handler: async (ctx) => {
        const failing = ctx.run('fails-fast');
        const winner = await any([failing, ctx.call('Worker/slow', 400), ctx.call('Worker/slow', 50)]);
        return `first success: ${winner}`;
      },
    }),
  },
  {
    folder: 'all-settled',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/allSettled',
      world: {
        boom: { latencyMs: 0, terminal: { code: 400, message: 'boom' } },
        'Worker/slow': { latencyMs: 100, value: 100 },
      },
      handler: async (ctx) => {
        const boom = ctx.run('boom');
        const settled = await allSettled([ctx.call('Worker/slow', 100), boom, ctx.sleep(50)]);
        return settled.map((s) => s.status);
      },
    }),
  },
  {
    folder: 'cancelled',
    sameShape: true,
    options: { cancelAtMs: 500 },
    scenario: defineScenario({
      name: 'Lab/cancelMe',
      world: { 'Worker/slow': { latencyMs: 60_000, value: 60_000 } },
      handler: async (ctx) => await ctx.call('Worker/slow', 60_000),
    }),
  },
  {
    folder: 'awakeables',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/awakeables',
      world: { first: { resolveAtMs: 200, value: 'one' }, second: { resolveAtMs: 100, value: 'two' } },
      handler: async (ctx) => await all([ctx.awakeable('first'), ctx.awakeable('second')]),
    }),
  },
  {
    // Extras/namedSignal: awaits the named signal `go`, which another invocation sends ('went', 1.1 s later).
    folder: 'named-signal',
    sameShape: true,
    scenario: defineScenario({
      name: 'Extras/namedSignal',
      world: { 'signal:go': { resolveAtMs: 1100, value: 'went' } },
      handler: async (ctx) => await ctx.signal<string>('go'),
    }),
  },
  {
    // Extras/selfSignal: sends the named signal `self` to itself, then awaits it.
    folder: 'self-signal',
    sameShape: true,
    scenario: defineScenario({
      name: 'Extras/selfSignal',
      handler: async (ctx) => {
        ctx.sendSignal(ctx.invocationId, 'self', 'hello me');
        return await ctx.signal<string>('self');
      },
    }),
  },
  {
    folder: 'run-retry',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/retry',
      input: { failures: 3 },
      world: { flaky: { latencyMs: 5, transientFailures: 3, value: 'ok after 4 attempts' } },
      handler: async (ctx) => await ctx.run('flaky'),
    }),
  },
  {
    folder: 'run-retry-exhausted',
    sameShape: true,
    scenario: defineScenario({
      name: 'Lab/retryExhausted',
      // test/restate-service/services.ts: a run that always throws a plain Error, { maxRetryAttempts: 3 }.
      world: { hopeless: { latencyMs: 5, transientFailures: 99, retry: { maxAttempts: 3 } } },
      handler: async (ctx) => await ctx.run('hopeless'),
    }),
  },
];
