// Rule: on replay the Output command is matched like any command, and its result is compared too
// (sdk-shared-core `src/service_protocol/messages.rs`, OutputCommandMessage::header_eq; payload checks are on by
// default). With payload checks off, only a success/failure difference counts; a different value is a note.
import { describe, expect, it } from 'vitest';
import { replay, simulate, TerminalError } from './index';
import { scenario } from './test-helpers';

const v1 = scenario({ a: { value: 2 } }, async (ctx) => ({ total: (await ctx.run('a')) * 10 }));

describe('the Output on replay', () => {
  it('the same output replays cleanly', async () => {
    const r = await replay(v1, (await simulate(v1)).journal);
    expect(r).toMatchObject({ mismatch: null, output: { value: { total: 20 } } });
    expect(r.notes).toBeUndefined();
  });

  it('another value is a 570 at the Output command, with both values', async () => {
    const v2 = scenario({}, async (ctx) => ({ total: (await ctx.run('a')) * 100 }));
    const r = await replay(v2, (await simulate(v1)).journal);
    expect(r.mismatch).toEqual({
      code: 570,
      commandIndex: 2,
      expected: 'Output value {"total":20}',
      actual: 'Output value {"total":200}',
      message:
        'Journal mismatch (570, RT0016) at command 2: the journal has Output value {"total":20}, the handler issued Output value {"total":200}.',
    });
    expect(r.output).toBeNull();
  });

  it('a failure instead of a value (or another failure) is a 570 too', async () => {
    const failing = scenario({}, async (ctx) => {
      await ctx.run('a');
      throw new TerminalError('no', 409);
    });
    const r = await replay(failing, (await simulate(v1)).journal);
    expect(r.mismatch).toMatchObject({
      commandIndex: 2,
      expected: 'Output value {"total":20}',
      actual: 'Output failure [409] no',
    });
    const other = scenario({}, async (ctx) => {
      await ctx.run('a');
      throw new TerminalError('no', 422);
    });
    const r2 = await replay(other, (await simulate(failing)).journal);
    expect(r2.mismatch).toMatchObject({ expected: 'Output failure [409] no', actual: 'Output failure [422] no' });
  });

  it('payloadChecks: false (PayloadChecksDisabled) accepts another value and says so in notes', async () => {
    const v2 = scenario({}, async (ctx) => ({ total: (await ctx.run('a')) * 100 }));
    const r = await replay(v2, (await simulate(v1)).journal, { payloadChecks: false });
    expect(r.mismatch).toBeNull();
    expect(r.output).toEqual({ value: { total: 200 } });
    expect(r.notes).toEqual([
      'output differs from the recorded one (not a mismatch with payload checks off): recorded {"total":20}, now {"total":200}',
    ]);
  });

  it('a recorded Output without its payload (lite export) is compared by kind only', async () => {
    const journal = (await simulate(v1)).journal;
    const output = journal.entries.at(-1)!;
    if (output.kind === 'command') output.result = { kind: 'success' };
    const v2 = scenario({}, async (ctx) => ({ total: (await ctx.run('a')) * 100 }));
    expect((await replay(v2, journal)).mismatch).toBeNull();
  });
});
