// The awaited future tree of a suspended invocation (sys_invocation_status), in words:
// `FirstCompleted(c2, s1, s17)`.
import type { FutureTree } from '../../model';

export function futureTreeText(tree: FutureTree, depthMax = 8): string {
  if (tree.node === 'Single') {
    if (tree.completionId !== undefined) return `c${tree.completionId}`;
    if (tree.signalIndex !== undefined) return `s${tree.signalIndex}`;
    return tree.signalName ? `signal ${tree.signalName}` : '?';
  }
  if (depthMax <= 0) return `${tree.node}(…)`;
  return `${tree.node}(${tree.children.map((c) => futureTreeText(c, depthMax - 1)).join(', ')})`;
}
