// Everything derived once when a run is loaded; the per-cursor views are cheap functions over it.
import type { Future, Journal, Mismatch } from '../../model';
import type { LoadedRun, SdkReplayView } from '../../run/loaded-run';
import { awaitedIds } from '../../share/sdk-replay-text';
import { indexTransientErrors, type TransientIndex } from './futureState';
import { orderFutures, withDisplayNames } from '../../run/future-order';
import { FutureIndex, type FutureLookup } from '../../run/future-index';
import { groupCallInvocationIds, laneHeight, type InvocationIdMarker } from './lanes';

export { withDisplayNames };
import { buildSteps, type RunSteps } from './steps';
import { entryTimes } from '../engine/lazyEntries';

export interface RunModel {
  steps: RunSteps;
  /** Every future, in lane order, with its summary id (a call's invocation-id future too). */
  futures: Future[];
  /** By id: a typed-array index, not a Map of every future (run/future-index.ts, issue 15). */
  futuresById: FutureLookup;
  /** Futures that get a lane, in lane order: a call's invocation-id future is a marker on its call's lane instead. */
  laneFutures: Future[];
  /** Call future id → its invocation-id marker. */
  markerOfCall: Map<string, InvocationIdMarker>;
  /** Invocation-id future id → the call future id it belongs to. */
  callOfInvocationId: Map<string, string>;
  transient: TransientIndex;
  mismatchCursor: number | null;
  /** Where a real-SDK replay stopped (before a run without a result, or suspended at the journal's end), or null. */
  frontier: ReplayFrontier | null;
  /** Total height the lanes want (px), to size the timeline against the details panel. */
  lanesHeightPx: number;
  /** Entry times for the wall-clock axis. */
  times: (number | null)[];
}

export interface ReplayFrontier {
  cursor: number;
  /** The marker's label on the timeline. */
  label: string;
  /** What the status line says at that step. */
  sentence: string;
}

/** The step where the real SDK's replay went no further, and why: the frontier the user can step up to. */
export function frontierOf(journal: Journal, view: SdkReplayView | undefined): ReplayFrontier | null {
  if (!view) return null;
  if (view.verdict === 'stopped' && view.stoppedAt) {
    const { run, commandIndex } = view.stoppedAt;
    const entry =
      commandIndex === null
        ? undefined
        : journal.entries.find((e) => e.kind === 'command' && e.commandIndex === commandIndex);
    return {
      cursor: entry ? entry.index + 1 : journal.entries.length,
      label: `⏹ SDK stops: run '${run}'`,
      sentence: `the real SDK stops here, before executing run '${run}'${commandIndex === null ? '' : ` (command ${commandIndex})`}: the journal has no result for it, and offline replay never runs side effects`,
    };
  }
  if (view.verdict === 'suspended' && view.awaiting) {
    const ids = awaitedIds(view.awaiting).join(', ') || 'nothing named';
    return {
      cursor: journal.entries.length,
      label: '‖ SDK suspends',
      sentence: `the real SDK suspends here, waiting on ${ids}`,
    };
  }
  return null;
}

/** Cursor at which the mismatching command would have been appended (its recorded command's step, or the end). */
export function mismatchCursorOf(journal: Journal, mismatch: Mismatch | null): number | null {
  if (!mismatch) return null;
  const entry = journal.entries.find((e) => e.kind === 'command' && e.commandIndex === mismatch.commandIndex);
  return entry ? entry.index + 1 : journal.entries.length;
}

type RunModelInput = Pick<LoadedRun, 'journal' | 'futures' | 'decisions' | 'mismatch' | 'sdkReplay'>;

/** The last model built per futures array: engine/prepare.ts builds it in a task of its own before the store's
 *  setRun asks for it, so that loading a large journal is not one long task (issue 6). */
const modelCache = new WeakMap<readonly Future[], { input: RunModelInput; model: RunModel }>();

export function buildRunModel(run: RunModelInput): RunModel {
  const cached = modelCache.get(run.futures);
  if (
    cached &&
    cached.input.journal === run.journal &&
    cached.input.decisions === run.decisions &&
    cached.input.mismatch === run.mismatch &&
    cached.input.sdkReplay === run.sdkReplay
  )
    return cached.model;
  const model = computeRunModel(run);
  modelCache.set(run.futures, {
    input: {
      journal: run.journal,
      futures: run.futures,
      decisions: run.decisions,
      mismatch: run.mismatch,
      sdkReplay: run.sdkReplay,
    },
    model,
  });
  return model;
}

function computeRunModel(run: RunModelInput): RunModel {
  const futures = orderFutures(withDisplayNames(run.futures, run.journal));
  const { laneFutures, markerOfCall, callOfInvocationId } = groupCallInvocationIds(futures, run.journal);
  return {
    steps: buildSteps(run.journal, run.decisions),
    futures,
    futuresById: new FutureIndex(futures),
    laneFutures,
    markerOfCall,
    callOfInvocationId,
    transient: indexTransientErrors(run.journal.events),
    mismatchCursor: mismatchCursorOf(run.journal, run.mismatch),
    frontier: frontierOf(run.journal, run.sdkReplay),
    times: entryTimes(run.journal.entries),
    lanesHeightPx: laneFutures.reduce((sum, f) => sum + laneHeight(f.kind), 0),
  };
}
