// Keeps the URL hash in step with the view (source, seed, crashes, cursor, selection) and restores from it on load
// and on back/forward. Source changes push a history entry; cursor and selection changes replace the current one.
// The hash is the view codec's compact form (src/share/view-hash.ts); the full `#v1.` form is useShareLink's.
import { useEffect } from 'react';
import { decodeCompactHash, encodeCompactHash, isFullHash, type CompactHash } from '../../share/view-hash';
import { sameRecipe, type ViewState } from '../../share/view-state';
import { addressBarView } from '../share/addressBarView';
import { restoreView } from '../share/restoreView';
import { openUrl } from '../source/loaders';
import { session } from '../session/appSession';
import { useStore } from '../store/store';

/** The address bar's view: the compact form only (a full-form hash names no view here). */
function compactViewOf(hash: string): CompactHash {
  return isFullHash(hash) ? { form: 'compact', view: null } : decodeCompactHash(hash);
}

const sameRun = (a: ViewState | null, b: ViewState | null) =>
  a !== null && b !== null && sameRecipe(a.recipe, b.recipe);
const hashText = (view: ViewState | null) => (view ? `#${encodeCompactHash(view)}` : '');

let restoring = false;

export async function restoreFromHash(hash: CompactHash): Promise<void> {
  const s = useStore.getState();
  const view = hash.view;
  if (hash.badSource !== undefined) {
    // A link from elsewhere may carry anything (e.g. `javascript:…`): say so instead of ignoring it silently.
    s.setError({
      code: 'BAD_LINK',
      origin: 'engine',
      message: `The link's source "${hash.badSource.slice(0, 80)}" is not an example, a file or a URL.`,
      location: { field: 'src' },
      hint: 'Ask for a new link, or pick an example or open a journal.',
    });
    return;
  }
  if (!view) return;
  if (sameRun(view, addressBarView(s))) {
    if (view.cursor !== undefined) s.setCursor(view.cursor);
    s.select(view.selection ?? null);
    return;
  }
  restoring = true;
  try {
    await restoreView(view);
  } finally {
    restoring = false;
  }
}

export function useHashSync(): void {
  useEffect(() => {
    const query = new URLSearchParams(location.search).get('src');
    const initial = compactViewOf(location.hash);
    if (initial.view || initial.badSource !== undefined) void restoreFromHash(initial);
    else if (query) void openUrl(query);
    let last = addressBarView(useStore.getState());
    // Stepping replaces the URL at most every 100 ms: replaceState costs ~3 ms, a third of a step's budget (issue 6).
    let pendingUrl: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const replaceSoon = (url: string | null) => {
      pendingUrl = url;
      if (url === null) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (url === null || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (pendingUrl !== null) history.replaceState(null, '', pendingUrl);
        pendingUrl = null;
      }, 100);
    };
    const unsubscribe = useStore.subscribe((state) => {
      if (session.store.getState().loading) return;
      const next = addressBarView(state);
      const text = hashText(next);
      if (!next || text === hashText(last)) return;
      const url = `${location.pathname}${location.search}${text}`;
      // A restore (reload, back/forward) must not add history entries of its own.
      if (restoring) history.replaceState(null, '', url);
      else if (sameRun(next, last)) replaceSoon(url);
      else {
        replaceSoon(null);
        history.pushState(null, '', url);
      }
      last = next;
    });
    const onPop = () => {
      replaceSoon(null);
      const h = compactViewOf(location.hash);
      last = h.view;
      void restoreFromHash(h);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      replaceSoon(null);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
