// Named signals in both engines: `ctx.signal(name)` (no command: the future completes with a Signal notification
// naming it) and SendSignal with a name (`ctx.invocation(id).signal(name).resolve(v)` / `.reject(…)`, no completion).
// Sent to this same invocation, the server appends the named Signal notification right after the command (the real
// Restate 1.7.12 capture test/fixtures/restate-1.7.12/self-signal); sent from outside, it arrives when the world says
// (world key `signal:<name>`; test/fixtures/restate-1.7.12/named-signal).
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineScenario, replay, simulate, TerminalError } from '../sim';
import { sdkReplay, type ServiceDefinitionLike } from '../sdk-host/replay';
import type { SimulateOptions } from '../sim/simulate';
import type { Behaviour } from '../sim/scenario';
import type { Entry, SimRun } from '../model';
import { readJournals } from '../journal-reader';
import { defineSdkScenario, simulateSdk } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';
import { framesOfSimulatedJournal } from './entries';
import { extras } from '../../test/restate-service/more-services';

const host = nodeSdkSimHost(import.meta.filename);
type OurHandler = Parameters<typeof defineScenario>[0]['handler'];

async function expectSame(
  world: Record<string, Behaviour>,
  ours: OurHandler,
  theirs: (ctx: restate.Context) => Promise<unknown>,
  options: SimulateOptions = { seed: 1 },
): Promise<SimRun> {
  const mine = await simulate(defineScenario({ name: 'signals', world, handler: ours }), options);
  const real = await simulateSdk(
    await host,
    defineSdkScenario({
      name: 'signals',
      world,
      services: restate.service({ name: 'Twin', handlers: { run: theirs } }),
    }),
    options,
  );
  expect(comparableRun(real)).toEqual(comparableRun(mine));
  expect(decisionDifference(mine, real)).toBeNull();
  return mine;
}

const shape = (run: SimRun) =>
  run.journal.entries.map((e) => `${e.kind === 'command' ? 'C' : 'N'}:${e.type}@${e.appendedAtMs}`);

function capture(name: string) {
  return readJournals(
    readFileSync(resolve(__dirname, `../../test/fixtures/restate-1.7.12/${name}/bundle.json`), 'utf8'),
  ).journals[0];
}

/** An entry without what differs between a capture and a simulation: the raw row, the time, the invocation id. */
function comparable(entry: Entry, invocationId: string): unknown {
  const { raw: _raw, appendedAtMs: _at, ...rest } = entry;
  if (rest.kind === 'command' && rest.signal?.targetInvocationId === invocationId)
    return { ...rest, signal: { ...rest.signal, targetInvocationId: '<self>' } };
  return rest;
}

describe('named signals: the real Restate 1.7.12 captures, entry for entry', () => {
  it('self-signal: the SendSignal command with the name and value, then the named Signal notification', async () => {
    const fixture = capture('self-signal');
    const run = await simulateSdk(
      await host,
      defineSdkScenario({
        name: 'self-signal',
        input: null,
        services: extras as unknown as ServiceDefinitionLike,
        target: 'Extras/selfSignal',
      }),
      { seed: 1 },
    );
    expect(run.journal.entries.map((e) => comparable(e, run.journal.invocationId))).toEqual(
      fixture.entries.map((e) => comparable(e, fixture.invocationId)),
    );
    expect(run.output).toEqual({ value: 'hello me' });
  });

  it('named-signal: awaited with no command, completed from outside (world key signal:go)', async () => {
    const fixture = capture('named-signal');
    const world = { 'signal:go': { resolveAtMs: 1100, value: 'went' } };
    const run = await simulateSdk(
      await host,
      defineSdkScenario({
        name: 'named-signal',
        input: null,
        world,
        services: extras as unknown as ServiceDefinitionLike,
        target: 'Extras/namedSignal',
      }),
      { seed: 1 },
    );
    const strip = (entries: Entry[]) => entries.map(({ raw: _raw, appendedAtMs: _at, ...rest }) => rest);
    expect(strip(run.journal.entries)).toEqual(strip(fixture.entries));
    expect(shape(run)).toEqual(['C:Input@0', 'N:Signal@1100', 'C:Output@1100']);
    // Our engine writes the same journal.
    const mine = await simulate(
      defineScenario({ name: 'named-signal', world, handler: async (ctx) => await ctx.signal<string>('go') }),
      { seed: 1 },
    );
    expect(strip(mine.journal.entries).slice(1)).toEqual(strip(fixture.entries).slice(1));
  });
});

