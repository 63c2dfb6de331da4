// The view the address bar names: the loaded run by name (an example, a URL, files or scenario code this tab keeps),
// its seed, crashes and cancellation when simulated, the cursor and the selection. Encoded in the compact hash form.
import type { LoadedRun } from '../../run/loaded-run';
import { exactRecipe, SHARED_JOURNAL_NAME } from '../../run/recipe';
import type { RecipeSource, RunRecipe, ViewState } from '../../share/view-state';

/** The run's source by name only (content stays in this tab's storage); null: the address bar cannot name it. */
function namedSource(source: RecipeSource): RecipeSource | null {
  switch (source.kind) {
    case 'example':
    case 'url':
    case 'kept-files':
    case 'kept-scenario':
      return source;
    case 'journal':
      return { kind: 'kept-files', names: [source.fileName ?? SHARED_JOURNAL_NAME] };
    case 'scenario':
      return { kind: 'kept-scenario' };
    case 'sdk-scenario':
      // A real-SDK simulation: its code travels only in Copy link.
      return null;
  }
}

export function addressBarView(s: {
  run: LoadedRun | null;
  cursor: number;
  selection: string | null;
}): ViewState | null {
  const run = s.run;
  const source = run && namedSource(run.recipe.source);
  if (!run || !source) return null;
  const { source: _content, paired: _paired, ...simulated } = exactRecipe(run);
  const recipe: RunRecipe = { source, ...simulated };
  return s.selection ? { recipe, cursor: s.cursor, selection: s.selection } : { recipe, cursor: s.cursor };
}
