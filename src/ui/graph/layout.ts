// Left-to-right layout of the combinator graph with dagre.
import dagre from '@dagrejs/dagre';
import type { GraphModel } from '../derive/graphModel';

export const NODE_WIDTH_PX = 150;
export const NODE_HEIGHT_PX = 40;

export function layoutGraph(model: GraphModel): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 60, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of model.nodes) g.setNode(n.id, { width: NODE_WIDTH_PX, height: NODE_HEIGHT_PX });
  for (const e of model.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, { x: number; y: number }>();
  for (const n of model.nodes) {
    const p = g.node(n.id);
    out.set(n.id, { x: p.x - NODE_WIDTH_PX / 2, y: p.y - NODE_HEIGHT_PX / 2 });
  }
  return out;
}
