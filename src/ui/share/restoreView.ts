// The way back from a ViewState (the address bar, a share link, a view file): the run its recipe describes, made by
// the session, then the cursor, the selection and the compare view. Loader errors show in the error banner.
import type { ViewState } from '../../share/view-state';
import { session } from '../session/appSession';
import { persistence } from '../session/persistence';
import { useStore } from '../store/store';
import { reopenCompare } from './compareLink';

export async function restoreView(view: ViewState): Promise<void> {
  await restoreRun(view);
  // Only over the run the view describes: a failed load leaves whatever was on screen, which is not run A.
  if (view.compare && useStore.getState().run && !useStore.getState().error) await reopenCompare(view.compare);
}

/** The editors show the code the view runs (so that Simulate and Replay go on from it); the session makes the run. */
async function restoreRun(view: ViewState): Promise<void> {
  const { source, paired } = view.recipe;
  const store = useStore.getState();
  if (source.kind === 'scenario') store.setEditorSource(source.code, null);
  const sdk =
    source.kind === 'sdk-scenario'
      ? source
      : source.kind === 'kept-sdk-scenario'
        ? persistence.keptSdkScenario()
        : paired?.kind === 'sdk'
          ? paired
          : null;
  if (sdk) {
    store.setSdkSource(sdk.code, sdk.label ?? null);
    store.setSdkTarget(sdk.target ?? null);
    store.setSdkInput('input' in sdk ? (sdk.input ?? '') : '');
    store.setBottomTab('sdk');
  }
  if (paired?.kind === 'scenario') store.setEditorSource(paired.code, null);
  await session.load(view.recipe, { at: { cursor: view.cursor, selection: view.selection ?? null } });
}
