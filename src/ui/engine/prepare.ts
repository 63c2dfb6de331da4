// Builds what the first render of a loaded run needs, a piece per task, before the store shows the run (issue 6):
// the run model, then the default time axis. Each is cached by its inputs (runModel.ts, timeAxis.ts), so the
// store's setRun and the timeline's first render find them ready, and no single task of the load runs long.
import { buildRunModel } from '../derive/runModel';
import { buildTimeAxis } from '../derive/timeAxis';
import type { RunResult } from '../../run/loaded-run';

/** Resolves in a later task, after the browser had a chance to paint and handle input. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Attempt starts and ends kept on a simulated run's axis: the same inputs Timeline.tsx passes to buildTimeAxis. */
export function axisExtraTimes(run: Pick<RunResult, 'journal' | 'attempts'>): number[] {
  return run.journal.virtualTime ? run.attempts.flatMap((a) => [a.startMs, a.endMs]) : [];
}

export async function prepareForPage(result: RunResult): Promise<void> {
  if (result.journal.entries.length < 2000) return;
  await nextTask();
  const model = buildRunModel(result);
  await nextTask();
  // The timeline opens on the wall-clock axis with gaps compressed (viewSlice defaults).
  buildTimeAxis(model.times, 'wall', true, axisExtraTimes(result));
  await nextTask();
}
