import { expect, it } from 'vitest';
import { decisionText } from './decision-text';

it('tells a decision with its candidates, winner, completed and pending futures', () => {
  const names: Record<string, string> = { c1: 'fetch-a (c1)', c3: 'timeout (c3)' };
  const text = decisionText(
    'Step 5 of 8: select: timeout (c3) won; fetch-a (c1) still pending',
    {
      combinator: 'select',
      futures: ['c1', 'c3'],
      completed: ['c3'],
      pending: ['c1'],
      winner: 'c3',
      key: 'timeout',
      entryIndex: 4,
      attempts: [1, 2],
    },
    (id) => names[id] ?? id,
  );
  expect(text.split('\n')).toEqual([
    'Step 5 of 8: select: timeout (c3) won; fetch-a (c1) still pending',
    'Decision: select at entry #4 (attempt 1, 2)',
    'Candidates: fetch-a (c1), timeout (c3)',
    'Winner: timeout (c3) [key timeout]',
    'Completed: timeout (c3)',
    'Pending: fetch-a (c1)',
  ]);
});
