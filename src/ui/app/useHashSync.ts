// Keeps the URL hash in step with the view (source, seed, crashes, cursor, selection) and restores from it on load
// and on back/forward. Source changes push a history entry; cursor and selection changes replace the current one.
import { useEffect } from 'react';
import { formatHash, parseHash, type HashState } from '../derive/urlHash';
import type { LoadedRun } from '../../run/loaded-run';
import { persistence } from '../session/persistence';
import { openFiles, openUrl, simulateExample, simulateSource } from '../source/loaders';
import { useStore, type Store } from '../store/store';

function sourceKey(run: LoadedRun | null): string | undefined {
  if (!run) return undefined;
  const s = run.source;
  if (s.kind === 'example') return `example:${s.file}`;
  if (s.kind === 'file') return `file:${s.names.join(',')}`;
  if (s.kind === 'url') return `url:${s.url}`;
  return 'scenario';
}

export function hashOf(s: Pick<Store, 'run' | 'cursor' | 'selection'>): HashState {
  const src = sourceKey(s.run);
  if (!src) return {};
  const simulated = s.run!.source.kind === 'example' || s.run!.source.kind === 'scenario';
  return {
    src,
    seed: simulated ? (s.run!.seed ?? undefined) : undefined,
    crashes: simulated && s.run!.crashes.length ? s.run!.crashes : undefined,
    cancel: simulated ? (s.run!.cancelAtMs ?? undefined) : undefined,
    cursor: s.cursor,
    sel: s.selection ?? undefined,
  };
}

const sameSource = (a: HashState, b: HashState) =>
  a.src === b.src &&
  a.seed === b.seed &&
  (a.crashes ?? []).join() === (b.crashes ?? []).join() &&
  a.cancel === b.cancel;

let restoring = false;

export async function restoreFromHash(h: HashState): Promise<void> {
  const s = useStore.getState();
  const at = { cursor: h.cursor, selection: h.sel ?? null };
  if (h.src && sameSource(h, hashOf(s))) {
    if (h.cursor !== undefined) s.setCursor(h.cursor);
    s.select(h.sel ?? null);
    return;
  }
  if (!h.src) return;
  restoring = true;
  try {
    if (h.src.startsWith('example:'))
      await simulateExample(h.src.slice(8), h.seed ?? null, h.crashes ?? null, at, h.cancel ?? null);
    else if (h.src.startsWith('url:')) await openUrl(h.src.slice(4), at);
    else if (h.src.startsWith('file:')) {
      const files = persistence.keptFiles();
      if (files && files.map((f) => f.name).join(',') === h.src.slice(5)) await openFiles(files, at);
      else
        s.setError({
          code: 'FILE_NOT_KEPT',
          origin: 'engine',
          message: `The link refers to ${h.src.slice(5)}, which this tab no longer holds.`,
          location: {},
          hint: 'Open the file again.',
        });
    } else if (h.src === 'scenario') {
      const code = persistence.keptScenario();
      if (code) await simulateSource(code, h.seed ?? null, h.crashes ?? null, at, h.cancel ?? null);
    } else {
      // A link from elsewhere may carry anything (e.g. `javascript:…`): say so instead of ignoring it silently.
      s.setError({
        code: 'BAD_LINK',
        origin: 'engine',
        message: `The link's source "${h.src.slice(0, 80)}" is not an example, a file or a URL.`,
        location: { field: 'src' },
        hint: 'Ask for a new link, or pick an example or open a journal.',
      });
    }
  } finally {
    restoring = false;
  }
}

export function useHashSync(): void {
  useEffect(() => {
    const query = new URLSearchParams(location.search).get('src');
    const initial = parseHash(location.hash);
    if (initial.src) void restoreFromHash(initial);
    else if (query) void openUrl(query);
    let last = hashOf(useStore.getState());
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
      if (state.loading) return;
      const next = hashOf(state);
      const text = formatHash(next);
      if (text === formatHash(last) || !next.src) return;
      const url = `${location.pathname}${location.search}${text}`;
      // A restore (reload, back/forward) must not add history entries of its own.
      if (restoring) history.replaceState(null, '', url);
      else if (sameSource(next, last)) replaceSoon(url);
      else {
        replaceSoon(null);
        history.pushState(null, '', url);
      }
      last = next;
    });
    const onPop = () => {
      replaceSoon(null);
      const h = parseHash(location.hash);
      last = h;
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
