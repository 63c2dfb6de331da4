// The current view as a ShareState (for "Copy link" and the view file), and the way back: a ShareState restored into
// the store by the ordinary loaders. Examples keep the compact readable hash (`#src=example:…&seed=…`, useHashSync);
// edited code and loaded journals need their content, so they travel in the compressed `#v1.` form, and so does a
// cancellation time or an open compare view (the compact form has no room for them).
import { encodeShareState, type ShareState } from '../../share/link-codec';
import { formatHash } from '../derive/urlHash';
import { hashOf } from '../app/useHashSync';
import type { LoadedRun } from '../../run/loaded-run';
import { exampleSource, examples } from '../source/examples';
import { persistence } from '../session/persistence';
import { openFiles, replayLoaded, replaySourceOf, simulateExample, simulateSource } from '../source/loaders';
import { useStore, type Store } from '../store/store';
import { currentShareCompare, reopenCompare } from './compareLink';

/** Does this view need its content in the link (the compressed form)? */
export function needsContent(run: LoadedRun): boolean {
  return (
    run.source.kind === 'file' ||
    run.source.kind === 'scenario' ||
    run.replayedWith !== undefined ||
    (run.cancelAtMs ?? null) !== null ||
    currentShareCompare() !== null
  );
}

function exampleOrCode(code: string): ShareState['pairedScenario'] {
  const example = examples.find((e) => exampleSource(e.file) === code);
  return example ? { kind: 'example', name: example.file } : { kind: 'scenario', code };
}

/** The text a loaded journal is shared as: the file as opened when this tab still holds it, else the native file. */
async function journalSource(run: LoadedRun): Promise<Extract<ShareState['source'], { kind: 'journal' }>> {
  const files = persistence.keptFiles();
  if (run.source.kind === 'file' && files?.length === 1 && files[0].name === run.source.names[0])
    return { kind: 'journal', text: files[0].text, fileName: files[0].name };
  const { toNativeText } = await import('../../journal-reader');
  return { kind: 'journal', text: toNativeText(run.journal), fileName: 'shared.journal.json' };
}

export async function currentShareState(
  s: Pick<Store, 'run' | 'cursor' | 'selection' | 'editorSource'>,
): Promise<ShareState | null> {
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
    return { source: { kind: 'example', name: run.source.file }, ...simulated, ...at };
  if (run.source.kind === 'scenario')
    return {
      source: { kind: 'scenario', code: persistence.keptScenario() ?? s.editorSource ?? '' },
      ...simulated,
      ...at,
    };
  const paired = replaySourceOf(run);
  return {
    source: await journalSource(run),
    ...at,
    ...(paired !== null ? { pairedScenario: exampleOrCode(paired) } : {}),
  };
}

/** The hash for the current view: compact for examples and URLs, `v1.` (compressed) when content is needed. */
export async function shareHash(s: Store): Promise<string> {
  if (!s.run) return '';
  if (!needsContent(s.run)) return formatHash(hashOf(s)).slice(1);
  const state = await currentShareState(s);
  return state ? encodeShareState(state) : '';
}

export function shareUrlFor(hash: string): string {
  return `${location.origin}${location.pathname}${location.search}#${hash}`;
}

/** Loads the view a link or view file describes (and its compare view); loader errors show in the error banner. */
export async function restoreShareState(state: ShareState): Promise<void> {
  await restoreRun(state);
  // Only over the run the link describes: a failed load leaves whatever was on screen, which is not run A.
  if (state.compare && useStore.getState().run && !useStore.getState().error) await reopenCompare(state.compare);
}

async function restoreRun(state: ShareState): Promise<void> {
  const at = { cursor: state.cursor, selection: state.selection ?? null };
  const store = useStore.getState();
  if (state.source.kind === 'example') {
    await simulateExample(state.source.name, state.seed ?? null, state.crashesMs ?? null, at, state.cancelAtMs ?? null);
    return;
  }
  if (state.source.kind === 'scenario') {
    store.setEditorSource(state.source.code, null);
    await simulateSource(state.source.code, state.seed ?? null, state.crashesMs ?? null, at, state.cancelAtMs ?? null);
    return;
  }
  const opened = await openFiles(
    [{ name: state.source.fileName ?? 'shared.journal.json', text: state.source.text }],
    at,
  );
  if (!opened || !state.pairedScenario) return;
  const paired = state.pairedScenario;
  const code = paired.kind === 'example' ? exampleSource(paired.name) : paired.code;
  if (code === null) {
    store.setError({
      code: 'UNKNOWN_EXAMPLE',
      origin: 'share',
      message: `The link replays the journal with an example named "${paired.kind === 'example' ? paired.name : ''}", which this app does not have.`,
      location: {},
    });
    return;
  }
  if (paired.kind === 'scenario') store.setEditorSource(code, null);
  const replayed = await replayLoaded(code, paired.kind === 'example' ? paired.name : 'edited scenario');
  if (replayed) {
    const s = useStore.getState();
    if (state.cursor !== undefined) s.setCursor(state.cursor);
    s.select(state.selection ?? null);
  }
}
