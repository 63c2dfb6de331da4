// The plain-data description of one timeline lane at a cursor: what the screen (ui/timeline/LaneRow.tsx) and the SVG
// export (timeline-svg.ts) both draw. It is built once, by `laneView` in ui/derive/laneView.ts, so the two cannot
// disagree about a lane's state, bar extent, marker or role. Types only: the pure core may import them.
import type { Future } from '../model';

export type LaneState = 'not-started' | 'pending' | 'transient-retrying' | 'completed-success' | 'failed-terminal';

/** A lane's part in the decision highlighted at the cursor. */
export type LaneRole = 'winner' | 'loser' | 'failed-first' | null;

/** A call's invocation-id notification, once appended: a marker on the call's lane (not a lane of its own). */
export interface LaneMarkerView {
  /** Axis units; null when the journal has no time for it (named in the lane's label, not drawn). */
  u: number | null;
  /** e.g. `callee invocation id inv_1ab… known (c7)`. */
  title: string;
}

export interface LaneRowView {
  id: string;
  future: Future;
  /** e.g. `Run fetch-a (c1)`. */
  label: string;
  state: LaneState;
  /** Words for the state, e.g. `pending`, `completed`. */
  stateText: string;
  /** Bar start/end in axis units; `endU` null while the future never completes (open-ended). */
  startU: number;
  endU: number | null;
  /** Where a pending bar is cut (axis units): the cursor; 0 for other states, so a step does not change them. */
  cursorU: number;
  role: LaneRole;
  /** Candidate of the decision made at exactly this step. */
  candidate: boolean;
  /** A decision was made at this step and this started lane is not one of its candidates. */
  dim: boolean;
  /** The call's invocation-id future (`c7` of call `c8`): selecting either selects this lane. */
  invocationIdFutureId?: string;
  marker?: LaneMarkerView;
  /** Transient errors recorded so far on this future's command (axis units). */
  transientU: readonly number[];
}
