// Makes the second run of a comparison through the session (session.make, its own engine job: the inspector's
// loaded run stays as it is) and opens the compare view with the current run as A. Run B's recipe is run A's with
// one thing changed (another seed, no crashes, another example, a replay).
import type { LoadedRun } from '../../run/loaded-run';
import { baseRecipe, exactRecipe, isResimulable } from '../../run/recipe';
import type { RunRecipe } from '../../share/view-state';
import { exampleMeta, exampleSource } from '../source/examples';
import { session } from '../session/appSession';
import { latestTask } from '../session/latestTask';
import { SessionFailure } from '../session/session';
import { useStore } from '../store/store';
import { useCompare, type SecondRunChoice } from './compareStore';

/** A short name for run A in sentences: its file name for journals (titles carry long invocation ids). */
function shortLabel(run: LoadedRun): string {
  if (run.source.kind === 'file') return run.source.names.join(', ');
  if (run.source.kind === 'url') return run.source.url.split('/').pop() || run.source.url;
  return run.title;
}

/** How run B is made (a recipe, relative to run A's), and how the two are labelled. */
function planFor(
  choice: SecondRunChoice,
  a: LoadedRun,
): { recipe: RunRecipe; base?: LoadedRun; labels: [string, string] } {
  const title = shortLabel(a);
  if (choice.kind === 'seed' || choice.kind === 'without-crashes') {
    if (!isResimulable(a)) throw new Error('Only a simulated run can be re-simulated.');
    // Run A's cancellation stays: only the seed (or the crashes) differ.
    const exact = exactRecipe(a);
    if (choice.kind === 'seed')
      return {
        recipe: { ...exact, seed: choice.seed, crashesMs: a.crashes },
        labels: [`seed ${a.seed ?? '?'}`, `seed ${choice.seed}`],
      };
    return {
      recipe: { ...exact, crashesMs: [] },
      labels: [`with crash${a.crashes.length > 1 ? 'es' : ''} at ${a.crashes.join(', ')} ms`, 'without crashes'],
    };
  }
  if (choice.kind === 'example') {
    if (!exampleSource(choice.file)) throw new Error(`There is no example named "${choice.file}".`);
    const name = exampleMeta(choice.file)?.name ?? choice.file;
    const seedA = a.seed !== null ? ` (seed ${a.seed})` : '';
    return {
      recipe: {
        source: { kind: 'example', name: choice.file },
        ...(choice.seed !== null ? { seed: choice.seed } : {}),
      },
      labels: [`${title}${seedA}`, `${name}${choice.seed !== null ? ` (seed ${choice.seed})` : ''}`],
    };
  }
  if (choice.kind === 'file')
    return {
      recipe: { source: { kind: 'journal', text: choice.text, fileName: choice.name } },
      labels: [title, choice.name],
    };
  if (!exampleSource(choice.file)) throw new Error(`There is no example named "${choice.file}".`);
  const name = exampleMeta(choice.file)?.name ?? choice.file;
  return {
    recipe: { ...baseRecipe(a.recipe), paired: { kind: 'example', name: choice.file } },
    base: a,
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
  let plan: ReturnType<typeof planFor>;
  try {
    plan = planFor(choice, a);
  } catch (error) {
    set({ error: (error as Error).message });
    return false;
  }
  const task = secondRuns.start();
  set({ loading: `Loading ${plan.labels[1]}…`, error: null });
  try {
    const b = await session.make(plan.recipe, { signal: task.signal, base: plan.base });
    if (!task.isCurrent()) return false;
    const [labelA, labelB] =
      plan.labels[0] === plan.labels[1] ? [`A (${plan.labels[0]})`, `B (${plan.labels[1]})`] : plan.labels;
    show({ label: labelA, run: a }, { label: labelB, run: b });
    set({ choice });
    return true;
  } catch (error) {
    if (!task.isCurrent()) return false;
    set({
      loading: null,
      error: error instanceof SessionFailure ? `${error.info.code}: ${error.message}` : String(error),
    });
    return false;
  } finally {
    task.finish();
  }
}
