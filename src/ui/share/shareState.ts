// The current view as a ViewState that carries its content (for "Copy link" and the view file). Examples and URLs
// keep the compact readable hash (`#src=example:…&seed=…`, the address bar's own); edited code and loaded journals
// need their content, so they travel in the full `#v1.` form, and so does a replay's paired handler, a cancellation
// time or an open compare view. The way back is restoreView.ts.
import type { LoadedRun } from '../../run/loaded-run';
import { encodeCompactHash } from '../../share/view-hash';
import type { RecipeSource, ViewState } from '../../share/view-state';
import { exactRecipe, isSimulatedRecipe, SHARED_JOURNAL_NAME } from '../../run/recipe';
import { persistence } from '../session/persistence';
import type { Store } from '../store/store';
import { addressBarView } from './addressBarView';
import { currentShareCompare } from './compareLink';

/** Does this view need its content in the link (the full form)? */
export function needsContent(run: LoadedRun): boolean {
  const kind = run.recipe.source.kind;
  return (
    kind === 'journal' ||
    kind === 'kept-files' ||
    kind === 'scenario' ||
    kind === 'kept-scenario' ||
    kind === 'sdk-scenario' ||
    kind === 'kept-sdk-scenario' ||
    run.recipe.paired !== undefined ||
    (run.cancelAtMs ?? null) !== null ||
    currentShareCompare() !== null
  );
}

/** The text a loaded journal is shared as: its own when it came as text, the file as opened when this tab still
 *  holds it, else the native file. */
async function journalSource(run: LoadedRun): Promise<Extract<RecipeSource, { kind: 'journal' }>> {
  const source = run.recipe.source;
  if (source.kind === 'journal') return source;
  const files = persistence.keptFiles();
  if (source.kind === 'kept-files' && files?.length === 1 && files[0].name === source.names[0])
    return { kind: 'journal', text: files[0].text, fileName: files[0].name };
  const { toNativeText } = await import('../../journal-reader');
  return { kind: 'journal', text: toNativeText(run.journal), fileName: SHARED_JOURNAL_NAME };
}

/** The view on screen as a ViewState that carries its content: the run's own recipe, made exact. */
export async function currentView(s: Pick<Store, 'run' | 'cursor' | 'selection'>): Promise<ViewState | null> {
  const run = s.run;
  if (!run) return null;
  const compare = currentShareCompare();
  const at = { cursor: s.cursor, ...(s.selection ? { selection: s.selection } : {}), ...(compare ? { compare } : {}) };
  if (isSimulatedRecipe(run.recipe) && !run.recipe.paired) return { recipe: exactRecipe(run), ...at };
  // A replay travels as the journal it replayed (a simulation's too) with the handler it was paired with.
  const paired = run.recipe.paired;
  return { recipe: { source: await journalSource(run), ...(paired ? { paired } : {}) }, ...at };
}

/** The hash for the current view: compact for examples and URLs, the full form when content is needed. */
export async function shareHash(s: Store): Promise<string> {
  if (!s.run) return '';
  if (!needsContent(s.run)) return encodeCompactHash(addressBarView(s)!);
  const [view, { encodeViewHash }] = await Promise.all([currentView(s), import('../../share/view-link')]);
  return view ? encodeViewHash(view, 'full') : '';
}

export function shareUrlFor(hash: string): string {
  return `${location.origin}${location.pathname}${location.search}#${hash}`;
}
