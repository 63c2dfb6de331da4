// Fidelity against a real Restate 1.7.12 server: the handlers of test/restate-service/services.ts written as
// scenarios. (1) Replaying the real journal gives no mismatch and the real output. (2) Where the real order is not
// timing-dependent, the simulated journal has exactly the real shape (commands and notifications, in order).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Journal, RunOutput } from '../model';
import { readJournals } from '../journal-reader';
import { all, defineScenario, race, replay, simulate } from './index';

const fixtures = join(__dirname, '../../test/fixtures/restate-1.7.12');
const realJournal = (folder: string): Journal =>
  readJournals(readFileSync(join(fixtures, folder, 'journal.query.json'), 'utf8')).journals[0];

/** `Run'x'`, `Call Worker/slow`, `=>c3`… : the journal without ids or times. */
function shape(journal: Journal): string[] {
  return journal.entries.map((e) => {
    if (e.kind === 'command')
      return `${e.type}${e.name ? `'${e.name}'` : ''}${e.target ? ` ${e.target.service}/${e.target.handler}` : ''}`;
    if (e.kind === 'notification')
      return `=>${e.completionId !== undefined ? `c${e.completionId}` : e.signalName !== undefined ? `s:${e.signalName}` : `s${e.signalIndex}`}`;
    return 'unknown';
  });
}

function recordedOutput(journal: Journal): RunOutput | null {
  const output = journal.entries.find((e) => e.kind === 'command' && e.type === 'Output');
  const result = output?.kind === 'command' ? output.result : undefined;
  if (!result) return null;
  if (result.kind === 'failure') return { failure: result.failure };
  if (result.kind === 'success') return { value: result.payload ? JSON.parse(result.payload.text) : null };
  return null;
}

import { cases } from '../../test/twins/real-journal-twins';

describe('real Restate 1.7.12 journals', () => {
  for (const c of cases) {
    it(`${c.folder}: replaying the real journal gives no mismatch and the recorded output`, async () => {
      const journal = realJournal(c.folder);
      const r = await replay(c.scenario, journal);
      expect(r.mismatch).toBeNull();
      const recorded = recordedOutput(journal);
      if (recorded && 'failure' in recorded)
        expect(r.output).toEqual({ failure: { code: recorded.failure.code, message: expect.any(String) } });
      else expect(r.output).toEqual(recorded);
    });

    if (c.sameShape) {
      it(`${c.folder}: the simulated journal has the real journal's shape`, async () => {
        const run = await simulate(c.scenario, c.options);
        expect(shape(run.journal)).toEqual(shape(realJournal(c.folder)));
      });
    }
  }

  it('suspended: replay stops where the real journal ends, with no output and no mismatch', async () => {
    const scenario = defineScenario({
      name: 'Lab/suspend',
      handler: async (ctx) => {
        const a = ctx.awakeable('a');
        const b = ctx.awakeable('b');
        return await race([a, all([b, ctx.sleep(3_600_000)])]);
      },
    });
    const r = await replay(scenario, realJournal('suspended'));
    expect(r).toEqual({ decisions: [], output: null, mismatch: null });
  });

  it('run-retry: the simulation records one TransientError event per failed execution, like the server', async () => {
    const run = await simulate(cases.find((c) => c.folder === 'run-retry')!.scenario);
    expect(run.journal.events.filter((e) => e.type === 'TransientError')).toHaveLength(3);
    expect(run.attempts.map((a) => a.end)).toEqual([
      'transient-failure',
      'transient-failure',
      'transient-failure',
      'done',
    ]);
  });

  it('run-retry-exhausted: like the server, 2 TransientError events on the Run, then its terminal failure [500] becomes the Output', async () => {
    const c = cases.find((x) => x.folder === 'run-retry-exhausted')!;
    const real = readJournals(readFileSync(join(fixtures, 'run-retry-exhausted', 'bundle.json'), 'utf8')).journals[0];
    const run = await simulate(c.scenario);
    const summary = (j: Journal) =>
      j.events.map((e) =>
        e.type === 'TransientError'
          ? [e.type, e.code, e.docCode, e.relatedCommandIndex, e.relatedCommandType]
          : [e.type],
      );
    expect(summary(run.journal)).toEqual(summary(real));
    expect(run.output).toMatchObject({ failure: { code: 500 } });
    expect(real.completionFailure).toBe('[500] still failing (attempt 3)');
  });

  it('the recorded Output is compared on replay: a handler returning another value gives 570 (OutputCommandMessage::header_eq)', async () => {
    const changed = defineScenario({ name: 'changed', handler: async (ctx) => `${await ctx.run('flaky')}!` });
    const r = await replay(changed, realJournal('run-retry'));
    expect(r.mismatch).toMatchObject({ code: 570, commandIndex: 2 });
    expect(r.mismatch?.expected).toMatch(/^Output value /);
    expect(r.mismatch?.actual).toMatch(/^Output value .*!"$/);
  });

  it('paused: replaying the real journal of a handler that throws a plain Error gives a note, no output, no mismatch', async () => {
    const scenario = defineScenario({
      name: 'Extras/paused',
      handler: async () => {
        throw new Error('always broken');
      },
    });
    const r = await replay(scenario, realJournal('paused'));
    expect(r).toEqual({
      decisions: [],
      output: null,
      mismatch: null,
      notes: ['the handler threw a retryable error (the attempt would fail and be retried): always broken'],
    });
    const run = await simulate(scenario, { attemptsMax: 2 });
    expect(run.journal.status).toBe(realJournal('paused').status ?? 'paused');
    expect(shape(run.journal)).toEqual(shape(realJournal('paused')));
  });

  it('a handler changed to call first gives 570 against the real journal', async () => {
    const changed = defineScenario({ name: 'changed', handler: async (ctx) => await ctx.call('Worker/slow', 50) });
    const r = await replay(changed, realJournal('run-retry'));
    expect(r.mismatch).toMatchObject({
      code: 570,
      commandIndex: 1,
      expected: "Run 'flaky'",
      actual: 'Call Worker/slow',
    });
  });
});
