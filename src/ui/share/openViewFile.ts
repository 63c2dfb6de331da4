// Opening a view file (docs/hosting.md): restore the view it holds, or say clearly why not.
import { ShareLinkError } from '../../share/link-errors';
import type { LoadedRun } from '../../run/loaded-run';
import { useStore } from '../store/store';
import { restoreView } from './restoreView';

export function showShareError(e: unknown, subject: string): void {
  const error =
    e instanceof ShareLinkError ? e : new ShareLinkError('LINK_BAD_DATA', String((e as Error)?.message ?? e));
  useStore.getState().setError({
    code: error.code,
    origin: 'share',
    message: error.message,
    location: {},
    hint: 'Ask for a new link, or open the journal file itself.',
    subject,
  });
}

export async function openViewFile(text: string): Promise<LoadedRun | null> {
  try {
    const { readViewFile } = await import('../../share/view-file');
    await restoreView(readViewFile(text));
  } catch (e) {
    showShareError(e, 'view file');
  }
  return useStore.getState().run;
}
