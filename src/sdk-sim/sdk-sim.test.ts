// The simulated Restate server drives the real SDK (1.17, its WASM VM): each handler below is written twice, once
// with our scenario API and once as real SDK code, and both engines must write the same journal (entries, events,
// attempts, output) for the same world and seed; the same seed gives a byte-identical run.
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { allSettled, any, defineScenario, race, all, simulate, TerminalError, type Scenario } from '../sim';
import type { SimulateOptions } from '../sim/simulate';
import { defineSdkScenario, simulateSdk, type SdkScenario } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entry } from '../model';
import { readJournals } from '../journal-reader';
import type { ServiceDefinitionLike } from '../sdk-host/replay';
import { counter } from '../../test/restate-service/more-services';

const host = nodeSdkSimHost(import.meta.filename);
const json = restate.serde.json;
const service = (handler: (ctx: restate.Context, input: unknown) => Promise<unknown>) =>
  restate.service({ name: 'Twin', handlers: { run: handler } });
const call = (ctx: restate.Context, target: string, input?: unknown) => {
  const [service, method] = target.split('/');
  const parameter = input === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(input));
  return ctx.genericCall({ service, method, parameter, outputSerde: json });
};

async function expectSameRun(ours: Scenario, theirs: SdkScenario, options: SimulateOptions) {
  const mine = await simulate(ours, options);
  const real = await simulateSdk(await host, theirs, options);
  expect(comparableRun(real)).toEqual(comparableRun(mine));
  expect(decisionDifference(mine, real)).toBeNull();
  return real;
}

const raceWorld = {
  quote: { latencyMs: [5, 40] as [number, number], value: 'Q' },
  'Pricing/slow': { latencyMs: [10, 60] as [number, number], value: 'P' },
  approval: { latencyMs: 30, value: 'ok' },
};
const raceOurs = defineScenario({
  name: 'twin-race',
  input: { sku: 'A-1' },
  world: raceWorld,
  handler: async (ctx, input) => {
    const quote = ctx.run('quote', () => 'Q');
    const price = ctx.call('Pricing/slow', input);
    const timer = ctx.sleep(25);
    const approval = ctx.awakeable('approval');
    const first = await race([quote, price, timer]);
    const every = await all([quote, price, approval]);
    return { first, every };
  },
});
const raceTheirs = defineSdkScenario({
  name: 'twin-race',
  input: { sku: 'A-1' },
  world: raceWorld,
  awakeables: ['approval'],
  services: service(async (ctx, input) => {
    const quote = ctx.run('quote', () => 'Q');
    const price = call(ctx, 'Pricing/slow', input);
    const timer = ctx.sleep(25);
    const approval = ctx.awakeable<string>();
    const first = await restate.RestatePromise.race([quote, price, timer]);
    const every = await restate.RestatePromise.all([quote, price, approval.promise]);
    return { first, every };
  }),
});

