// The address-bar hash of a view in its compact form, `#src=example:race-timeout&seed=7&crash=150&cancel=40&cursor=4&sel=c2`:
// readable, for views whose run is named rather than carried (an example, a URL, what this tab keeps). Lenient:
// unknown or malformed values are dropped, never thrown, and an unrecognised source is reported, not guessed.
// The full form (`#v1.…`, content carried, compressed) is view-link.ts, loaded only when a link needs it; it reads
// every form through one table, so view-link's decodeViewHash is the one decoder of all of them.
import type { RecipeSource, RunRecipe, ViewState } from './view-state';

/** Links longer than this are offered as a download instead (long URLs break in chat apps and some browsers). */
export const shareLinkCharsMax = 64_000;

export type HashForm = 'compact' | 'full';

export type DecodedHash =
  /** view null: a compact hash without a usable source (none, too long, or one this app does not know: `badSource`). */
  { form: 'compact'; view: ViewState | null; badSource?: string } | { form: 'full'; view: ViewState };

export type CompactHash = Extract<DecodedHash, { form: 'compact' }>;

/** Is this hash the full form (`#v1.…`), which a share link restores, rather than the compact one? */
export const isFullHash = (hash: string): boolean => /^#?v\d/.test(hash);

/** Can the compact form hold this view: its run is named, not carried, and no handler or compare view goes with it? */
export function fitsCompact(view: ViewState): boolean {
  const kind = view.recipe.source.kind;
  const named =
    kind === 'example' ||
    kind === 'url' ||
    kind === 'kept-files' ||
    kind === 'kept-scenario' ||
    kind === 'kept-sdk-scenario';
  return named && !view.recipe.paired && !view.compare;
}

const intPattern = /^-?\d{1,15}$/;
const SRC_CHARS_MAX = 2048;
const CRASHES_MAX = 16;

function sourceFromSrc(src: string): RecipeSource | null {
  if (src.startsWith('example:')) return { kind: 'example', name: src.slice('example:'.length) };
  if (src.startsWith('url:')) return { kind: 'url', url: src.slice('url:'.length) };
  if (src.startsWith('file:')) return { kind: 'kept-files', names: src.slice('file:'.length).split(',') };
  if (src === 'scenario') return { kind: 'kept-scenario' };
  if (src === 'sdk-scenario') return { kind: 'kept-sdk-scenario' };
  return null;
}

function srcOf(source: RecipeSource): string {
  switch (source.kind) {
    case 'example':
      return `example:${source.name}`;
    case 'url':
      return `url:${source.url}`;
    case 'kept-files':
      return `file:${source.names.join(',')}`;
    case 'kept-scenario':
      return 'scenario';
    case 'kept-sdk-scenario':
      return 'sdk-scenario';
    default:
      throw new Error(`a ${source.kind} source has no compact form`);
  }
}

/** Reads a compact hash (with or without '#'); never throws. */
export function decodeCompactHash(hash: string): CompactHash {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(text);
  const src = params.get('src');
  if (!src || src.length > SRC_CHARS_MAX) return { form: 'compact', view: null };
  const source = sourceFromSrc(src);
  if (!source) return { form: 'compact', view: null, badSource: src };
  const recipe: RunRecipe = { source };
  const seed = params.get('seed');
  if (seed && intPattern.test(seed)) recipe.seed = Number(seed);
  const crashes = params.get('crash');
  if (crashes) {
    const list = crashes
      .split(',')
      .filter((c) => intPattern.test(c))
      .map(Number)
      .filter((n) => n >= 0);
    if (list.length) recipe.crashesMs = list.slice(0, CRASHES_MAX);
  }
  const cancel = params.get('cancel');
  if (cancel && /^\d{1,9}$/.test(cancel)) recipe.cancelAtMs = Number(cancel);
  const view: ViewState = { recipe };
  const cursor = params.get('cursor');
  if (cursor && intPattern.test(cursor) && Number(cursor) >= 0) view.cursor = Number(cursor);
  const sel = params.get('sel');
  if (sel && /^[cse]\d{1,9}$/.test(sel)) view.selection = sel;
  return { form: 'compact', view };
}

/** The compact hash (without '#') of a view that fits it (fitsCompact). */
export function encodeCompactHash(view: ViewState): string {
  const { recipe } = view;
  const params = new URLSearchParams();
  params.set('src', srcOf(recipe.source));
  if (recipe.seed !== undefined) params.set('seed', String(recipe.seed));
  if (recipe.crashesMs?.length) params.set('crash', recipe.crashesMs.join(','));
  if (recipe.cancelAtMs !== undefined) params.set('cancel', String(recipe.cancelAtMs));
  if (view.cursor !== undefined) params.set('cursor', String(view.cursor));
  if (view.selection) params.set('sel', view.selection);
  return params.toString();
}
