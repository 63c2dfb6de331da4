// How a view file is recognised: its format tag near the start. Its own module so that opening a dropped file can
// tell a view file from a journal without loading the view-file reader (and the link codec behind it).
export const VIEW_FORMAT = 'replay-inspector/view';

/** Cheap check on the start of a file, so journals of any size are not parsed twice. */
export function looksLikeViewFile(text: string): boolean {
  const head = text.slice(0, 400);
  return /^\s*\{/.test(head) && /"format"\s*:\s*"replay-inspector\/view"/.test(head);
}