describe('sdk-sim: the real SDK under the simulated server', () => {
  for (const seed of [1, 2, 3, 4])
    it(`race, all, an awakeable and a crash at 20 ms: the same journal as our engine (seed ${seed})`, async () => {
      const run = await expectSameRun(raceOurs, raceTheirs, { seed, crashes: [{ atMs: 20 }] });
      expect(run.attempts[0].end).toBe('crash');
      expect(run.journal.status).toBe('completed');
    });

  it('same seed → byte-identical run (seed 7, with a crash)', async () => {
    const options = { seed: 7, crashes: [{ atMs: 12 }] };
    const first = await simulateSdk(await host, raceTheirs, options);
    const second = await simulateSdk(await host, raceTheirs, options);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('transient run failures within the run retry policy: the SDK chooses the delays our engine does', async () => {
    const world = {
      flaky: { latencyMs: 10, value: 'F', transientFailures: 2, retry: { maxAttempts: 5, initialIntervalMs: 20 } },
    };
    const run = await expectSameRun(
      defineScenario({ name: 'flaky', world, handler: async (ctx) => await ctx.run('flaky', () => 'F') }),
      defineSdkScenario({
        name: 'flaky',
        world,
        services: service(
          async (ctx) => await ctx.run('flaky', () => 'F', { maxRetryAttempts: 5, initialRetryInterval: 20 }),
        ),
      }),
      { seed: 1 },
    );
    // 20 ms, then 20 × 2 = 39 ms (f32 seconds, truncated: sdk-shared-core src/retries.rs).
    expect(run.attempts.map((a) => a.startMs)).toEqual([0, 30, 79]);
  });

  it('retries exhausted: the run fails terminally and the handler catches it', async () => {
    const world = { flaky: { latencyMs: 10, transientFailures: 5, retry: { maxAttempts: 2 } } };
    const catchIt = (error: { code?: number; message?: string }) => `caught ${error.code} ${error.message}`;
    await expectSameRun(
      defineScenario({
        name: 'exhausted',
        world,
        handler: async (ctx) => await ctx.run('flaky', () => 'F').then((v) => v, catchIt),
      }),
      defineSdkScenario({
        name: 'exhausted',
        world,
        services: service(async (ctx) => ctx.run('flaky', () => 'F', { maxRetryAttempts: 2 }).then((v) => v, catchIt)),
      }),
      { seed: 1 },
    );
  });

  it('an awakeable nobody resolves: both suspend on it', async () => {
    const run = await expectSameRun(
      defineScenario({
        name: 'waits',
        handler: async (ctx) => {
          await ctx.sleep(10);
          return await ctx.awakeable('never');
        },
      }),
      defineSdkScenario({
        name: 'waits',
        awakeables: ['never'],
        services: service(async (ctx) => {
          await ctx.sleep(10);
          return await ctx.awakeable<string>().promise;
        }),
      }),
      { seed: 1 },
    );
    expect(run.journal.status).toBe('suspended');
  });

  it('cancelled from outside: the call is cancelled and the handler ends with 409', async () => {
    const world = { 'Slow/work': { latencyMs: 100, value: 'done' } };
    const run = await expectSameRun(
      defineScenario({ name: 'cancel', world, handler: async (ctx) => await ctx.call('Slow/work', { n: 1 }) }),
      defineSdkScenario({
        name: 'cancel',
        world,
        services: service(async (ctx) => await call(ctx, 'Slow/work', { n: 1 })),
      }),
      { seed: 1, cancelAtMs: 30 },
    );
    expect(run.output).toEqual({ failure: { code: 409, message: expect.any(String) } });
  });

  it('any over a failing call, orTimeout, allSettled and a terminal output', async () => {
    const world = {
      'A/fail': { latencyMs: 10, terminal: { code: 501, message: 'nope' } },
      'B/ok': { latencyMs: 20, value: 'b' },
      slow: { latencyMs: 100, value: 's' },
      bad: { latencyMs: 5, terminal: { code: 422, message: 'bad' } },
    };
    await expectSameRun(
      defineScenario({
        name: 'mixed',
        world,
        handler: async (ctx) => {
          const first = await any([ctx.call('A/fail'), ctx.call('B/ok')]);
          const settled = await allSettled([ctx.run('slow').orTimeout(50), ctx.run('bad')]);
          throw new TerminalError(`${first}: ${settled.map((s) => s.status).join(',')}`, 418);
        },
      }),
      defineSdkScenario({
        name: 'mixed',
        world,
        services: service(async (ctx) => {
          const first = await restate.RestatePromise.any([call(ctx, 'A/fail'), call(ctx, 'B/ok')]);
          const settled = await restate.RestatePromise.allSettled([
            ctx.run('slow', () => 's').orTimeout(50),
            ctx.run('bad', () => {
              throw new restate.TerminalError('bad', { errorCode: 422 });
            }),
          ]);
          throw new restate.TerminalError(`${first}: ${settled.map((s) => s.status).join(',')}`, { errorCode: 418 });
        }),
      }),
      { seed: 1 },
    );
  });

  it('a handler that throws a plain Error is retried by the invocation policy, then paused', async () => {
    await expectSameRun(
      defineScenario({
        name: 'broken',
        handler: async (ctx) => {
          await ctx.sleep(5);
          throw new Error('always broken');
        },
      }),
      defineSdkScenario({
        name: 'broken',
        services: service(async (ctx) => {
          await ctx.sleep(5);
          throw new Error('always broken');
        }),
      }),
      { seed: 1, attemptsMax: 3 },
    );
  });

  it('a handler stuck on a promise that is not durable: both suspend, with nothing to await', async () => {
    const never = () => new Promise<never>(() => undefined);
    const run = await expectSameRun(
      defineScenario({
        name: 'stuck',
        handler: async (ctx) => {
          await ctx.sleep(5);
          return await never();
        },
      }),
      defineSdkScenario({
        name: 'stuck',
        services: service(async (ctx) => {
          await ctx.sleep(5);
          return await never();
        }),
      }),
      { seed: 1 },
    );
    expect(run.attempts.map((a) => a.end)).toEqual(['suspension']);
  });

  it('lazy state of a virtual object: the entries of the real Restate 1.7.12 capture (lazy-state)', async () => {
    const fixture = readJournals(
      readFileSync(resolve(__dirname, '../../test/fixtures/restate-1.7.12/lazy-state/bundle.json'), 'utf8'),
    ).journals[0];
    const theirs = defineSdkScenario({
      name: 'lazy-state',
      input: null,
      state: { count: 1 },
      services: counter as unknown as ServiceDefinitionLike,
      target: 'Counter/c1/bump',
    });
    const run = await simulateSdk(await host, theirs, { seed: 1 });
    const shape = (entries: Entry[]) => entries.map(({ raw: _raw, appendedAtMs: _at, ...rest }) => rest);
    expect(shape(run.journal.entries)).toEqual(shape(fixture.entries));
    expect(run.output).toEqual({ value: 2 });
    // The journal names the handler the SDK ran, keyed as Restate names it.
    expect(run.journal.target).toBe('Counter/c1/bump');
    expect(fixture.target).toBe('Counter/c1/bump');
  });
});
