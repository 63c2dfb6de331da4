import { describe, expect, it } from 'vitest';
import {
  attemptsEndingAt,
  buildSteps,
  clampCursor,
  dedupeDecisions,
  initialCursor,
  nextDecisionCursor,
  previousDecisionCursor,
} from './steps';
import { raceDecision, raceJournal } from './fixtures.test-helpers';

describe('steps', () => {
  it('has one step per entry and attaches a decision to the step that appends its notification', () => {
    const steps = buildSteps(raceJournal(), [raceDecision()]);
    expect(steps.total).toBe(5);
    expect(steps.decisionCursors).toEqual([4]);
    expect(steps.decisionIndexesByCursor.get(4)).toEqual([0]);
  });

  it('deduplicates a decision replayed by a later attempt and remembers both attempts', () => {
    const d = dedupeDecisions([raceDecision(1), raceDecision(2)]);
    expect(d).toHaveLength(1);
    expect(d[0].attempts).toEqual([1, 2]);
  });

  it('finds next and previous decisions and clamps the cursor', () => {
    const steps = buildSteps(raceJournal(), [
      raceDecision(),
      { ...raceDecision(), combinator: 'await', entryIndex: 4, completed: ['c2'], pending: [] },
    ]);
    expect(nextDecisionCursor(steps, 0)).toBe(4);
    expect(nextDecisionCursor(steps, 4)).toBe(5);
    expect(nextDecisionCursor(steps, 5)).toBeNull();
    expect(previousDecisionCursor(steps, 5)).toBe(4);
    expect(previousDecisionCursor(steps, 4)).toBeNull();
    expect(clampCursor(steps, 99)).toBe(5);
    expect(clampCursor(steps, -3)).toBe(0);
    expect(clampCursor(steps, Number.NaN)).toBe(0);
  });

  it('opens at the first decision, or at the end when there is none', () => {
    expect(initialCursor(buildSteps(raceJournal(), [raceDecision()]))).toBe(4);
    expect(initialCursor(buildSteps(raceJournal(), []))).toBe(5);
  });

  it('reports attempts that ended at a step, but not the one that finished', () => {
    const attempts = [
      { attempt: 1, startMs: 0, endMs: 50, end: 'crash' as const, startEntryIndex: 0, endEntryIndex: 3 },
      { attempt: 2, startMs: 60, endMs: 104, end: 'done' as const, startEntryIndex: 3, endEntryIndex: 5 },
    ];
    expect(attemptsEndingAt(attempts, 3).map((a) => a.attempt)).toEqual([1]);
    expect(attemptsEndingAt(attempts, 5)).toEqual([]);
  });
});
