// Attach (AttachInvocation: one completion id, the attached invocation's result) in both engines: our scenario API's
// `ctx.attach(id)` and the real SDK's `ctx.attach(id)` / `ctx.invocation(id).attach()`, on the id a send's or a
// call's invocation-id handle resolved to. The callee's outcome comes from the world entry of its target.
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { defineScenario, race, simulate, TerminalError } from '../sim';
import type { SimulateOptions } from '../sim/simulate';
import type { Behaviour } from '../sim/scenario';
import { defineSdkScenario, simulateSdk } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';

const host = nodeSdkSimHost(import.meta.filename);
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function expectSame(
  world: Record<string, Behaviour>,
  ours: Parameters<typeof defineScenario>[0]['handler'],
  theirs: (ctx: restate.Context) => Promise<unknown>,
  options: SimulateOptions,
) {
  const mine = await simulate(defineScenario({ name: 'attach', world, handler: ours }), options);
  const real = await simulateSdk(
    await host,
    defineSdkScenario({
      name: 'attach',
      world,
      services: restate.service({ name: 'Twin', handlers: { run: theirs } }),
    }),
    options,
  );
  expect(real.journal.entries.length).toBe(mine.journal.entries.length);
  expect(comparableRun(real)).toEqual(comparableRun(mine));
  expect(decisionDifference(mine, real)).toBeNull();
  return mine;
}

const shape = (run: { journal: { entries: { kind: string; type: string; appendedAtMs: number | null }[] } }) =>
  run.journal.entries.map((e) => `${e.kind === 'command' ? 'C' : 'N'}:${e.type}@${e.appendedAtMs}`);

