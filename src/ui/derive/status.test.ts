import { describe, expect, it } from 'vitest';
import { statusSentence } from './status';
import { buildSteps } from './steps';
import { raceDecision, raceFutures, raceJournal } from './fixtures.test-helpers';

const futuresById = new Map(raceFutures().map((f) => [f.id, f]));
const base = { total: 5, futuresById, attemptsEnded: [], mismatch: null, mismatchCursor: null };

describe('statusSentence', () => {
  it('says who won a race and what is still pending', () => {
    const steps = buildSteps(raceJournal(), [raceDecision()]);
    const s = statusSentence({ ...base, cursor: 4, entry: raceJournal().entries[3], decisions: steps.decisions });
    expect(s).toBe('Step 4 of 5: race: sleep (c2) won; fetch-a (c1) still pending');
  });

  it('uses the select key of the winner', () => {
    const [d] = buildSteps(raceJournal(), [{ ...raceDecision(), combinator: 'select', key: 'timeout' }]).decisions;
    expect(statusSentence({ ...base, cursor: 4, entry: null, decisions: [d] })).toBe(
      'Step 4 of 5: select: timeout (c2) won; fetch-a (c1) still pending',
    );
  });

  it('describes plain entries, the start, crashes and a mismatch', () => {
    const j = raceJournal();
    expect(statusSentence({ ...base, cursor: 0, entry: null, decisions: [] })).toBe(
      'Step 0 of 5: nothing appended yet',
    );
    expect(statusSentence({ ...base, cursor: 2, entry: j.entries[1], decisions: [] })).toBe(
      'Step 2 of 5: Run fetch-a (c1) started',
    );
    const crash = { attempt: 1, startMs: 0, endMs: 5, end: 'crash' as const, startEntryIndex: 0, endEntryIndex: 3 };
    expect(statusSentence({ ...base, cursor: 3, entry: j.entries[2], decisions: [], attemptsEnded: [crash] })).toBe(
      'Step 3 of 5: Sleep (c2) started; attempt 1 crashed',
    );
    const t = (attempt: number) => ({
      attempt,
      startMs: 0,
      endMs: 5,
      end: 'transient-failure' as const,
      reason: 'slow',
      startEntryIndex: 0,
      endEntryIndex: 3,
    });
    expect(
      statusSentence({ ...base, cursor: 3, entry: j.entries[2], decisions: [], attemptsEnded: [t(1), t(2), t(3)] }),
    ).toBe('Step 3 of 5: Sleep (c2) started; attempts 1–3 failed transiently (slow)');
    const mismatch = { code: 570 as const, commandIndex: 2, expected: "Sleep ''", actual: "Run 'b'", message: 'm' };
    expect(
      statusSentence({ ...base, cursor: 3, entry: j.entries[2], decisions: [], mismatch, mismatchCursor: 3 }),
    ).toContain('journal mismatch (570) at command 2');
  });
});
