// A combinator decision node: lit once decided; outlined when it is the decision of the current step.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { highlightAt } from '../../derive/highlight';
import { useStore } from '../../store/store';

type Data = { label: string; sub?: string; decisionIndex: number };

export function CombinatorNode({ data }: NodeProps & { data: Data }) {
  const cls = useStore((s) => {
    if (!s.model) return '';
    const d = s.model.steps.decisions[data.decisionIndex];
    const decided = d && d.entryIndex + 1 <= s.cursor;
    const h = highlightAt(s.model.steps, s.cursor);
    return `${decided ? 'decided' : ''} ${h?.decisionIndex === data.decisionIndex && h.fresh ? 'current' : ''}`;
  });
  return (
    <div className={`gnode comb ${cls}`}>
      <Handle type="target" position={Position.Left} />
      {data.label}
      {data.sub && <span className="sub">{data.sub}</span>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
