// Rule (issue 12 item 5): a void future resolves to `undefined`, never `null`, as in @restatedev/restate-sdk 1.17:
// `dist/context_impl.js` completes a sleep (and a signal without payload) with VoidAsUndefined, and a run's value
// goes through serde.json (@restatedev/restate-sdk-core `dist/serde_api.js`): serialize(undefined) is 0 bytes,
// deserialize(0 bytes) is undefined. The journal keeps a Void notification for a sleep and an empty value for a
// void run or a void handler output.
import { describe, expect, it } from 'vitest';
import type { CommandEntry, Journal, NotificationEntry, Payload } from '../model';
import { readJournals, toNativeText, toRestateQueryText } from '../journal-reader';
import { all, allSettled, race, replay, select, simulate } from './index';
import { scenario } from './test-helpers';

const empty: Payload = { encoding: 'text', text: '', byteLength: 0 };

const notification = (journal: Journal, completionId: number) =>
  journal.entries.find((e): e is NotificationEntry => e.kind === 'notification' && e.completionId === completionId)!;
const outputCommand = (journal: Journal) =>
  journal.entries.find((e): e is CommandEntry => e.kind === 'command' && e.type === 'Output')!;

describe('void futures resolve to undefined', () => {
  const sleepAndVoidRun = scenario({}, async (ctx) => {
    const slept = await ctx.sleep(10);
    const ran = await ctx.run('log', () => {});
    return { slept: [typeof slept, slept === null], ran: [typeof ran, ran === null] };
  });

  it('await ctx.sleep(ms) and await ctx.run(name, () => {}) give undefined (live and on replay)', async () => {
    const run = await simulate(sleepAndVoidRun);
    const expected = { value: { slept: ['undefined', false], ran: ['undefined', false] } };
    expect(run.output).toEqual(expected);
    const r = await replay(sleepAndVoidRun, run.journal);
    expect(r.mismatch).toBeNull();
    expect(r.output).toEqual(expected);
  });

  it('the journal keeps a Void sleep notification and an empty run value (0 bytes, as serde.json writes undefined)', async () => {
    const run = await simulate(sleepAndVoidRun);
    expect(notification(run.journal, 1).result).toEqual({ kind: 'void' });
    expect(notification(run.journal, 2).result).toEqual({ kind: 'success', payload: empty });
  });

  it('a run closure returning null still journals and gives null', async () => {
    const s = scenario({}, async (ctx) => {
      const v = await ctx.run('n', () => null);
      return v === null;
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: true });
    expect(notification(run.journal, 1).result).toEqual({
      kind: 'success',
      payload: { encoding: 'json', text: 'null', byteLength: 4 },
    });
  });

  it('all: the sleep slot is undefined; allSettled: { status: fulfilled, value: undefined }', async () => {
    const s = scenario({ a: { latencyMs: 5, value: 'A' } }, async (ctx) => {
      const values = await all([ctx.sleep(1), ctx.run('a')]);
      const settled = await allSettled([ctx.sleep(1), ctx.run('v', () => undefined)]);
      return {
        all: [values.length, 0 in values, values[0] === undefined, values[1]],
        settled: settled.map((x) => [x.status, 'value' in x, x.value === undefined]),
      };
    });
    const expected = {
      value: {
        all: [2, true, true, 'A'],
        settled: [
          ['fulfilled', true, true],
          ['fulfilled', true, true],
        ],
      },
    };
    const run = await simulate(s);
    expect(run.output).toEqual(expected);
    expect((await replay(s, run.journal)).output).toEqual(expected);
  });

  it('race and select with a sleep winner give undefined; Promise.all over sleeps too', async () => {
    const s = scenario({ slow: { latencyMs: 50, value: 'S' } }, async (ctx) => {
      const raced = await race([ctx.run('slow'), ctx.sleep(1)]);
      const [key, selected] = await select({ slow: ctx.run('slow'), timer: ctx.sleep(1) });
      const native = await Promise.all([ctx.sleep(1), ctx.sleep(2)]);
      return [raced === undefined, key, selected === undefined, native.every((v) => v === undefined)];
    });
    const run = await simulate(s);
    expect(run.output).toEqual({ value: [true, 'timer', true, true] });
  });

  it('an empty recorded run value (a real journal of a void closure) replays as undefined, not as the empty string', async () => {
    const s = scenario({}, async (ctx) => {
      const v = await ctx.run('log', () => 'live value');
      return [typeof v, v === ''];
    });
    const journal = structuredClone((await simulate(s)).journal);
    notification(journal, 1).result = { kind: 'success', payload: { ...empty } };
    const out = outputCommand(journal);
    out.result = { kind: 'success', payload: { encoding: 'json', text: '["undefined",false]', byteLength: 19 } };
    const r = await replay(s, journal);
    expect(r.mismatch).toBeNull();
    expect(r.output).toEqual({ value: ['undefined', false] });
  });
});

describe('a handler returning undefined', () => {
  const returnsSleep = scenario({}, async (ctx) => await ctx.sleep(5));

  it('has output { value: undefined } and an Output with the empty value; it replays without mismatch', async () => {
    const run = await simulate(returnsSleep);
    expect(run.output).toEqual({ value: undefined });
    expect(run.output && 'value' in run.output && run.output.value).toBeUndefined();
    expect(outputCommand(run.journal).result).toEqual({ kind: 'success', payload: empty });
    const r = await replay(returnsSleep, run.journal);
    expect(r.mismatch).toBeNull();
    expect(r.output).toEqual({ value: undefined });
  });

  it('a recorded Output null is another value: 570 on replay, described readably', async () => {
    const journal = structuredClone((await simulate(returnsSleep)).journal);
    outputCommand(journal).result = { kind: 'success', payload: { encoding: 'json', text: 'null', byteLength: 4 } };
    const r = await replay(returnsSleep, journal);
    expect(r.mismatch).toMatchObject({
      code: 570,
      expected: 'Output value null',
      actual: 'Output empty value (undefined)',
    });
  });

  it('its run and journal survive JSON, the native file and the Restate query rows', async () => {
    const run = await simulate(returnsSleep);
    expect(structuredClone(run)).toEqual(run);
    expect(() => JSON.stringify(run)).not.toThrow();
    const native = toNativeText(run.journal, {
      scenario: 'void',
      seed: run.seed,
      decisions: run.decisions,
      attempts: run.attempts,
      output: run.output,
      completionOrder: run.completionOrder,
    });
    const back = readJournals(native).journals[0];
    expect(outputCommand(back).result).toEqual({ kind: 'success', payload: empty });
    expect(notification(back, 1).result).toEqual({ kind: 'void' });
    const rows = readJournals(toRestateQueryText([run.journal])).journals[0];
    expect(outputCommand(rows).result).toEqual({ kind: 'success', payload: empty });
    expect((await replay(returnsSleep, rows)).mismatch).toBeNull();
  });
});
