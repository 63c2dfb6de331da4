// Pixel geometry shared by the timeline's lanes, ruler and overlay (lane heights live with the lane layout).
export { LANE_HEIGHT_PX, laneHeight } from '../derive/lanes';
export const LABEL_WIDTH_PX = 260;
export const MIN_BAR_PX = 4;
