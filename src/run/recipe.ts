// A run and the recipe that made it: the one constructor of a LoadedRun, so the run's display origin (`source`) is
// always derived from its recipe and the two can never disagree (issue 13). The session (src/ui/session) is the only
// caller in the page.
import type { RecipeSource, RunRecipe } from '../share/view-state';
import type { LoadedRun, RunResult, RunSource } from './loaded-run';

/** The file name a journal without one is shown and shared as. */
export const SHARED_JOURNAL_NAME = 'shared.journal.json';

/** Where a run made by this recipe comes from, as the title bar and the address bar name it. */
export function runSourceOf(recipe: RunRecipe): RunSource {
  const source: RecipeSource = recipe.source;
  switch (source.kind) {
    case 'example':
      return { kind: 'example', file: source.name };
    case 'scenario':
    case 'kept-scenario':
      return { kind: 'scenario' };
    case 'sdk-scenario':
    case 'kept-sdk-scenario':
      return { kind: 'sdk-scenario' };
    case 'journal':
      return { kind: 'file', names: [source.fileName ?? SHARED_JOURNAL_NAME] };
    case 'kept-files':
      return { kind: 'file', names: source.names };
    case 'url':
      return { kind: 'url', url: source.url };
  }
}

/** The run the engine made, with the recipe that made it. */
export function loadedRun(result: RunResult, recipe: RunRecipe): LoadedRun {
  return { ...result, recipe, source: runSourceOf(recipe) };
}

/** The recipe without its paired handler: the journal a replay starts from. */
export function baseRecipe(recipe: RunRecipe): RunRecipe {
  const { paired: _paired, ...base } = recipe;
  return base;
}

/** Is this recipe a simulation (its seed, crashes and cancellation matter)? */
export function isSimulatedRecipe(recipe: RunRecipe): boolean {
  const kind = recipe.source.kind;
  return (
    kind === 'example' ||
    kind === 'scenario' ||
    kind === 'kept-scenario' ||
    kind === 'sdk-scenario' ||
    kind === 'kept-sdk-scenario'
  );
}

/** Can this run be simulated again with other seeds or crashes? A simulation, not a replay paired with a journal. */
export function isResimulable(run: LoadedRun): boolean {
  return !run.recipe.paired && isSimulatedRecipe(run.recipe);
}

/**
 * The recipe that makes this simulated run again exactly: its source with the seed, crashes and cancellation the
 * run actually used (a recipe may have left them to the scenario's defaults).
 */
export function exactRecipe(run: LoadedRun): RunRecipe {
  if (!isSimulatedRecipe(run.recipe)) return run.recipe;
  const cancelAtMs = run.cancelAtMs ?? null;
  // Every other field of the recipe passes through as it was: a new recipe parameter needs nothing here.
  const { seed: _seed, crashesMs: _crashes, cancelAtMs: _cancel, ...rest } = run.recipe;
  return {
    ...rest,
    ...(run.seed !== null ? { seed: run.seed } : {}),
    ...(run.crashes.length ? { crashesMs: run.crashes } : {}),
    ...(cancelAtMs !== null ? { cancelAtMs } : {}),
  };
}
