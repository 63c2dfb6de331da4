// A future in the combinator graph; its colour follows the future's state at the cursor.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { futureStateAt } from '../../derive/futureState';
import { highlightAt } from '../../derive/highlight';
import { useStore } from '../../store/store';

type Data = { label: string; sub?: string; futureId: string };

export function FutureNode({ data }: NodeProps & { data: Data }) {
  const cls = useStore((s) => {
    const f = s.model?.futuresById.get(data.futureId);
    if (!s.model || !f) return 'not-started';
    const h = highlightAt(s.model.steps, s.cursor);
    return `${futureStateAt(f, s.cursor, s.model.transient)}${h?.winner === data.futureId ? ' winner' : ''}`;
  });
  return (
    <div className={`gnode ${cls}`} title={data.label}>
      {data.label}
      {data.sub && <span className="sub">{data.sub}</span>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
