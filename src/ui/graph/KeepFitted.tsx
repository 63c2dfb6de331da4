// Keeps the combinator graph fitted and centred in its panel. React Flow's `fitView` prop fits once, when the nodes are
// first measured; the panel keeps changing size after that (window resize, the status line wrapping to two lines, the
// timeline row growing with its lanes), and a fit made for the old size leaves the nodes off-centre or cut off.
// React Flow already observes its container (store width/height), so a fit on every size change costs no observer.
import { useReactFlow, useStore as useFlowStore, type FitViewOptions, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * Every node has been measured. Not `useNodesInitialized()`: it reads `measured` from the user's node objects, which a
 * controlled flow without `onNodesChange` (ours: positions come from dagre) never receives, so it stays false.
 */
function allNodesMeasured(s: ReactFlowState): boolean {
  if (s.nodeLookup.size === 0) return false;
  for (const n of s.nodeLookup.values()) if (!n.measured.width || !n.measured.height) return false;
  return true;
}

export function KeepFitted({ options }: { options: FitViewOptions }) {
  const { fitView } = useReactFlow();
  const widthPx = useFlowStore((s) => s.width);
  const heightPx = useFlowStore((s) => s.height);
  const measured = useFlowStore(allNodesMeasured);
  useEffect(() => {
    if (measured && widthPx > 0 && heightPx > 0) void fitView(options);
  }, [measured, widthPx, heightPx, fitView, options]);
  return null;
}
