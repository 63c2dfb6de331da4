import { describe, expect, it } from 'vitest';
import { buildGraphModel, decisionWindow, GRAPH_DECISIONS_MAX } from './graphModel';
import { buildSteps } from './steps';
import { raceDecision, raceFutures, raceJournal } from './fixtures.test-helpers';

describe('graph model', () => {
  const futuresById = new Map(raceFutures().map((f) => [f.id, f]));

  it('links each candidate to its combinator, marks the winning edge, and ends at the handler', () => {
    const steps = buildSteps(raceJournal(), [raceDecision()]);
    const g = buildGraphModel(steps, futuresById, 0);
    expect(g.nodes.map((n) => n.id)).toEqual(['f:c1', 'f:c2', 'd:0', 'handler']);
    expect(g.edges.filter((e) => e.winner).map((e) => e.source)).toEqual(['f:c2']);
    expect(g.edges.some((e) => e.target === 'handler')).toBe(true);
  });

  it('keeps a bounded window of decisions around the latest one', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...raceDecision(),
      entryIndex: i % 5,
      futures: [`c${i}`],
      completed: [`c${i}`],
      pending: [],
      winner: `c${i}`,
    }));
    const steps = buildSteps(raceJournal(), many);
    const w = decisionWindow(steps, 30);
    expect(w.length).toBeLessThanOrEqual(GRAPH_DECISIONS_MAX);
    expect(w).toContain(30);
    expect(w).toContain(31);
    expect(decisionWindow(steps, null)).toEqual([0, 1]);
  });
});
