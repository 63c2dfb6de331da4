// CompleteAwakeable (`resolveAwakeable` / `rejectAwakeable`) in both engines: the command (0x0414, no completion)
// is journaled, and when the awakeable id names an awakeable of this invocation the server appends its Signal
// notification right after (restatedev/restate `complete_awakeable_command.rs` → `NotifySignal`). The awakeable ids
// our engine derives must be the VM's own (the journal compares them byte for byte).
import { describe, expect, it } from 'vitest';
import * as restate from '@restatedev/restate-sdk';
import { defineScenario, replay, simulate, TerminalError } from '../sim';
import { sdkReplay } from '../sdk-host/replay';
import { awakeableIdOf, parseAwakeableId } from '../sim/awakeable-id';
import type { SimulateOptions } from '../sim/simulate';
import type { Behaviour } from '../sim/scenario';
import type { SimRun } from '../model';
import { defineSdkScenario, simulateSdk } from '.';
import { nodeSdkSimHost } from './node-host';
import { comparableRun, decisionDifference } from './compare-runs';
import { framesOfSimulatedJournal } from './entries';

const host = nodeSdkSimHost(import.meta.filename);

async function expectSame(
  world: Record<string, Behaviour>,
  ours: Parameters<typeof defineScenario>[0]['handler'],
  theirs: (ctx: restate.Context) => Promise<unknown>,
  options: SimulateOptions = { seed: 1 },
): Promise<SimRun> {
  const mine = await simulate(defineScenario({ name: 'awakeables', world, handler: ours }), options);
  const real = await simulateSdk(
    await host,
    defineSdkScenario({
      name: 'awakeables',
      world,
      awakeables: ['approval', 'second', 'third'],
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

describe('CompleteAwakeable: both engines, the same journal', () => {
  it('a handler resolves its own awakeable: the command, then its Signal notification, and the await sees the value', async () => {
    const run = await expectSame(
      {},
      async (ctx) => {
        const approval = ctx.awakeable<string>('approval');
        ctx.resolveAwakeable(approval.awakeableId, 'yes');
        return await approval;
      },
      async (ctx) => {
        const { id, promise } = ctx.awakeable<string>();
        ctx.resolveAwakeable(id, 'yes');
        return await promise;
      },
    );
    expect(run.output).toEqual({ value: 'yes' });
    expect(shape(run)).toEqual(['C:Input@0', 'C:CompleteAwakeable@0', 'N:Signal@0', 'C:Output@0']);
    const [, command, signal] = run.journal.entries;
    const awakeableId = awakeableIdOf(run.journal.invocationId, 17);
    expect(command).toMatchObject({ completionIds: [], detail: { awakeableId } });
    expect(signal).toMatchObject({ signalIndex: 17, result: { kind: 'success', payload: { text: '"yes"' } } });
    expect(parseAwakeableId(awakeableId)).toEqual({ invocationId: run.journal.invocationId, signalIndex: 17 });
  });

  it('rejections: a string is code 500, a TerminalError keeps its code; undefined resolves as null', async () => {
    const run = await expectSame(
      {},
      async (ctx) => {
        const a = ctx.awakeable('approval');
        const b = ctx.awakeable('second');
        const c = ctx.awakeable('third');
        ctx.rejectAwakeable(a.awakeableId, 'no');
        ctx.rejectAwakeable(b.awakeableId, new TerminalError('gone', 410));
        ctx.resolveAwakeable(c.awakeableId);
        const outcomes: unknown[] = [];
        for (const f of [a, b]) {
          try {
            await f;
          } catch (error) {
            outcomes.push([(error as TerminalError).code, (error as Error).message]);
          }
        }
        outcomes.push(await c);
        return outcomes;
      },
      async (ctx) => {
        const a = ctx.awakeable();
        const b = ctx.awakeable();
        const c = ctx.awakeable();
        ctx.rejectAwakeable(a.id, 'no');
        ctx.rejectAwakeable(b.id, new restate.TerminalError('gone', { errorCode: 410 }));
        ctx.resolveAwakeable(c.id);
        const outcomes: unknown[] = [];
        for (const p of [a.promise, b.promise]) {
          try {
            await p;
          } catch (error) {
            outcomes.push([(error as restate.TerminalError).code, (error as Error).message]);
          }
        }
        outcomes.push(await c.promise);
        return outcomes;
      },
    );
    expect(run.output).toEqual({
      value: [[500, 'no'], [410, 'gone'], null],
    });
    const signals = run.journal.entries.filter((e) => e.kind === 'notification');
    expect(signals.map((e) => e.kind === 'notification' && e.result)).toEqual([
      { kind: 'failure', failure: { code: 500, message: 'no' } },
      { kind: 'failure', failure: { code: 410, message: 'gone' } },
      expect.objectContaining({ kind: 'success', payload: expect.objectContaining({ text: 'null' }) }),
    ]);
  });

  it("the handler's completion comes first: the world's later one is dropped", async () => {
    const run = await expectSame(
      { approval: { resolveAtMs: 100, value: 'outside' } },
      async (ctx) => {
        const approval = ctx.awakeable<string>('approval');
        await ctx.sleep(20);
        ctx.resolveAwakeable(approval.awakeableId, 'inside');
        return await approval;
      },
      async (ctx) => {
        const { id, promise } = ctx.awakeable<string>();
        await ctx.sleep(20);
        ctx.resolveAwakeable(id, 'inside');
        return await promise;
      },
    );
    expect(run.output).toEqual({ value: 'inside' });
    expect(shape(run)).toEqual([
      'C:Input@0',
      'C:Sleep@0',
      'N:Sleep@20',
      'C:CompleteAwakeable@20',
      'N:Signal@20',
      'C:Output@20',
    ]);
  });

  it("the world's completion comes first: the handler's command is journaled, no second notification", async () => {
    const run = await expectSame(
      { approval: { resolveAtMs: 10, value: 'outside' } },
      async (ctx) => {
        const approval = ctx.awakeable<string>('approval');
        await ctx.sleep(20);
        ctx.resolveAwakeable(approval.awakeableId, 'inside');
        return await approval;
      },
      async (ctx) => {
        const { id, promise } = ctx.awakeable<string>();
        await ctx.sleep(20);
        ctx.resolveAwakeable(id, 'inside');
        return await promise;
      },
    );
    expect(run.output).toEqual({ value: 'outside' });
    expect(shape(run)).toEqual([
      'C:Input@0',
      'C:Sleep@0',
      'N:Signal@10',
      'N:Sleep@20',
      'C:CompleteAwakeable@20',
      'C:Output@20',
    ]);
  });

  it('an awakeable of another invocation: the command alone; across a crash it replays without a second signal', async () => {
    const other = awakeableIdOf('inv_somebody_else', 17);
    const run = await expectSame(
      {},
      async (ctx) => {
        const approval = ctx.awakeable<string>('approval');
        ctx.resolveAwakeable(other, 'for them');
        ctx.resolveAwakeable(approval.awakeableId, 'mine');
        await ctx.sleep(50);
        return await approval;
      },
      async (ctx) => {
        const { id, promise } = ctx.awakeable<string>();
        ctx.resolveAwakeable(other, 'for them');
        ctx.resolveAwakeable(id, 'mine');
        await ctx.sleep(50);
        return await promise;
      },
      { seed: 1, crashes: [{ atMs: 30 }] },
    );
    expect(run.attempts.map((a) => a.end)).toEqual(['crash', 'done']);
    expect(run.output).toEqual({ value: 'mine' });
    expect(shape(run)).toEqual([
      'C:Input@0',
      'C:CompleteAwakeable@0',
      'C:CompleteAwakeable@0',
      'N:Signal@0',
      'C:Sleep@0',
      'N:Sleep@50',
      // Re-invoked after the invocation retry delay: the sleep's timer fired while the handler was down.
      'C:Output@130',
    ]);
    // The simulated journal frames again for a replay by the real SDK (sdk-replay of `simulate -o`).
    expect(framesOfSimulatedJournal(run.journal.entries)[1].type).toBe(0x0414);
  });

  it('replay: the same completion replays clean in both engines; another awakeable id is a journal mismatch', async () => {
    const resolveOwn =
      (other: boolean) => async (ctx: Parameters<Parameters<typeof defineScenario>[0]['handler']>[0]) => {
        const approval = ctx.awakeable<string>('approval');
        ctx.resolveAwakeable(other ? awakeableIdOf('inv_x', 17) : approval.awakeableId, 'yes');
        return await approval;
      };
    const scenario = (other: boolean) => defineScenario({ name: 'awakeables', handler: resolveOwn(other) });
    const run = await simulate(scenario(false), { seed: 1 });
    expect((await replay(scenario(false), run.journal)).mismatch).toBeNull();
    expect((await replay(scenario(true), run.journal)).mismatch).toMatchObject({ commandIndex: 1 });
    const services = [
      restate.service({
        name: 'Twin',
        handlers: {
          run: async (ctx: restate.Context) => {
            const { id, promise } = ctx.awakeable<string>();
            ctx.resolveAwakeable(id, 'yes');
            return await promise;
          },
        },
      }),
    ];
    const frames = framesOfSimulatedJournal(run.journal.entries);
    const sdk = (await host).sdk;
    expect((await sdkReplay(sdk, services, run.journal, 'Twin/run', frames)).verdict).toBe('replayed');
  });
});
