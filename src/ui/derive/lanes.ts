// Lane layout: one lane per future, in the order the handler created them (then by id), with its bar extent.
import type { Future } from '../../model';
import { futureStartIndex } from './futureState';
import type { TimeAxis } from './timeAxis';

export interface Lane {
  future: Future;
  /** Bar start/end in axis units; `endU` null while the future never completes (open-ended). */
  startU: number;
  endU: number | null;
}

const laneOrder = (a: Future, b: Future) => futureStartIndex(a) - futureStartIndex(b) || idNumber(a.id) - idNumber(b.id);

export function orderFutures(futures: readonly Future[]): Future[] {
  // The engine Worker sends futures already in lane order: one linear check instead of a sort (issue 6).
  let sorted = true;
  for (let i = 1; i < futures.length && sorted; i++) sorted = laneOrder(futures[i - 1], futures[i]) <= 0;
  return sorted ? [...futures] : [...futures].sort(laneOrder);
}

function idNumber(id: string): number {
  const n = Number(id.slice(1));
  return (id[0] === 's' ? 1e9 : 0) + (Number.isFinite(n) ? n : 0);
}

export function layoutLanes(ordered: readonly Future[], axis: TimeAxis): Lane[] {
  return ordered.map((future) => ({
    future,
    startU: axis.entryU(futureStartIndex(future)),
    endU: future.completionEntryIndex === null ? null : axis.entryU(future.completionEntryIndex),
  }));
}

/** Index of a future's lane, for scrolling it into view. */
export function laneIndexOf(lanes: readonly Lane[], futureId: string): number {
  return lanes.findIndex((l) => l.future.id === futureId);
}

export const LANE_HEIGHT_PX = 28;

/** CallInvocationId futures are bookkeeping (the callee's id arrives at once): thinner lanes keep focus on results. */
export function laneHeight(kind: string | undefined): number {
  return kind === 'CallInvocationId' ? 20 : LANE_HEIGHT_PX;
}
