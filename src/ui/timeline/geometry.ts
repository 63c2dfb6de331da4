// Pixel geometry shared by the timeline's lanes, ruler and overlay.
export const LANE_HEIGHT_PX = 28;
export const LABEL_WIDTH_PX = 250;
export const MIN_BAR_PX = 4;
