// The combinator graph as data: futures → combinator nodes → the handler's continuation, for the decisions around
// the cursor (a bounded window, so a 100,000-future run still draws a small graph). Node data holds ids and labels.
import type { FutureLookup } from '../../run/future-index';
import { futureShortLabel } from './labels';
import type { RunSteps } from './steps';

export interface GraphNode {
  id: string;
  type: 'future' | 'combinator' | 'handler';
  data: { label: string; sub?: string; futureId?: string; decisionIndex?: number };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Future → combinator edge of the future that decided it. */
  winner: boolean;
  decisionIndex: number | null;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Decision indexes shown. */
  shown: number[];
}

export const GRAPH_DECISIONS_MAX = 6;

/** Decisions to show: the latest at the cursor and a few before, plus the next one so the user sees what comes. */
export function decisionWindow(steps: RunSteps, latest: number | null): number[] {
  const n = steps.decisions.length;
  if (!n) return [];
  const end = latest === null ? Math.min(n, 2) : Math.min(n, latest + 2);
  const start = Math.max(0, end - GRAPH_DECISIONS_MAX);
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/**
 * `callOfInvocationId`: a call's invocation-id future (`c7`) is drawn as its call's node (`c8`), not a node of its
 * own; the edge keeps its own id, so a decision over both still has two edges.
 */
export function buildGraphModel(
  steps: RunSteps,
  futuresById: FutureLookup,
  latest: number | null,
  callOfInvocationId?: ReadonlyMap<string, string>,
): GraphModel {
  const shown = decisionWindow(steps, latest);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const nodeOf = (id: string) => callOfInvocationId?.get(id) ?? id;
  for (const i of shown) {
    const d = steps.decisions[i];
    for (const futureId of d.futures) {
      const id = nodeOf(futureId);
      if (seen.has(id)) continue;
      seen.add(id);
      const f = futuresById.get(id);
      nodes.push({
        id: `f:${id}`,
        type: 'future',
        data: { label: f ? futureShortLabel(f) : id, sub: f?.kind, futureId: id },
      });
    }
    nodes.push({
      id: `d:${i}`,
      type: 'combinator',
      data: { label: d.combinator, sub: `entry #${d.entryIndex}`, decisionIndex: i },
    });
    for (const id of d.futures)
      edges.push({
        id: `e:${id}->${i}`,
        source: `f:${nodeOf(id)}`,
        target: `d:${i}`,
        winner: d.winner === id,
        decisionIndex: i,
      });
  }
  for (let k = 1; k < shown.length; k++)
    edges.push({
      id: `c:${shown[k - 1]}->${shown[k]}`,
      source: `d:${shown[k - 1]}`,
      target: `d:${shown[k]}`,
      winner: false,
      decisionIndex: null,
    });
  if (shown.length) {
    nodes.push({ id: 'handler', type: 'handler', data: { label: 'handler continues' } });
    edges.push({
      id: 'c:last',
      source: `d:${shown[shown.length - 1]}`,
      target: 'handler',
      winner: false,
      decisionIndex: null,
    });
  }
  return { nodes, edges, shown };
}
