// The way back from a ViewState (the address bar, a share link, a view file): the run its recipe describes, made by
// the ordinary loaders, then the cursor, the selection and the compare view. Loader errors show in the error banner.
import type { ViewState } from '../../share/view-state';
import { persistence } from '../session/persistence';
import { exampleSource } from '../source/examples';
import {
  openFiles,
  openUrl,
  replayLoaded,
  replayLoadedWithSdk,
  simulateExample,
  simulateWithSdk,
  simulateSource,
} from '../source/loaders';
import { useStore } from '../store/store';
import { reopenCompare } from './compareLink';

export async function restoreView(view: ViewState): Promise<void> {
  await restoreRun(view);
  // Only over the run the view describes: a failed load leaves whatever was on screen, which is not run A.
  if (view.compare && useStore.getState().run && !useStore.getState().error) await reopenCompare(view.compare);
}

async function restoreRun(view: ViewState): Promise<void> {
  const { source, seed, crashesMs, cancelAtMs, paired } = view.recipe;
  const at = { cursor: view.cursor, selection: view.selection ?? null };
  const store = useStore.getState();
  const simulated = [seed ?? null, crashesMs ?? null, at, cancelAtMs ?? null] as const;
  switch (source.kind) {
    case 'example':
      await simulateExample(source.name, ...simulated);
      return;
    case 'scenario':
      store.setEditorSource(source.code, null);
      await simulateSource(source.code, ...simulated);
      return;
    case 'sdk-scenario':
      store.setSdkSource(source.code, source.label ?? null);
      store.setSdkTarget(source.target ?? null);
      store.setBottomTab('sdk');
      await simulateWithSdk(source.code, source.label ?? null, source.target ?? null, ...simulated);
      return;
    case 'kept-scenario': {
      const code = persistence.keptScenario();
      if (code) await simulateSource(code, ...simulated);
      return;
    }
    case 'url':
      await openUrl(source.url, at);
      return;
    case 'kept-files': {
      const files = persistence.keptFiles();
      const names = source.names.join(',');
      if (files && files.map((f) => f.name).join(',') === names) await openFiles(files, at);
      else
        store.setError({
          code: 'FILE_NOT_KEPT',
          origin: 'engine',
          message: `The link refers to ${names}, which this tab no longer holds.`,
          location: {},
          hint: 'Open the file again.',
        });
      return;
    }
    case 'journal': {
      const opened = await openFiles([{ name: source.fileName ?? 'shared.journal.json', text: source.text }], at);
      if (opened && paired) await replayWith(paired, view);
    }
  }
}

async function replayWith(paired: NonNullable<ViewState['recipe']['paired']>, view: ViewState): Promise<void> {
  const store = useStore.getState();
  if (paired.kind === 'sdk') {
    const target = paired.target ?? store.run?.journal.target ?? null;
    store.setSdkSource(paired.code, paired.label ?? null);
    store.setSdkTarget(paired.target ?? null);
    store.setBottomTab('sdk');
    if (!target) {
      store.setError({
        code: 'SDK_REPLAY_NO_TARGET',
        origin: 'share',
        message:
          'The link replays the journal with a real Restate handler, but neither it nor the journal names the handler.',
        location: { field: 'paired' },
        hint: 'Type Service/handler in the Real SDK tab and press Replay with the real SDK.',
      });
      return;
    }
    const replayed = await replayLoadedWithSdk(paired.code, paired.label ?? 'the shared handler', target);
    if (replayed) restoreAt(view);
    return;
  }
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
  if (replayed) restoreAt(view);
}

/** The view's cursor and selection, over the run a replay just produced. */
function restoreAt(view: ViewState): void {
  const s = useStore.getState();
  if (view.cursor !== undefined) s.setCursor(view.cursor);
  s.select(view.selection ?? null);
}
