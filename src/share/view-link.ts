// The one decoder of every hash form, and the full form itself: `#v1.<deflated JSON>` (link-codec.ts) carries content
// (scenario code, journal text, a paired handler, an open compare view). Strict: anything wrong is a ShareLinkError
// with a stable code. Reading goes through `linkFormats`, every form ever written, each read into the current
// ViewState: a new wire version adds an entry (and keeps the old ones), so old links keep working.
// Loaded on demand by the page (it brings the inflater); the compact form alone is view-hash.ts.
import { decodeShareState, encodeShareState, ShareLinkError, type ShareState } from './link-codec';
import { decodeCompactHash, encodeCompactHash, fitsCompact, type DecodedHash, type HashForm } from './view-hash';
import type { RunRecipe, ViewState } from './view-state';

interface LinkFormat {
  /** Does this hash (without '#') use the format? */
  matches(text: string): boolean;
  read(text: string): DecodedHash;
}

const readV1 = (text: string): DecodedHash => ({ form: 'full', view: viewFromShareState(decodeShareState(text)) });

/** Every link form, newest first; the last one (compact) takes whatever the others do not. */
const linkFormats: LinkFormat[] = [
  { matches: (text) => text.startsWith('v1.'), read: readV1 },
  // `v<n>.` of a version this app does not know: decodeShareState says which, and that a newer app made it.
  { matches: (text) => /^v\d/.test(text), read: readV1 },
  { matches: () => true, read: decodeCompactHash },
];

/** Reads a hash (with or without '#'). The full form throws ShareLinkError; the compact form never throws. */
export function decodeViewHash(hash: string): DecodedHash {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return linkFormats.find((f) => f.matches(text))!.read(text);
}

/**
 * The hash (without '#') for a view. `compact` is used when asked for and the view fits it; otherwise the full form,
 * which cannot name what only this tab keeps.
 */
export function encodeViewHash(view: ViewState, form: HashForm): string {
  if (form === 'compact' && fitsCompact(view)) return encodeCompactHash(view);
  return encodeShareState(shareStateFromView(view));
}

// The full form's wire shape (v1) ⇄ ViewState.
export function viewFromShareState(state: ShareState): ViewState {
  const recipe: RunRecipe = { source: state.source };
  if (state.seed !== undefined) recipe.seed = state.seed;
  if (state.crashesMs !== undefined) recipe.crashesMs = state.crashesMs;
  if (state.cancelAtMs !== undefined) recipe.cancelAtMs = state.cancelAtMs;
  if (state.pairedScenario !== undefined) recipe.paired = state.pairedScenario;
  const view: ViewState = { recipe };
  if (state.cursor !== undefined) view.cursor = state.cursor;
  if (state.selection !== undefined) view.selection = state.selection;
  if (state.compare !== undefined) view.compare = state.compare;
  return view;
}

export function shareStateFromView(view: ViewState): ShareState {
  const { source, seed, crashesMs, cancelAtMs, paired } = view.recipe;
  if (
    source.kind !== 'example' &&
    source.kind !== 'scenario' &&
    source.kind !== 'sdk-scenario' &&
    source.kind !== 'journal'
  )
    throw new ShareLinkError('LINK_BAD_DATA', `A link cannot carry a ${source.kind} source; it needs the content.`);
  return {
    source,
    ...(seed !== undefined ? { seed } : {}),
    ...(crashesMs !== undefined ? { crashesMs } : {}),
    ...(cancelAtMs !== undefined ? { cancelAtMs } : {}),
    ...(view.cursor !== undefined ? { cursor: view.cursor } : {}),
    ...(view.selection !== undefined ? { selection: view.selection } : {}),
    ...(paired !== undefined ? { pairedScenario: paired } : {}),
    ...(view.compare !== undefined ? { compare: view.compare } : {}),
  };
}
