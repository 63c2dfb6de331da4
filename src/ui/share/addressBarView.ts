// The view the address bar names: the loaded run by name (an example, a URL, files or scenario code this tab keeps),
// its seed, crashes and cancellation when simulated, the cursor and the selection. Encoded in the compact hash form.
import type { LoadedRun, RunSource } from '../../run/loaded-run';
import type { RecipeSource, RunRecipe, ViewState } from '../../share/view-state';

function namedSource(source: RunSource): RecipeSource {
  if (source.kind === 'example') return { kind: 'example', name: source.file };
  if (source.kind === 'file') return { kind: 'kept-files', names: source.names };
  if (source.kind === 'url') return { kind: 'url', url: source.url };
  return { kind: 'kept-scenario' };
}

/** A run the address bar cannot name: a real-SDK simulation (its code travels only in Copy link). */
function unnamed(source: RunSource): boolean {
  return source.kind === 'sdk-scenario';
}

export function addressBarView(s: {
  run: LoadedRun | null;
  cursor: number;
  selection: string | null;
}): ViewState | null {
  const run = s.run;
  if (!run || unnamed(run.source)) return null;
  const recipe: RunRecipe = { source: namedSource(run.source) };
  if (run.source.kind === 'example' || run.source.kind === 'scenario') {
    if (run.seed !== null) recipe.seed = run.seed;
    if (run.crashes.length) recipe.crashesMs = run.crashes;
    if (run.cancelAtMs !== undefined && run.cancelAtMs !== null) recipe.cancelAtMs = run.cancelAtMs;
  }
  return s.selection ? { recipe, cursor: s.cursor, selection: s.selection } : { recipe, cursor: s.cursor };
}
