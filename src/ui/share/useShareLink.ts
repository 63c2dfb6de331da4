// Opens a compressed share link (`#v1.…`) on load and on back/forward. The compact `#src=…` form is useHashSync's.
// A hostile or damaged link shows the ShareLinkError message and leaves the app usable on the welcome view.
import { useEffect } from 'react';
import { decodeShareState } from '../../share/link-codec';
import { showShareError } from './openViewFile';
import { restoreShareState } from './shareState';

/** Share links start with a version tag (`v1.`); the compact form starts with `src=`. */
export const isShareHash = (hash: string) => /^#?v\d/.test(hash);

async function openShareHash(hash: string): Promise<void> {
  try {
    await restoreShareState(decodeShareState(hash));
  } catch (e) {
    showShareError(e, 'share link');
  }
}

export function useShareLink(): void {
  useEffect(() => {
    if (isShareHash(location.hash)) void openShareHash(location.hash);
    const onPop = () => {
      if (isShareHash(location.hash)) void openShareHash(location.hash);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
}
