// One-way calls (OneWayCall: one completion id, the callee's invocation id; the callee is not awaited) in both
// engines: our scenario API's `ctx.send(target, input, { delayMs })` and the real SDK's `ctx.genericSend` /
// `serviceSendClient(...).handler(input, restate.rpc.sendOpts({ delay }))`.
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { defineScenario, simulate } from '../sim';
import type { SimulateOptions } from '../sim/simulate';
import { defineSdkScenario, simulateSdk } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';

const host = nodeSdkSimHost(import.meta.filename);
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const mailer = restate.service({ name: 'Mailer', handlers: { send: async (_ctx, _to: string) => undefined } });

async function expectSame(
  ours: Parameters<typeof defineScenario>[0]['handler'],
  theirs: (ctx: restate.Context) => Promise<unknown>,
  options: SimulateOptions,
) {
  const world = { work: { latencyMs: 15, value: 'w' } };
  const mine = await simulate(defineScenario({ name: 'sends', world, handler: ours }), options);
  const real = await simulateSdk(
    await host,
    defineSdkScenario({
      name: 'sends',
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

describe('one-way calls: both engines, the same journal', () => {
  it('a send, a delayed send, their invocation ids awaited, nothing waits for the callees', async () => {
    const run = await expectSame(
      async (ctx) => {
        const first = ctx.send('Mailer/send', 'ann');
        await ctx.run('work', () => 'w');
        const later = ctx.send('Mailer/send', 'bob', { delayMs: 5000 });
        return [await first.invocationId, await later.invocationId];
      },
      async (ctx) => {
        const first = ctx.genericSend({ service: 'Mailer', method: 'send', parameter: bytesOf('ann') });
        await ctx.run('work', async () => 'w');
        const later = ctx.genericSend({ service: 'Mailer', method: 'send', parameter: bytesOf('bob'), delay: 5000 });
        return [await first.invocationId, await later.invocationId];
      },
      { seed: 1 },
    );
    const sends = run.journal.entries.filter((e) => e.type === 'OneWayCall');
    expect(sends.map((e) => e.kind === 'command' && e.detail)).toEqual([
      { parameter: '"ann"' },
      { parameter: '"bob"', invokeAtMs: 15 + 5000 },
    ]);
    expect(run.journal.entries.at(-1)?.appendedAtMs).toBe(15);
  });

  it('the typed send client with sendOpts({ delay }), and a crash after the send: replayed, not sent again', async () => {
    const run = await expectSame(
      async (ctx) => {
        ctx.send('Mailer/send', 'ann', { delayMs: 100 });
        return await ctx.run('work', () => 'w');
      },
      async (ctx) => {
        ctx.serviceSendClient(mailer).send('ann', restate.rpc.sendOpts({ delay: 100 }));
        return await ctx.run('work', async () => 'w');
      },
      { seed: 2, crashes: [{ atMs: 5 }] },
    );
    expect(run.attempts[0].end).toBe('crash');
    expect(run.journal.entries.filter((e) => e.type === 'OneWayCall')).toHaveLength(1);
  });
});
