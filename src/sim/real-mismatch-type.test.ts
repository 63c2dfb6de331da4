// A real journal mismatch where the command TYPE changed: test/fixtures/restate-1.7.12/journal-mismatch-type was
// captured from Restate 1.7.12 + SDK 1.17.2 running Checkout/orderHold (test/restate-service/mismatch-service.ts):
// v1 journaled Run 'charge' at command index 1 and suspended on an awakeable; the code was flipped to v2, which
// sleeps ('cool-off') first, and the awakeable resolved. The server recorded one TransientError 570 (RT0016) and
// paused. Its message is the type-change form, whose two labels are swapped (see commandMismatch in ./matching.ts).
// The name-change twin of this capture is ./real-mismatch.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandEntry, Journal, JournalEvent } from '../model';
import { readJournals } from '../journal-reader';
import { defineScenario, replay } from './index';

const fixtures = join(__dirname, '../../test/fixtures/restate-1.7.12');
const read = (file: string): Journal => {
  const { journals } = readJournals(readFileSync(join(fixtures, file), 'utf8'));
  expect(journals).toHaveLength(1);
  return journals[0];
};
const journal = read('journal-mismatch-type/journal.query.json');
const bundle = read('journal-mismatch-type/bundle.json');
const nameChange = read('journal-mismatch/bundle.json');

type TransientError = Extract<JournalEvent, { type: 'TransientError' }>;
const recordedMismatch = (j: Journal): TransientError => {
  const errors = j.events.filter((e): e is TransientError => e.type === 'TransientError');
  expect(errors).toHaveLength(1); // three identical attempts, deduplicated by the server
  return errors[0];
};
const commandsOf = (j: Journal): CommandEntry[] => j.entries.filter((e): e is CommandEntry => e.kind === 'command');

// What the server wrote, verbatim (sys_journal_events.event_json → error_message).
const SERVER_MESSAGE =
  'Found a mismatch between the code paths taken during the previous execution and the paths taken during this execution.\n' +
  'This typically happens when some parts of the code are non-deterministic.\n' +
  " - The previous execution ran and recorded the following: 'sleep' (index '1')\n" +
  " - The current execution attempts to perform the following: 'run'";

// v1: what ran first (and wrote the journal); the same code as Checkout/order v1.
const v1 = defineScenario({
  name: 'Checkout/orderHold v1',
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

// v2: the code deployed under the suspended invocation: a cooling-off sleep before the charge.
const v2 = defineScenario({
  name: 'Checkout/orderHold v2',
  world: { charge: { latencyMs: 5, value: 'charged' } },
  handler: async (ctx) => {
    await ctx.sleep(50, 'cool-off');
    const charged = await ctx.run('charge');
    return `held, ${charged}`;
  },
});

describe('real journal mismatch, command type changed (Restate 1.7.12)', () => {
  it('the capture: Input, Run charge, its notification, the awakeable s17; then TransientError 570 (type-change form) and Paused', () => {
    expect(bundle.status).toBe('paused');
    expect(journal.entries.map((e) => (e.kind === 'command' ? `${e.type} ${e.name ?? ''}`.trim() : e.kind))).toEqual([
      'Input',
      'Run charge',
      'notification',
      'notification',
    ]);
    expect(recordedMismatch(bundle)).toEqual({
      type: 'TransientError',
      afterEntryIndex: 3,
      appendedAtMs: expect.any(Number),
      code: 570,
      message: SERVER_MESSAGE,
      docCode: 'RT0016',
      relatedCommandIndex: 1,
      relatedCommandName: 'cool-off',
      relatedCommandType: 'Sleep',
    });
    expect(bundle.events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
  });

  it("replay(v2, real journal): mismatch 570 at the server's command index, Run journaled, Sleep issued", async () => {
    const server = recordedMismatch(bundle);
    const r = await replay(v2, journal);
    expect(r.output).toBeNull();
    expect(r.decisions).toEqual([]);
    expect(r.mismatch).toEqual({
      code: server.code,
      commandIndex: server.relatedCommandIndex,
      expected: "Run 'charge'",
      // related_command_* describe the command the new code issued, as for a name change.
      actual: `${server.relatedCommandType} '${server.relatedCommandName}'`,
      message:
        "Journal mismatch (570, RT0016) at command 1: the journal has Run 'charge', the handler issued Sleep 'cool-off'. " +
        "The command type changed (Run → Sleep); Restate's own message for this names the two the other way round.",
    });
  });

  it('the server\'s message swaps the labels: "recorded" names the handler\'s Sleep, while the journal holds a Run there', () => {
    const server = recordedMismatch(bundle);
    const atIndex = commandsOf(journal)[server.relatedCommandIndex ?? -1];
    expect(atIndex).toMatchObject({ type: 'Run', name: 'charge' });
    expect(server.message).toContain("recorded the following: 'sleep' (index '1')");
    expect(server.message).toContain("attempts to perform the following: 'run'");
    // Its structured fields are right: the issued command is the Sleep.
    expect(server.relatedCommandType).toBe('Sleep');
  });

  it("a name change and a type change: two forms of the server's message, same command index, and replay agrees on both", async () => {
    const byName = recordedMismatch(nameChange);
    const byType = recordedMismatch(bundle);
    expect(byName.message).toContain(
      "- The mismatch happened while executing 'run' (index '1')\n- Difference:\n   name: charge != fraud-check",
    );
    expect(byType.message).not.toContain('Difference');
    expect([byName.relatedCommandIndex, byType.relatedCommandIndex]).toEqual([1, 1]);
    const v2ByName = defineScenario({
      name: 'Checkout/order v2',
      handler: async (ctx) => {
        const verdict = await ctx.run('fraud-check');
        const charged = await ctx.run('charge');
        return `${verdict}, ${charged}`;
      },
    });
    const nameMismatch = (await replay(v2ByName, nameChange)).mismatch;
    expect(nameMismatch).toMatchObject({ commandIndex: 1, expected: "Run 'charge'", actual: "Run 'fraud-check'" });
    expect(nameMismatch?.message).not.toContain('command type changed');
    expect((await replay(v2, bundle)).mismatch).toMatchObject({
      commandIndex: 1,
      expected: "Run 'charge'",
      actual: "Sleep 'cool-off'",
    });
  });

  it('replay(v1, real journal): no mismatch; both notifications consumed in journal order', async () => {
    const r = await replay(v1, journal);
    expect(r.mismatch).toBeNull();
    expect(r.decisions.map((d) => d.completed)).toEqual([['c1'], ['s17']]);
    expect(r.output).toBeNull();
  });

  it('the bundle export and the raw /query export give the same replay verdicts', async () => {
    expect(await replay(v2, bundle)).toEqual(await replay(v2, journal));
    expect(await replay(v1, bundle)).toEqual(await replay(v1, journal));
  });
});
