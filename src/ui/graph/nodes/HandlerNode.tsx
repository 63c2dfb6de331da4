// The handler's continuation: where the decisions lead.
import { Handle, Position, type NodeProps } from '@xyflow/react';

export function HandlerNode({ data }: NodeProps & { data: { label: string } }) {
  return (
    <div className="gnode handler">
      <Handle type="target" position={Position.Left} />
      {data.label}
    </div>
  );
}
