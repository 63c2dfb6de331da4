import { describe, expect, it } from 'vitest';
import { futureTreeText } from './futureTree';

describe('futureTreeText', () => {
  it('writes the awaited tree with summary ids', () => {
    const tree = {
      node: 'Unknown' as const,
      children: [
        { node: 'Single' as const, completionId: 2 },
        { node: 'Single' as const, signalIndex: 1 },
        { node: 'FirstCompleted' as const, children: [{ node: 'Single' as const, signalIndex: 17 }] },
      ],
    };
    expect(futureTreeText(tree)).toBe('Unknown(c2, s1, FirstCompleted(s17))');
    expect(futureTreeText(tree, 0)).toBe('Unknown(…)');
  });
});
