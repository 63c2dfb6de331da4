// The view file: what "Copy link" offers to download when the link would be too long. It holds the same view as a
// share link ({"format":"replay-inspector/view","version":1,"view":{...}}, docs/hosting.md) and restores it when
// opened with "Open journal". The journal reader does not know this format: the UI loader detects it first.
import { ShareLinkError, validateShareState, type ShareState } from './link-codec';
import { shareStateFromView, viewFromShareState } from './view-link';
import { VIEW_FORMAT } from './view-file-format';
import type { ViewState } from './view-state';

export { looksLikeViewFile, VIEW_FORMAT } from './view-file-format';

export interface ViewFile {
  format: typeof VIEW_FORMAT;
  version: 1;
  view: ShareState;
}

export function toViewFileText(state: ShareState): string {
  const file: ViewFile = { format: VIEW_FORMAT, version: 1, view: validateShareState(state) };
  return JSON.stringify(file, null, 1);
}

/** Reads a view file; throws ShareLinkError (stable code, plain message) on anything wrong. */
export function parseViewFile(text: string): ShareState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ShareLinkError('LINK_BAD_DATA', 'The view file is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== VIEW_FORMAT) {
    throw new ShareLinkError(
      'LINK_BAD_DATA',
      `The file is not a Replay Inspector view file (format "${VIEW_FORMAT}").`,
    );
  }
  const file = value as { version?: unknown; view?: unknown };
  if (file.version !== 1)
    throw new ShareLinkError(
      'LINK_UNSUPPORTED_VERSION',
      `The view file has version ${JSON.stringify(file.version ?? null)}; this app reads version 1.`,
    );
  return validateShareState(file.view);
}

/** A view file for a view (the same content a full link carries). */
export function viewFileText(view: ViewState): string {
  return toViewFileText(shareStateFromView(view));
}

/** Reads a view file into the view schema; throws ShareLinkError (stable code, plain message) on anything wrong. */
export function readViewFile(text: string): ViewState {
  return viewFromShareState(parseViewFile(text));
}
