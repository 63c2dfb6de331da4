// Durable promises of a workflow (GetPromise / PeekPromise / CompletePromise) in both engines: our scenario API's
// `ctx.promise(name)` and the real SDK's, under the same world, give the same journal, decisions and output.
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { defineScenario, race, simulate, type Scenario } from '../sim';
import type { SimulateOptions } from '../sim/simulate';
import type { Behaviour } from '../sim/scenario';
import { defineSdkScenario, simulateSdk, type SdkScenario } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';

const host = nodeSdkSimHost(import.meta.filename);

function workflow(run: (ctx: restate.WorkflowContext) => Promise<unknown>) {
  return restate.workflow({ name: 'Approval', handlers: { run } });
}

function twins(
  name: string,
  world: Record<string, Behaviour>,
  ours: Scenario['handler'],
  theirs: (ctx: restate.WorkflowContext) => Promise<unknown>,
): [Scenario, SdkScenario] {
  return [
    defineScenario({ name, world, handler: ours }),
    defineSdkScenario({ name, world, services: workflow(theirs), target: 'Approval/wf-1/run' }),
  ];
}

async function expectSameRun([ours, theirs]: [Scenario, SdkScenario], options: SimulateOptions) {
  const mine = await simulate(ours, options);
  const real = await simulateSdk(await host, theirs, options);
  expect(real.journal.entries.length).toBe(mine.journal.entries.length);
  expect(comparableRun(real)).toEqual(comparableRun(mine));
  expect(decisionDifference(mine, real)).toBeNull();
  return mine;
}

const types = (run: { journal: { entries: { kind: string; type: string }[] } }) =>
  run.journal.entries.map((e) => `${e.kind === 'command' ? 'C' : 'N'}:${e.type}`);

const approvalWithTimeout = (approvalAtMs: number) =>
  twins(
    'approval-timeout',
    { approval: { resolveAtMs: approvalAtMs, value: 'yes' } },
    async (ctx) => {
      const winner = await race([ctx.promise<string>('approval').get(), ctx.sleep(100)]);
      return winner ?? 'timed out';
    },
    async (ctx) => {
      const winner = await restate.RestatePromise.race([ctx.promise<string>('approval').get(), ctx.sleep(100)]);
      return winner ?? 'timed out';
    },
  );

describe('durable promises: both engines, the same journal', () => {
  it('an approval resolved from outside at 40 ms beats a 100 ms timeout', async () => {
    const run = await expectSameRun(approvalWithTimeout(40), { seed: 1 });
    expect(run.output).toEqual({ value: 'yes' });
    expect(types(run)).toEqual(['C:Input', 'C:GetPromise', 'C:Sleep', 'N:GetPromise', 'C:Output']);
    expect(run.journal.entries[1]).toMatchObject({ detail: { key: 'approval' }, completionIds: [1] });
  });

  it('no approval in time: the timeout wins; a crash at 50 ms replays the GetPromise', async () => {
    const run = await expectSameRun(approvalWithTimeout(500), { seed: 2, crashes: [{ atMs: 50 }] });
    expect(run.output).toEqual({ value: 'timed out' });
    expect(run.attempts[0].end).toBe('crash');
  });

  it('peek, resolve inside, get, resolve again (409), reject after completion', async () => {
    const pair = twins(
      'resolve-inside',
      {},
      async (ctx) => {
        const before = await ctx.promise('p').peek();
        await ctx.promise('p').resolve({ ok: 1 });
        const got = await ctx.promise('p');
        const again = await ctx
          .promise('p')
          .resolve({ ok: 2 })
          .then(
            () => 'resolved twice',
            (e: { code: number; message: string }) => `${e.code} ${e.message}`,
          );
        const after = await ctx.promise('p').peek();
        return { before: before ?? null, got, again, after };
      },
      async (ctx) => {
        const before = await ctx.promise('p').peek();
        await ctx.promise('p').resolve({ ok: 1 });
        const got = await ctx.promise('p');
        const again = await ctx
          .promise('p')
          .resolve({ ok: 2 })
          .then(
            () => 'resolved twice',
            (e: { code: number; message: string }) => `${e.code} ${e.message}`,
          );
        const after = await ctx.promise('p').peek();
        return { before: before ?? null, got, again, after };
      },
    );
    const run = await expectSameRun(pair, { seed: 3 });
    expect(run.output).toEqual({
      value: { before: null, got: { ok: 1 }, again: '409 promise was already completed', after: { ok: 1 } },
    });
  });

  it('a listener waiting on a promise the handler itself resolves later (a run in between)', async () => {
    const pair = twins(
      'listener',
      { work: { latencyMs: 20, value: 'w' } },
      async (ctx) => {
        const waiting = ctx.promise<string>('done').get();
        const work = await ctx.run('work', () => 'w');
        await ctx.promise('done').resolve(`after ${work}`);
        return await waiting;
      },
      async (ctx) => {
        const waiting = ctx.promise<string>('done').get();
        const work = await ctx.run('work', async () => 'w');
        await ctx.promise('done').resolve(`after ${work}`);
        return await waiting;
      },
    );
    const run = await expectSameRun(pair, { seed: 4 });
    expect(run.output).toEqual({ value: 'after w' });
  });

  it('a rejected promise (from outside) rejects the get with its failure', async () => {
    const pair = twins(
      'rejected',
      { approval: { rejectAtMs: 5, terminal: { code: 403, message: 'denied' } } },
      async (ctx) =>
        ctx
          .promise('approval')
          .get()
          .then(String, (e: { code: number }) => `rejected ${e.code}`),
      async (ctx) =>
        ctx
          .promise('approval')
          .get()
          .then(String, (e: { code: number }) => `rejected ${e.code}`),
    );
    const run = await expectSameRun(pair, { seed: 5 });
    expect(run.output).toEqual({ value: 'rejected 403' });
  });

  it('nobody completes the promise: both suspend on it', async () => {
    const pair = twins(
      'never',
      {},
      async (ctx) => ctx.promise('never').get(),
      async (ctx) => ctx.promise('never').get(),
    );
    const run = await expectSameRun(pair, { seed: 6 });
    expect(run.attempts.at(-1)?.end).toBe('suspension');
  });
});

describe('the promise-approval example (scenarios/promise-approval.ts and scenarios/sdk/promise-approval.ts)', () => {
  it('the approval wins, the crash at 3 h replays the GetPromise, both engines agree (seed 1)', async () => {
    const ours = (await import('../../scenarios/promise-approval')).default;
    const theirs = (await import('../../scenarios/sdk/promise-approval')).default;
    // Journal, events, attempts and output; not decisions: our select is labelled 'select', the SDK's race 'race'
    // (the same comparison as scenarios/sdk/sdk-twins.test.ts).
    const run = await simulate(ours, { seed: 1 });
    const real = await simulateSdk(await host, theirs, { seed: 1 });
    expect(comparableRun(real)).toEqual(comparableRun(run));
    expect(run.attempts.map((a) => a.end)).toEqual(['crash', 'done']);
    expect(run.output).toEqual({
      value: { employee: 'ada', status: 'onboarded', account: 'ada@example.com', approvedBy: 'grace' },
    });
    expect(types(run).filter((t) => /Promise/.test(t))).toEqual([
      'C:GetPromise',
      'N:GetPromise',
      'C:CompletePromise',
      'N:CompletePromise',
    ]);
  });
});
