// The combinator graph (@xyflow/react), lazy-loaded: futures → combinators → handler, synchronised with the cursor.
import {
  Background,
  Controls,
  ReactFlow,
  type Edge,
  type FitViewOptions,
  type Node,
  type NodeOrigin,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildGraphModel } from '../derive/graphModel';
import { latestDecisionIndex } from '../store/selectors';
import { useStore } from '../store/store';
import { KeepFitted } from './KeepFitted';
import { layoutGraph } from './layout';
import { CombinatorNode } from './nodes/CombinatorNode';
import { FutureNode } from './nodes/FutureNode';
import { HandlerNode } from './nodes/HandlerNode';

// Module scope: a new object per render would make React Flow re-create every node.
const nodeTypes: NodeTypes = {
  future: FutureNode as NodeTypes[string],
  combinator: CombinatorNode as NodeTypes[string],
  handler: HandlerNode as NodeTypes[string],
};
// dagre gives node centres; nodes are narrower than their dagre box (their width follows the label), so they are
// placed by their centre, not by a top-left corner computed from a width they do not have.
const NODE_ORIGIN: NodeOrigin = [0.5, 0.5];
// A wide window of decisions (gather-batch: six awaits in a row) needs less than React Flow's default 0.5 to fit.
const MIN_ZOOM = 0.2;
const FIT_OPTIONS: FitViewOptions = { padding: 0.15, maxZoom: 1.3, minZoom: MIN_ZOOM };

export default function CombinatorGraph() {
  const { model, latest, cursor } = useStore(
    useShallow((s) => ({ model: s.model, latest: latestDecisionIndex(s), cursor: s.cursor })),
  );
  const theme = useStore((s) => s.theme);
  const graph = useMemo(
    () => (model ? buildGraphModel(model.steps, model.futuresById, latest, model.callOfInvocationId) : null),
    [model, latest],
  );
  const nodes: Node[] = useMemo(() => {
    if (!graph) return [];
    const pos = layoutGraph(graph);
    return graph.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      data: n.data,
      position: pos.get(n.id)!,
      draggable: false,
      connectable: false,
    }));
  }, [graph]);
  const edges: Edge[] = useMemo(
    () =>
      (graph?.edges ?? []).map((e) => {
        const decided =
          e.decisionIndex !== null && model ? model.steps.decisions[e.decisionIndex].entryIndex + 1 <= cursor : false;
        const win = e.winner && decided;
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          animated: win,
          label: win ? 'won' : undefined,
          style: { stroke: win ? 'var(--winner)' : 'var(--ghost)', strokeWidth: win ? 3 : 1.5 },
          labelStyle: { fontWeight: 700 },
        };
      }),
    [graph, model, cursor],
  );
  if (!graph || graph.nodes.length === 0) return <CompletionOrder />;
  return (
    <div className="graph-wrap" aria-label="Combinator graph" role="img">
      <ReactFlow
        key={graph.shown.join(',')}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodeOrigin={NODE_ORIGIN}
        minZoom={MIN_ZOOM}
        fitView
        fitViewOptions={FIT_OPTIONS}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, node) => {
          const data = node.data as { futureId?: string };
          if (data.futureId) useStore.getState().select(data.futureId);
        }}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
        <KeepFitted options={FIT_OPTIONS} />
      </ReactFlow>
    </div>
  );
}

/** Without decisions, the journal still says the order in which futures completed: the order replay honours. */
function CompletionOrder() {
  const { model, cursor } = useStore(useShallow((s) => ({ model: s.model, cursor: s.cursor })));
  // Once per run, not per step: sorting 100,000 futures on every step cost ~20 ms (issue 6).
  const done = useMemo(
    () =>
      (model?.futures ?? [])
        .filter((f) => f.completionEntryIndex !== null)
        .sort((a, b) => a.completionEntryIndex! - b.completionEntryIndex!)
        .slice(0, 200),
    [model],
  );
  return (
    <div className="empty">
      <p style={{ marginTop: 0 }}>
        No combinator decisions in this run: a journal records what completed, not what the code awaited. Pair it with
        handler code (Scenario editor → Replay loaded journal) to see each decision.
      </p>
      <p>Completion order in the journal (the order a replay honours):</p>
      <ol className="completion-order" aria-label="Completion order">
        {done.map((f) => {
          // A call's invocation-id notification is part of the call (its lane holds it): told so, and selecting it selects the call.
          const callId = model?.callOfInvocationId.get(f.id);
          return (
            <li key={f.id} className={f.completionEntryIndex! < cursor ? 'done' : ''}>
              <button className="btn" onClick={() => useStore.getState().select(callId ?? f.id)}>
                {f.id} {f.name || f.kind}
                {callId && <span style={{ color: 'var(--muted)' }}> invocation id of {callId}</span>}{' '}
                <span style={{ color: 'var(--muted)' }}>#{f.completionEntryIndex}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
