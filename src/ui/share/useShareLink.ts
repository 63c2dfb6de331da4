// Opens a share link in the full form (`#v1.…`) on load and on back/forward. The compact `#src=…` form is
// useHashSync's. The decoder (src/share/view-link.ts, with the inflater) is loaded only when a link needs it.
// A hostile or damaged link shows the ShareLinkError message and leaves the app usable on the welcome view.
import { useEffect } from 'react';
import { isFullHash } from '../../share/view-hash';
import { showShareError } from './openViewFile';
import { restoreView } from './restoreView';

async function openShareHash(hash: string): Promise<void> {
  try {
    const { decodeViewHash } = await import('../../share/view-link');
    const decoded = decodeViewHash(hash);
    if (decoded.view) await restoreView(decoded.view);
  } catch (e) {
    showShareError(e, 'share link');
  }
}

export function useShareLink(): void {
  useEffect(() => {
    if (isFullHash(location.hash)) void openShareHash(location.hash);
    const onPop = () => {
      if (isFullHash(location.hash)) void openShareHash(location.hash);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
}
