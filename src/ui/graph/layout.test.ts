import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../derive/graphModel';
import { layoutGraph, NODE_HEIGHT_PX, NODE_WIDTH_PX } from './layout';

/** Two futures raced by one combinator, then the handler: the smallest graph with two ranks side by side. */
const race: GraphModel = {
  nodes: [
    { id: 'f:c1', type: 'future', data: { label: 'a', futureId: 'c1' } },
    { id: 'f:c2', type: 'future', data: { label: 'b', futureId: 'c2' } },
    { id: 'd:0', type: 'combinator', data: { label: 'race', decisionIndex: 0 } },
    { id: 'handler', type: 'handler', data: { label: 'handler continues' } },
  ],
  edges: [
    { id: 'e:c1->0', source: 'f:c1', target: 'd:0', winner: true, decisionIndex: 0 },
    { id: 'e:c2->0', source: 'f:c2', target: 'd:0', winner: false, decisionIndex: 0 },
    { id: 'c:last', source: 'd:0', target: 'handler', winner: false, decisionIndex: null },
  ],
  shown: [0],
};

describe('layoutGraph', () => {
  it('returns node centres: a combinator sits level with the middle of the futures it decides', () => {
    const pos = layoutGraph(race);
    const mid = (pos.get('f:c1')!.y + pos.get('f:c2')!.y) / 2;
    expect(pos.get('d:0')!.y).toBeCloseTo(mid, 5);
    expect(pos.get('handler')!.y).toBeCloseTo(pos.get('d:0')!.y, 5);
  });

  it('lays ranks out left to right with the margin counted from the reserved box, not a top-left corner', () => {
    const pos = layoutGraph(race);
    const xs = ['f:c1', 'd:0', 'handler'].map((id) => pos.get(id)!.x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    // The leftmost box starts at the 10 px margin: its centre is half a box further right.
    expect(Math.min(...[...pos.values()].map((p) => p.x))).toBe(10 + NODE_WIDTH_PX / 2);
    expect(Math.min(...[...pos.values()].map((p) => p.y))).toBe(10 + NODE_HEIGHT_PX / 2);
  });

  it('keeps futures of one rank at least a node height apart', () => {
    const pos = layoutGraph(race);
    expect(Math.abs(pos.get('f:c1')!.y - pos.get('f:c2')!.y)).toBeGreaterThanOrEqual(NODE_HEIGHT_PX);
  });
});
