// Pixel geometry shared by the timeline's lanes, ruler and overlay.
export const LANE_HEIGHT_PX = 28;
export const LABEL_WIDTH_PX = 260;
export const MIN_BAR_PX = 4;

/** CallInvocationId futures are bookkeeping (the callee's id arrives at once): thinner lanes keep focus on results. */
export function laneHeight(kind: string | undefined): number {
  return kind === 'CallInvocationId' ? 20 : LANE_HEIGHT_PX;
}