describe('named signals: both engines, the same journal', () => {
  it('a handler signals itself: the command, then the named Signal notification; the await sees the value', async () => {
    const run = await expectSame(
      {},
      async (ctx) => {
        ctx.sendSignal(ctx.invocationId, 'self', 'hello me');
        return await ctx.signal<string>('self');
      },
      async (ctx) => {
        ctx.invocation(ctx.request().id).signal<string>('self').resolve('hello me');
        return await ctx.signal<string>('self');
      },
    );
    expect(run.output).toEqual({ value: 'hello me' });
    expect(shape(run)).toEqual(['C:Input@0', 'C:SendSignal@0', 'N:Signal@0', 'C:Output@0']);
    expect(run.journal.entries[2]).toMatchObject({ signalName: 'self', name: 'self' });
  });

  it('rejections (a string is 500, a TerminalError keeps its code), undefined is the empty value, once per name', async () => {
    const run = await expectSame(
      {},
      async (ctx) => {
        const me = ctx.invocationId;
        ctx.rejectSignal(me, 'a', 'no');
        ctx.rejectSignal(me, 'b', new TerminalError('gone', 410));
        ctx.sendSignal(me, 'c');
        ctx.sendSignal(me, 'c', 'second');
        const outcomes: unknown[] = [];
        for (const name of ['a', 'b']) {
          try {
            await ctx.signal(name);
          } catch (error) {
            outcomes.push([(error as TerminalError).code, (error as Error).message]);
          }
        }
        outcomes.push((await ctx.signal('c')) ?? 'undefined');
        return outcomes;
      },
      async (ctx) => {
        const me = ctx.invocation(ctx.request().id);
        me.signal('a').reject('no');
        me.signal('b').reject(new restate.TerminalError('gone', { errorCode: 410 }));
        me.signal('c').resolve(undefined);
        me.signal('c').resolve('second');
        const outcomes: unknown[] = [];
        for (const name of ['a', 'b']) {
          try {
            await ctx.signal(name);
          } catch (error) {
            outcomes.push([(error as restate.TerminalError).code, (error as Error).message]);
          }
        }
        outcomes.push((await ctx.signal('c')) ?? 'undefined');
        return outcomes;
      },
    );
    expect(run.output).toEqual({ value: [[500, 'no'], [410, 'gone'], 'undefined'] });
    expect(run.journal.entries.filter((e) => e.kind === 'notification').map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('from outside at a seeded time; to another invocation: the command alone; across a crash, no second signal', async () => {
    const run = await expectSame(
      { 'signal:go': { latencyMs: [20, 80], value: 'went' } },
      async (ctx) => {
        ctx.sendSignal('inv_somebody_else', 'go', 'for them');
        await ctx.sleep(100);
        return await ctx.signal<string>('go');
      },
      async (ctx) => {
        ctx
          .invocation('inv_somebody_else' as restate.InvocationId)
          .signal('go')
          .resolve('for them');
        await ctx.sleep(100);
        return await ctx.signal<string>('go');
      },
      { seed: 7, crashes: [{ atMs: 90 }] },
    );
    expect(run.attempts.map((a) => a.end)).toEqual(['crash', 'done']);
    expect(run.output).toEqual({ value: 'went' });
    const signal = run.journal.entries.find((e) => e.kind === 'notification' && e.type === 'Signal');
    expect(signal?.appendedAtMs).toBeGreaterThanOrEqual(20);
    expect(signal?.appendedAtMs).toBeLessThanOrEqual(80);
    expect(shape(run).filter((s) => s.startsWith('N:Signal'))).toHaveLength(1);
  });

  it('awaited and never sent: the invocation suspends, the awaited set names the signal', async () => {
    const run = await expectSame(
      {},
      async (ctx) => await ctx.signal('never'),
      async (ctx) => await ctx.signal('never'),
    );
    expect(run.attempts.map((a) => [a.end, a.reason])).toEqual([['suspension', 'suspended: awaiting s:never']]);
    // The awaited set the SDK reports: the signal by name, beside the cancel signal (index 1) every await includes.
    expect(run.journal.events).toEqual([
      expect.objectContaining({
        type: 'Suspended',
        awaitingOn: {
          node: 'Unknown',
          children: [
            { node: 'Single', signalName: 'never' },
            { node: 'Single', signalIndex: 1 },
          ],
        },
      }),
    ]);
  });

  it('replay: the same signal replays clean in both engines; another name or value is a journal mismatch (570)', async () => {
    const handler =
      (name: string, value = 'hi'): OurHandler =>
      async (ctx) => {
        ctx.sendSignal(ctx.invocationId, name, value);
        return await ctx.signal<string>('self');
      };
    const scenario = (name: string, value?: string) =>
      defineScenario({ name: 'signals', handler: handler(name, value) });
    const run = await simulate(scenario('self'), { seed: 1 });
    expect((await replay(scenario('self'), run.journal)).mismatch).toBeNull();
    expect((await replay(scenario('other'), run.journal)).mismatch).toMatchObject({ commandIndex: 1 });
    // SendSignalCommandMessage is compared whole: the value too, even with payload checks off.
    expect((await replay(scenario('self', 'bye'), run.journal)).mismatch).toMatchObject({ commandIndex: 1 });
    const services = (name: string, value = 'hi') => [
      restate.service({
        name: 'Twin',
        handlers: {
          run: async (ctx: restate.Context) => {
            ctx.invocation(ctx.request().id).signal<string>(name).resolve(value);
            return await ctx.signal<string>('self');
          },
        },
      }),
    ];
    const frames = framesOfSimulatedJournal(run.journal.entries);
    const sdk = (await host).sdk;
    expect((await sdkReplay(sdk, services('self'), run.journal, 'Twin/run', frames)).verdict).toBe('replayed');
    const changed = await sdkReplay(sdk, services('other'), run.journal, 'Twin/run', frames);
    expect(changed).toMatchObject({ verdict: 'mismatch' });
    const otherValue = await sdkReplay(sdk, services('self', 'bye'), run.journal, 'Twin/run', frames);
    expect(otherValue).toMatchObject({ verdict: 'mismatch' });
  });
});
