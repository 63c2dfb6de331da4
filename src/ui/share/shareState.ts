// The current view as a ViewState that carries its content (for "Copy link" and the view file). Examples and URLs
// keep the compact readable hash (`#src=example:…&seed=…`, the address bar's own); edited code and loaded journals
// need their content, so they travel in the full `#v1.` form, and so does a replay's paired handler, a cancellation
// time or an open compare view. The way back is restoreView.ts.
import type { LoadedRun } from '../../run/loaded-run';
import { encodeCompactHash } from '../../share/view-hash';
import type { PairedHandler, RecipeSource, ViewState } from '../../share/view-state';
import { persistence } from '../session/persistence';
import { exampleSource, examples } from '../source/examples';
import { replaySourceOf, sdkReplaySourceOf } from '../source/loaders';
import type { Store } from '../store/store';
import { addressBarView } from './addressBarView';
import { currentShareCompare } from './compareLink';

/** Does this view need its content in the link (the full form)? */
export function needsContent(run: LoadedRun): boolean {
  return (
    run.source.kind === 'file' ||
    run.source.kind === 'scenario' ||
    run.source.kind === 'sdk-scenario' ||
    run.replayedWith !== undefined ||
    (run.cancelAtMs ?? null) !== null ||
    currentShareCompare() !== null
  );
}

function exampleOrCode(code: string): PairedHandler {
  const example = examples.find((e) => exampleSource(e.file) === code);
  return example ? { kind: 'example', name: example.file } : { kind: 'scenario', code };
}

/** The text a loaded journal is shared as: the file as opened when this tab still holds it, else the native file. */
async function journalSource(run: LoadedRun): Promise<Extract<RecipeSource, { kind: 'journal' }>> {
  const files = persistence.keptFiles();
  if (run.source.kind === 'file' && files?.length === 1 && files[0].name === run.source.names[0])
    return { kind: 'journal', text: files[0].text, fileName: files[0].name };
  const { toNativeText } = await import('../../journal-reader');
  return { kind: 'journal', text: toNativeText(run.journal), fileName: 'shared.journal.json' };
}

export async function currentView(
  s: Pick<Store, 'run' | 'cursor' | 'selection' | 'editorSource' | 'sdkSource' | 'sdkLabel' | 'sdkTarget'>,
): Promise<ViewState | null> {
  const run = s.run;
  if (!run) return null;
  const compare = currentShareCompare();
  const at = { cursor: s.cursor, ...(s.selection ? { selection: s.selection } : {}), ...(compare ? { compare } : {}) };
  const cancelAtMs = run.cancelAtMs ?? null;
  const simulated = {
    ...(run.seed !== null ? { seed: run.seed } : {}),
    ...(run.crashes.length ? { crashesMs: run.crashes } : {}),
    ...(cancelAtMs !== null ? { cancelAtMs } : {}),
  };
  if (run.source.kind === 'example' && !run.replayedWith)
    return { recipe: { source: { kind: 'example', name: run.source.file }, ...simulated }, ...at };
  if (run.source.kind === 'sdk-scenario') {
    const { sdkSource, sdkLabel, sdkTarget } = s;
    const code = { kind: 'sdk-scenario' as const, code: sdkSource ?? '', ...(sdkTarget ? { target: sdkTarget } : {}) };
    return { recipe: { source: { ...code, ...(sdkLabel ? { label: sdkLabel } : {}) }, ...simulated }, ...at };
  }
  if (run.source.kind === 'scenario') {
    const code = persistence.keptScenario() ?? s.editorSource ?? '';
    return { recipe: { source: { kind: 'scenario', code }, ...simulated }, ...at };
  }
  const paired = pairedOf(run);
  return { recipe: { source: await journalSource(run), ...(paired ? { paired } : {}) }, ...at };
}

/** The code a replayed run was replayed with: scenario code (or the example it is), or the real handler. */
function pairedOf(run: LoadedRun): PairedHandler | null {
  const handler = sdkReplaySourceOf(run);
  if (handler !== null && run.sdkReplay) {
    // The target travels only when the journal does not name it, or names another one.
    const target = run.sdkReplay.target === run.journal.target ? {} : { target: run.sdkReplay.target };
    return { kind: 'sdk', code: handler, ...target, ...(run.replayedWith ? { label: run.replayedWith } : {}) };
  }
  const scenario = replaySourceOf(run);
  return scenario === null ? null : exampleOrCode(scenario);
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
