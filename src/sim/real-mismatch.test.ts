// A real journal mismatch: test/fixtures/restate-1.7.12/journal-mismatch was captured from Restate 1.7.12 + SDK
// 1.17.2 running Checkout/order (test/restate-service/mismatch-service.ts), whose code was flipped from v1 to v2
// while the invocation was suspended on an awakeable. The server recorded one TransientError 570 (RT0016) with
// related_command_index 1 and paused. Here the two code versions are scenarios, and replay must agree with the server.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Journal, JournalEvent } from '../model';
import { readJournals } from '../journal-reader';
import { defineScenario, replay } from './index';

const folder = join(__dirname, '../../test/fixtures/restate-1.7.12/journal-mismatch');
const read = (file: string): Journal => {
  const { journals } = readJournals(readFileSync(join(folder, file), 'utf8'));
  expect(journals).toHaveLength(1);
  return journals[0];
};
const journal = read('journal.query.json');
const bundle = read('bundle.json');
// The same story continued: resumed with v2 (paused again), then v1 rolled back and resumed (completed).
const resumed = read('resumed/bundle.json');

type TransientError = Extract<JournalEvent, { type: 'TransientError' }>;
const recordedMismatch = (): TransientError => {
  const errors = bundle.events.filter((e): e is TransientError => e.type === 'TransientError');
  expect(errors).toHaveLength(1); // three identical attempts, deduplicated by the server
  return errors[0];
};

// v1: what ran first (and wrote the journal). Behaviour: the awakeable named 'approval' is resolved from outside.
const v1 = defineScenario({
  name: 'Checkout/order v1',
  world: {
    charge: { latencyMs: 5, value: 'charged' },
    approval: { resolveAtMs: 400, value: 'approved' },
    ship: { latencyMs: 5, value: 'shipped' },
  },
  handler: async (ctx) => {
    const charged = await ctx.run('charge');
    const approved = await ctx.awakeable('approval');
    const shipped = await ctx.run('ship');
    return `${charged}, ${approved}, ${shipped}`;
  },
});

// v2: the code deployed under the suspended invocation: a fraud check before the charge.
const v2 = defineScenario({
  name: 'Checkout/order v2',
  world: { 'fraud-check': { latencyMs: 5, value: 'clean' }, charge: { latencyMs: 5, value: 'charged' } },
  handler: async (ctx) => {
    const verdict = await ctx.run('fraud-check');
    const charged = await ctx.run('charge');
    return `${verdict}, ${charged}`;
  },
});

describe('real journal mismatch (Restate 1.7.12)', () => {
  it('the capture: Input, Run charge, its notification, the awakeable s17; then TransientError 570 and Paused', () => {
    expect(bundle.status).toBe('paused');
    expect(journal.entries.map((e) => (e.kind === 'command' ? `${e.type} ${e.name ?? ''}`.trim() : e.kind))).toEqual([
      'Input',
      'Run charge',
      'notification',
      'notification',
    ]);
    expect(recordedMismatch()).toMatchObject({
      code: 570,
      docCode: 'RT0016',
      relatedCommandIndex: 1,
      relatedCommandName: 'fraud-check',
      relatedCommandType: 'Run',
      afterEntryIndex: 3,
    });
    expect(bundle.events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
  });

  it('replay(v1, real journal): no mismatch; the handler waits where the journal ends (after the awakeable, before ship)', async () => {
    const r = await replay(v1, journal);
    expect(r.mismatch).toBeNull();
    // Both recorded notifications are consumed in journal order: the charge's result, then the resolved awakeable.
    expect(r.decisions.map((d) => d.completed)).toEqual([['c1'], ['s17']]);
    // The journal holds no Run 'ship' and no Output: replay runs out of recorded entries and stops without output.
    expect(r.output).toBeNull();
  });

  it('replay(v2, real journal): mismatch 570 at the command index the server reported, naming both commands', async () => {
    const server = recordedMismatch();
    const r = await replay(v2, journal);
    expect(r.mismatch).toMatchObject({
      code: server.code,
      commandIndex: server.relatedCommandIndex,
      expected: "Run 'charge'",
      actual: `${server.relatedCommandType} '${server.relatedCommandName}'`,
    });
    // The server's message says the same difference: "name: charge != fraud-check".
    expect(server.message).toContain('name: charge != fraud-check');
    expect(server.message).toContain("(index '1')");
    expect(r.output).toBeNull();
  });

  it('a change past the point the journal reached (fraud check after the approval) replays without mismatch', async () => {
    const later = defineScenario({
      name: 'Checkout/order v2, fraud check after the approval',
      handler: async (ctx) => {
        const charged = await ctx.run('charge');
        const approved = await ctx.awakeable('approval');
        const verdict = await ctx.run('fraud-check');
        return `${charged}, ${approved}, ${verdict}`;
      },
    });
    const r = await replay(later, journal);
    expect(r.mismatch).toBeNull();
    expect(r.decisions).toHaveLength(2);
  });

  it('the bundle export and the raw /query export give the same replay verdicts', async () => {
    expect(await replay(v2, bundle)).toEqual(await replay(v2, journal));
    expect(await replay(v1, bundle)).toEqual(await replay(v1, journal));
  });

  it('resumed: v2 paused it twice (two TransientError 570 and two Paused), v1 rolled back completed it', async () => {
    expect(resumed.status).toBe('completed');
    expect(
      resumed.events.map((e) =>
        e.type === 'TransientError' ? `${e.type} ${e.code} @${e.relatedCommandIndex}` : e.type,
      ),
    ).toEqual(['TransientError 570 @1', 'Paused', 'TransientError 570 @1', 'Paused']);
    const v1Run = await replay(v1, resumed);
    expect(v1Run.mismatch).toBeNull();
    expect(v1Run.output).toEqual({ value: 'charged, approved, shipped' });
    expect((await replay(v2, resumed)).mismatch).toMatchObject({
      code: 570,
      commandIndex: 1,
      expected: "Run 'charge'",
      actual: "Run 'fraud-check'",
    });
  });
});
