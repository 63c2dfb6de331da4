// Loads the second run of a comparison in its own engine job (the inspector's loaded run stays as it is) and opens
// the compare view with the current run as A.
import {
  READ_TIME_LIMIT_MS,
  runEngineJob,
  SIMULATION_TIME_LIMIT_MS,
  STEPS_MAX,
  EngineFailure,
} from '../engine/engineClient';
import type { EngineJob } from '../engine/protocol';
import type { LoadedRun, RunSource } from '../../run/loaded-run';
import { exampleMeta, exampleSource } from '../source/examples';
import { latestTask } from '../session/latestTask';
import { persistence } from '../session/persistence';
import { useStore } from '../store/store';
import { useCompare, type SecondRunChoice } from './compareStore';

/** Scenario code of the loaded simulated run (an example, or the edited scenario), or null for journals. */
export function scenarioOfRun(run: LoadedRun): string | null {
  const s = useStore.getState();
  if (run.source.kind === 'example' && s.editorSource === null) return exampleSource(run.source.file);
  if (run.source.kind === 'example' || run.source.kind === 'scenario')
    return s.editorSource ?? persistence.keptScenario();
  return null;
}

/** A short name for run A in sentences: its file name for journals (titles carry long invocation ids). */
function shortLabel(run: LoadedRun): string {
  if (run.source.kind === 'file') return run.source.names.join(', ');
  if (run.source.kind === 'url') return run.source.url.split('/').pop() || run.source.url;
  return run.title;
}

function jobFor(
  choice: SecondRunChoice,
  a: LoadedRun,
): { job: EngineJob; source: RunSource; labels: [string, string] } {
  const title = shortLabel(a);
  if (choice.kind === 'seed' || choice.kind === 'without-crashes') {
    const code = scenarioOfRun(a);
    if (!code) throw new Error('Only a simulated run can be re-simulated.');
    const seed = choice.kind === 'seed' ? choice.seed : a.seed;
    const crashes = choice.kind === 'seed' ? a.crashes : [];
    const labels: [string, string] =
      choice.kind === 'seed'
        ? [`seed ${a.seed ?? '?'}`, `seed ${choice.seed}`]
        : [`with crash${a.crashes.length > 1 ? 'es' : ''} at ${a.crashes.join(', ')} ms`, 'without crashes'];
    // Run A's cancellation stays: only the seed (or the crashes) differ.
    return {
      job: {
        type: 'simulate',
        source: code,
        scenarioLabel: title,
        seed,
        crashes,
        stepsMax: STEPS_MAX,
        cancelAtMs: a.cancelAtMs ?? null,
      },
      source: a.source,
      labels,
    };
  }
  if (choice.kind === 'example') {
    const code = exampleSource(choice.file);
    if (!code) throw new Error(`There is no example named "${choice.file}".`);
    const name = exampleMeta(choice.file)?.name ?? choice.file;
    const seedA = a.seed !== null ? ` (seed ${a.seed})` : '';
    return {
      job: {
        type: 'simulate',
        source: code,
        scenarioLabel: name,
        seed: choice.seed,
        crashes: null,
        stepsMax: STEPS_MAX,
      },
      source: { kind: 'example', file: choice.file },
      labels: [`${title}${seedA}`, `${name}${choice.seed !== null ? ` (seed ${choice.seed})` : ''}`],
    };
  }
  if (choice.kind === 'file') {
    return {
      job: { type: 'read', files: [{ name: choice.name, text: choice.text }] },
      source: { kind: 'file', names: [choice.name] },
      labels: [title, choice.name],
    };
  }
  const code = exampleSource(choice.file);
  if (!code) throw new Error(`There is no example named "${choice.file}".`);
  const name = exampleMeta(choice.file)?.name ?? choice.file;
  return {
    job: { type: 'replay', source: code, scenarioLabel: name, journal: a.journal },
    source: a.source,
    labels: ['original', `replay with ${name}`],
  };
}

/** The second run being loaded: choosing another cancels it. */
const secondRuns = latestTask();

export async function compareWith(choice: SecondRunChoice): Promise<boolean> {
  const a = useStore.getState().run;
  const { set, show } = useCompare.getState();
  if (!a) {
    set({ error: 'Open or simulate a run first: it becomes run A.' });
    return false;
  }
  let plan: ReturnType<typeof jobFor>;
  try {
    plan = jobFor(choice, a);
  } catch (error) {
    set({ error: (error as Error).message });
    return false;
  }
  const task = secondRuns.start();
  set({ loading: `Loading ${plan.labels[1]}…`, error: null });
  const job = runEngineJob(plan.job, {
    timeoutMs: plan.job.type === 'read' ? READ_TIME_LIMIT_MS : SIMULATION_TIME_LIMIT_MS,
  });
  task.signal.addEventListener('abort', () => job.cancel(), { once: true });
  try {
    const result = await job.promise;
    if (!task.isCurrent()) return false;
    const [labelA, labelB] =
      plan.labels[0] === plan.labels[1] ? [`A (${plan.labels[0]})`, `B (${plan.labels[1]})`] : plan.labels;
    show({ label: labelA, run: a }, { label: labelB, run: { ...result, source: plan.source } });
    set({ choice });
    return true;
  } catch (error) {
    if (!task.isCurrent()) return false;
    set({
      loading: null,
      error: error instanceof EngineFailure ? `${error.info.code}: ${error.message}` : String(error),
    });
    return false;
  } finally {
    task.finish();
  }
}
