// laneView(model, cursor, axis): every timeline lane at a cursor as plain data (src/share/lane-view.ts). The screen
// (ui/timeline/Timeline.tsx, which builds only the rows in view) and the SVG/PNG export (ui/share/exports.ts) both
// read it, so they cannot disagree. No React: a pure function of its inputs.
import type { LaneRole, LaneRowView } from '../../share/lane-view';
import { futureStartIndex, futureStateAt, futureStateText } from './futureState';
import { highlightAt, type Highlight } from './highlight';
import { futureLabel } from './labels';
import { invocationIdKnownAt, invocationIdText, layoutLanes, type Lane } from './lanes';
import type { RunModel } from './runModel';
import type { TimeAxis } from './timeAxis';

/** Combinators with one winner: the other candidates lost. */
const RACE_LIKE = new Set(['select', 'race', 'any', 'orTimeout']);
const NO_TICKS: readonly number[] = [];

export type LaneViewModel = Pick<RunModel, 'laneFutures' | 'markerOfCall' | 'steps' | 'transient'>;
export type LaneViewAxis = TimeAxis;

/** The lanes at a cursor: their layout (cursor-independent) and the row of any lane, built on demand. */
export interface LaneView {
  lanes: Lane[];
  /** The decision highlighted at the cursor, if any. */
  highlight: Highlight | null;
  rowAt(index: number): LaneRowView;
}

/** Lays out the lanes for an axis; reuse it across cursors (layout does not depend on the cursor). */
export function laneLayout(model: LaneViewModel, axis: LaneViewAxis): Lane[] {
  return layoutLanes(model.laneFutures, axis, model.markerOfCall);
}

/** Rows built lazily: the screen asks only for the lanes in view (100,000 futures stay smooth). */
export function laneViewAt(
  model: LaneViewModel,
  cursor: number,
  axis: LaneViewAxis,
  lanes: Lane[] = laneLayout(model, axis),
): LaneView {
  const highlight = highlightAt(model.steps, cursor);
  const cursorU = axis.cursorU(cursor);
  return { lanes, highlight, rowAt: (i) => laneRow(lanes[i], model, cursor, cursorU, highlight, axis) };
}

/** Every lane row at the cursor, in lane order. */
export function laneView(model: LaneViewModel, cursor: number, axis: LaneViewAxis): LaneRowView[] {
  const view = laneViewAt(model, cursor, axis);
  return view.lanes.map((_, i) => view.rowAt(i));
}

function laneRow(
  lane: Lane,
  model: LaneViewModel,
  cursor: number,
  cursorU: number,
  highlight: Highlight | null,
  axis: LaneViewAxis,
): LaneRowView {
  const f = lane.future;
  const state = futureStateAt(f, cursor, model.transient);
  const invocationIdFutureId = lane.invocationId?.future.id;
  // A decision over the call's invocation id (`await call.invocationId`) is about this lane too.
  const candidate =
    !!highlight &&
    (highlight.candidates.has(f.id) ||
      (invocationIdFutureId !== undefined && highlight.candidates.has(invocationIdFutureId)));
  const row: LaneRowView = {
    id: f.id,
    future: f,
    label: futureLabel(f),
    state,
    stateText: futureStateText[state],
    startU: lane.startU,
    endU: lane.endU,
    cursorU: state === 'pending' || state === 'transient-retrying' ? cursorU : 0,
    role: candidate && highlight ? roleOf(highlight, f.id, invocationIdFutureId) : null,
    candidate: candidate && !!highlight?.fresh,
    dim: !!highlight?.fresh && !candidate && futureStartIndex(f) < cursor,
    transientU: transientTicks(f.commandIndex, model, cursor, axis),
  };
  if (invocationIdFutureId !== undefined) row.invocationIdFutureId = invocationIdFutureId;
  if (lane.invocationId && invocationIdKnownAt(lane, cursor))
    row.marker = { u: lane.invocationId.u, title: invocationIdText(lane.invocationId) };
  return row;
}

/** A call lane won when its invocation id won (`await call.invocationId` raced). */
function roleOf(highlight: Highlight, id: string, invocationIdFutureId: string | undefined): LaneRole {
  const d = highlight.decision;
  const won = highlight.winner !== null && (highlight.winner === id || highlight.winner === invocationIdFutureId);
  if (won) return d.combinator === 'all' && d.outcome === 'failure' ? 'failed-first' : 'winner';
  return highlight.winner && RACE_LIKE.has(d.combinator) ? 'loser' : null;
}

/** A tick where each transient error on the command was recorded: after entry #n, i.e. at cursor n + 1. */
function transientTicks(
  commandIndex: number | null,
  model: LaneViewModel,
  cursor: number,
  axis: LaneViewAxis,
): readonly number[] {
  const afters = commandIndex === null ? undefined : model.transient.get(commandIndex);
  if (!afters) return NO_TICKS;
  const ticks = afters.filter((after) => after < cursor).map((after) => axis.cursorU(after + 1));
  return ticks.length ? ticks : NO_TICKS;
}
