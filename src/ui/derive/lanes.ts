// Lane layout: one lane per future, in the order the handler created them (then by id), with its bar extent.
// A Call's invocation-id future (the callee's id arriving, `c7` of a call `c8`) is not a lane of its own: it is a
// marker on the call's lane, as the code reads (`ctx.call(…)` is one thing). Summary ids stay as they are.
import type { Future, Journal } from '../../model';
import { futureStartIndex, orderFutures } from '../../run/future-order';

export { orderFutures };
import type { TimeAxis } from './timeAxis';

/** A call's invocation-id future, drawn as a marker on the call's lane. */
export interface InvocationIdMarker {
  /** The CallInvocationId future (`c7`), its summary id unchanged. */
  future: Future;
  /** The callee's invocation id, when the journal says it. */
  calleeId: string | null;
}

export interface Lane {
  future: Future;
  /** Bar start/end in axis units; `endU` null while the future never completes (open-ended). */
  startU: number;
  endU: number | null;
  /** A call's invocation-id marker: where (axis units) the callee's id arrived; `u` null while it never did. */
  invocationId?: InvocationIdMarker & { u: number | null };
}

export interface CallGroups {
  /** Futures that get a lane of their own, in lane order: all but the invocation-id futures of calls. */
  laneFutures: Future[];
  /** Call future id (`c8`) → its invocation-id marker (`c7`). */
  markerOfCall: Map<string, InvocationIdMarker>;
  /** Invocation-id future id (`c7`) → the call future id (`c8`) whose lane shows it. */
  callOfInvocationId: Map<string, string>;
}

/**
 * Groups each Call's invocation-id future with the call: a Call command allocates [invocationIdCompletionId,
 * resultCompletionId], so both futures have the Call's command index. A OneWayCall (send) has only the
 * invocation-id future: that is the send's own future and keeps its lane, as does one whose call is not in the export.
 */
export function groupCallInvocationIds(ordered: readonly Future[], journal?: Pick<Journal, 'entries'>): CallGroups {
  const callByCommand = new Map<number, Future>();
  for (const f of ordered) if (f.kind === 'Call' && f.commandIndex !== null) callByCommand.set(f.commandIndex, f);
  const markerOfCall = new Map<string, InvocationIdMarker>();
  const callOfInvocationId = new Map<string, string>();
  if (callByCommand.size === 0) return { laneFutures: [...ordered], markerOfCall, callOfInvocationId };
  const laneFutures: Future[] = [];
  for (const f of ordered) {
    const call =
      f.kind === 'CallInvocationId' && f.commandIndex !== null ? callByCommand.get(f.commandIndex) : undefined;
    if (!call || markerOfCall.has(call.id)) {
      laneFutures.push(f);
      continue;
    }
    markerOfCall.set(call.id, { future: f, calleeId: calleeIdOf(f, journal) });
    callOfInvocationId.set(f.id, call.id);
  }
  return { laneFutures, markerOfCall, callOfInvocationId };
}

/** The callee's id: on the CallInvocationId notification, else on the Call command. */
function calleeIdOf(f: Future, journal?: Pick<Journal, 'entries'>): string | null {
  if (!journal) return null;
  const n = f.completionEntryIndex === null ? undefined : journal.entries[f.completionEntryIndex];
  if (n && n.kind === 'notification' && n.result.kind === 'invocation-id' && n.result.invocationId)
    return n.result.invocationId;
  const c = f.entryIndex === null ? undefined : journal.entries[f.entryIndex];
  return c && c.kind === 'command' && c.invocationId ? c.invocationId : null;
}

/** Words for an invocation-id marker: `callee invocation id inv_1ab… known (c7)`. */
export function invocationIdText(m: InvocationIdMarker): string {
  return `callee invocation id ${m.calleeId ? `${m.calleeId} ` : ''}known (${m.future.id})`;
}

export function layoutLanes(
  ordered: readonly Future[],
  axis: TimeAxis,
  markerOfCall?: ReadonlyMap<string, InvocationIdMarker>,
): Lane[] {
  return ordered.map((future) => {
    const lane: Lane = {
      future,
      startU: axis.entryU(futureStartIndex(future)),
      endU: future.completionEntryIndex === null ? null : axis.entryU(future.completionEntryIndex),
    };
    const m = markerOfCall?.size ? markerOfCall.get(future.id) : undefined;
    if (m)
      lane.invocationId = {
        ...m,
        u: m.future.completionEntryIndex === null ? null : axis.entryU(m.future.completionEntryIndex),
      };
    return lane;
  });
}

/** Index of a future's lane (a call's invocation-id future is on its call's lane), for scrolling it into view. */
export function laneIndexOf(lanes: readonly Lane[], futureId: string): number {
  return lanes.findIndex((l) => l.future.id === futureId || l.invocationId?.future.id === futureId);
}

/** Whether the callee's invocation id has been appended at cursor k (entries 0..k-1). */
export function invocationIdKnownAt(lane: Lane, cursor: number): boolean {
  const idx = lane.invocationId?.future.completionEntryIndex;
  return idx !== undefined && idx !== null && idx < cursor;
}

export const LANE_HEIGHT_PX = 28;

/** CallInvocationId futures with a lane of their own (a send's, or one whose call is not in the export) are thinner. */
export function laneHeight(kind: string | undefined): number {
  return kind === 'CallInvocationId' ? 20 : LANE_HEIGHT_PX;
}
