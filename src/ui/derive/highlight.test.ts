import { describe, expect, it } from 'vitest';
import { highlightAt } from './highlight';
import { buildSteps } from './steps';
import { raceDecision, raceJournal } from './fixtures.test-helpers';

describe('highlightAt', () => {
  const steps = buildSteps(raceJournal(), [raceDecision()]);
  it('is empty before the first decision, fresh at its step, and kept (not fresh) after it', () => {
    expect(highlightAt(steps, 3)).toBeNull();
    const at = highlightAt(steps, 4)!;
    expect(at.fresh).toBe(true);
    expect(at.winner).toBe('c2');
    expect([...at.candidates]).toEqual(['c1', 'c2']);
    expect(highlightAt(steps, 5)!.fresh).toBe(false);
  });
});
