// The view the address bar names: the loaded run by name (an example, a URL, files or scenario code this tab keeps),
// its seed, crashes and cancellation when simulated, the cursor and the selection. Encoded in the compact hash form.
import type { LoadedRun } from '../../run/loaded-run';
import { exactRecipe, SHARED_JOURNAL_NAME } from '../../run/recipe';
import type { RecipeSource, RunRecipe, ViewState } from '../../share/view-state';

/** The run's source by name only (content stays in this tab's storage). */
function namedSource(source: RecipeSource): RecipeSource {
  switch (source.kind) {
    case 'example':
    case 'url':
    case 'kept-files':
    case 'kept-scenario':
    case 'kept-sdk-scenario':
      return source;
    case 'journal':
      return { kind: 'kept-files', names: [source.fileName ?? SHARED_JOURNAL_NAME] };
    case 'scenario':
      return { kind: 'kept-scenario' };
    case 'sdk-scenario':
      return { kind: 'kept-sdk-scenario' };
  }
}

export function addressBarView(s: {
  run: LoadedRun | null;
  cursor: number;
  selection: string | null;
}): ViewState | null {
  const run = s.run;
  if (!run) return null;
  const source = namedSource(run.recipe.source);
  const { source: _content, paired: _paired, ...simulated } = exactRecipe(run);
  const recipe: RunRecipe = { source, ...simulated };
  return s.selection ? { recipe, cursor: s.cursor, selection: s.selection } : { recipe, cursor: s.cursor };
}