describe('attach: both engines, the same journal', () => {
  it("attach to a send's callee: the callee's result after its latency (the send-attach capture's shape)", async () => {
    const run = await expectSame(
      { 'Worker/slow': { latencyMs: 50, value: 50 } },
      async (ctx) => {
        const id = await ctx.send('Worker/slow', 50).invocationId;
        return await ctx.attach(id);
      },
      async (ctx) => {
        const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(50) }).invocationId;
        return await ctx.invocation(id).attach();
      },
      { seed: 1 },
    );
    expect(run.output).toEqual({ value: 50 });
    expect(shape(run)).toEqual([
      'C:Input@0',
      'C:OneWayCall@0',
      'N:CallInvocationId@0',
      'C:AttachInvocation@0',
      'N:AttachInvocation@50',
      'C:Output@50',
    ]);
    const [, send, , attach, done] = run.journal.entries;
    expect(attach).toMatchObject({ completionIds: [2], invocationId: send.kind === 'command' && send.invocationId });
    expect(done).toMatchObject({ completionId: 2, result: { kind: 'success', payload: { text: '50' } } });
  });

  it("a delayed send's callee ends at its invoke time + latency; attached late, it answers at once", async () => {
    const run = await expectSame(
      { 'Worker/slow': { latencyMs: [10, 40], value: 'w' } },
      async (ctx) => {
        const id = await ctx.send('Worker/slow', 1, { delayMs: 100 }).invocationId;
        const first = await ctx.attach<string>(id);
        await ctx.sleep(500);
        return [first, await ctx.attach<string>(id)];
      },
      async (ctx) => {
        const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(1), delay: 100 })
          .invocationId;
        const first = await ctx.attach<string>(id);
        await ctx.sleep(500);
        return [first, await ctx.attach<string>(id)];
      },
      { seed: 3 },
    );
    expect(run.output).toEqual({ value: ['w', 'w'] });
    const attaches = run.journal.entries.filter((e) => e.kind === 'notification' && e.type === 'AttachInvocation');
    expect(attaches[0].appendedAtMs).toBeGreaterThanOrEqual(110);
    expect(attaches[0].appendedAtMs).toBeLessThanOrEqual(140);
    expect(attaches[1].appendedAtMs).toBe(attaches[0].appendedAtMs! + 500);
  });

  it('attach racing a sleep (our race / RestatePromise.race): the timeout wins, then the attach does', async () => {
    const ours = (timeoutMs: number) => async (ctx: Parameters<Parameters<typeof defineScenario>[0]['handler']>[0]) => {
      const id = await ctx.send('Worker/slow', null).invocationId;
      const winner = await race([ctx.attach(id), ctx.sleep(timeoutMs)]);
      return winner ?? 'timed out';
    };
    const theirs = (timeoutMs: number) => async (ctx: restate.Context) => {
      const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(null) }).invocationId;
      const winner = await restate.RestatePromise.race([ctx.attach(id), ctx.sleep(timeoutMs)]);
      return winner ?? 'timed out';
    };
    const world = { 'Worker/slow': { latencyMs: 80, value: 'done' } };
    expect((await expectSame(world, ours(30), theirs(30), { seed: 1 })).output).toEqual({ value: 'timed out' });
    expect((await expectSame(world, ours(300), theirs(300), { seed: 1 })).output).toEqual({ value: 'done' });
  });

  it('a crash before the attach completes: the next attempt replays the AttachInvocation and gets the result', async () => {
    const run = await expectSame(
      { 'Worker/slow': { latencyMs: 60, value: 7 }, work: { latencyMs: 5, value: 'w' } },
      async (ctx) => {
        const id = await ctx.send('Worker/slow', 1).invocationId;
        await ctx.run('work', () => 'w');
        return await ctx.attach(id);
      },
      async (ctx) => {
        const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(1) }).invocationId;
        await ctx.run('work', async () => 'w');
        return await ctx.attach(id);
      },
      { seed: 2, crashes: [{ atMs: 30 }] },
    );
    expect(run.attempts[0].end).toBe('crash');
    expect(run.output).toEqual({ value: 7 });
    expect(run.journal.entries.filter((e) => e.kind === 'command' && e.type === 'AttachInvocation')).toHaveLength(1);
    expect(
      run.journal.entries.find((e) => e.kind === 'notification' && e.type === 'AttachInvocation')?.appendedAtMs,
    ).toBe(60);
  });

  it('a failing callee: the attach fails with its terminal error, which the handler catches', async () => {
    const run = await expectSame(
      { 'Worker/slow': { latencyMs: 20, terminal: { code: 422, message: 'bad input' } } },
      async (ctx) => {
        const id = await ctx.send('Worker/slow', 1).invocationId;
        try {
          return await ctx.attach(id);
        } catch (error) {
          return `caught ${(error as TerminalError).code} ${(error as TerminalError).message}`;
        }
      },
      async (ctx) => {
        const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(1) }).invocationId;
        try {
          return await ctx.attach(id);
        } catch (error) {
          return `caught ${(error as restate.TerminalError).code} ${(error as restate.TerminalError).message}`;
        }
      },
      { seed: 1 },
    );
    expect(run.output).toEqual({ value: 'caught 422 bad input' });
    expect(run.journal.entries.at(-2)).toMatchObject({
      type: 'AttachInvocation',
      result: { kind: 'failure', failure: { code: 422, message: 'bad input' } },
    });
  });

  it("attach to a call's callee gets the call's result, at the same time; uncaught failure fails the invocation", async () => {
    const run = await expectSame(
      { 'Worker/slow': { latencyMs: 40, terminal: { code: 500, message: 'boom' } } },
      async (ctx) => {
        const call = ctx.call('Worker/slow', 1);
        const id = await ctx.send('Worker/slow', 2).invocationId;
        void id;
        return await ctx.attach(await call.invocationId);
      },
      async (ctx) => {
        const call = ctx.genericCall({ service: 'Worker', method: 'slow', parameter: bytesOf(1) });
        const id = await ctx.genericSend({ service: 'Worker', method: 'slow', parameter: bytesOf(2) }).invocationId;
        void id;
        return await ctx.attach(await call.invocationId);
      },
      { seed: 1 },
    );
    expect(run.output).toEqual({ failure: { code: 500, message: 'boom' } });
  });

  it('attach to an invocation the simulation did not start: a failure [404] "not found", as a real Restate answers', async () => {
    // test/integration/attach-unknown.test.ts records the real Restate 1.7.12 answer: this journal, entry for entry.
    const run = await expectSame(
      {},
      async (ctx) => await ctx.attach('inv_nope'),
      async (ctx) => await ctx.attach('inv_nope' as unknown as restate.InvocationId),
      { seed: 1 },
    );
    expect(shape(run)).toEqual(['C:Input@0', 'C:AttachInvocation@0', 'N:AttachInvocation@0', 'C:Output@0']);
    expect(run.journal.entries[2]).toMatchObject({
      completionId: 1,
      result: { kind: 'failure', failure: { code: 404, message: 'not found' } },
    });
    expect(run.output).toEqual({ failure: { code: 404, message: 'not found' } });
  });
});
