// Left-to-right layout of the combinator graph with dagre.
import dagre from '@dagrejs/dagre';
import type { GraphModel } from '../derive/graphModel';

/** The box dagre reserves per node: at least as large as a rendered node, so neighbours never overlap. */
export const NODE_WIDTH_PX = 150;
export const NODE_HEIGHT_PX = 40;

/**
 * The centre of each node (dagre's own coordinates). Nodes are drawn with React Flow's nodeOrigin [0.5, 0.5], so a
 * node narrower than its reserved box stays centred in it instead of hanging off its left edge.
 */
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
    out.set(n.id, { x: p.x, y: p.y });
  }
  return out;
}
