// The first rows of a large file while the rest still reads (issue 15). Before the engine Worker reads a large picked
// file whole, it reads only its first bytes (previewBytesFor), closes the rows array after the last whole row and reads that
// small text with the ordinary reader: the page can show those entries (and their futures) within a few tens of
// milliseconds, and the full run replaces them when it is read. The partial run is a preview only: anything unusual
// (another format, a cut inside a string, a reader error) gives no preview, and the full read alone decides the
// result or the error (with its stable code and location), exactly as without a preview.
import type { ReadOutput } from '../../run/assemble';
import type { RunResult } from '../../run/loaded-run';

/** Files smaller than this are read whole fast enough that a preview would only cost time. */
export const PARTIAL_MIN_BYTES = 2 * 1024 * 1024;
/** How much of a large file the preview reads: ~2,000 entries of a Restate /query export (~450 bytes a row). */
export const PREFIX_BYTES = 1024 * 1024;
/** Files below this size get a smaller preview: ~140 entries, more lanes than a screen shows (issue 15). */
export const SMALL_PREFIX_BELOW_BYTES = 4 * 1024 * 1024;
export const SMALL_PREFIX_BYTES = 64 * 1024;

/**
 * How many bytes the preview of a file of `size` bytes reads, or 0 for none. A mid-sized file (the real 7,000-entry
 * bundle is 3.1 MB) is read whole in ~100 ms on a fresh Worker; its first 64 KiB take a few ms, so its first
 * lanes show while the rest reads instead of after it.
 */
export function previewBytesFor(size: number): number {
  if (size < PARTIAL_MIN_BYTES) return 0;
  return size < SMALL_PREFIX_BELOW_BYTES ? SMALL_PREFIX_BYTES : PREFIX_BYTES;
}
/** Row boundaries tried from the end of the prefix before giving up (a `},{"` may sit inside a string). */
const CUTS_MAX = 4;

export interface ExportPrefix {
  /** The prefix as a whole export: the rows up to the cut, then the array (and object) closed. */
  text: string;
  /** Bytes of the file the text covers (for the estimate of the whole file's entries). */
  bytes: number;
}

export interface PartialRun {
  result: RunResult;
  /** Entries in the partial run. */
  entriesRead: number;
  /** The whole file's entries, estimated from the prefix's bytes per entry. */
  entriesEstimate: number;
}

const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;
const QUERY_HEAD = /^\{\s*"rows"\s*:\s*\[/;
/** `replay-inspector export` writes the format first and sys_journal as the first table (src/cli, docs/journal-format.md). */
const BUNDLE_HEAD = /^\{\s*"format"\s*:\s*"replay-inspector\/bundle"/;

/**
 * The candidate prefixes of a /query answer, a `restate sql --json` array or a bundle, last row boundary first; none for
 * another format. A boundary `}` ws `,` ws `{` ws `"` is ASCII, and no byte of a multi-byte UTF-8 character is, so a
 * cut never splits a character. A bundle's cut closes the table it falls in and the bundle: usually sys_journal, whose
 * rows come first; a cut in a later table keeps every journal row (the reader checks the rest).
 */
export function* exportPrefixes(head: Uint8Array): Generator<ExportPrefix> {
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && isSpace(head[at])) at++;
  const opening = String.fromCharCode(...head.subarray(at, Math.min(head.length, at + 64)));
  const closing = QUERY_HEAD.test(opening) || BUNDLE_HEAD.test(opening) ? ']}' : opening.startsWith('[') ? ']' : null;
  if (closing === null) return;
  const decoder = new TextDecoder();
  let from = head.length - 1;
  for (let tried = 0; tried < CUTS_MAX; tried++) {
    const boundary = lastRowBoundary(head, from);
    if (boundary < 0) return;
    yield { text: decoder.decode(head.subarray(0, boundary + 1)) + closing, bytes: boundary + 1 };
    from = boundary - 1;
  }
}

/** The last row boundary whose `}` is at or before `from`: the index of that `}`, or -1. */
function lastRowBoundary(bytes: Uint8Array, from: number): number {
  for (let i = bytes.lastIndexOf(125 /* } */, from); i > 0; i = bytes.lastIndexOf(125, i - 1)) {
    let j = i + 1;
    while (j < bytes.length && isSpace(bytes[j])) j++;
    if (bytes[j++] !== 44 /* , */) continue;
    while (j < bytes.length && isSpace(bytes[j])) j++;
    if (bytes[j++] !== 123 /* { */) continue;
    while (j < bytes.length && isSpace(bytes[j])) j++;
    if (bytes[j] === 34 /* " */) return i;
  }
  return -1;
}

/**
 * The partial run of a file's first bytes, or null when there is none to show. `read` is the reader over a whole
 * text and `assemble` makes the run (runFromRead); either may throw, which means no preview.
 */
export function partialRunOf(
  head: Uint8Array,
  fileSize: number,
  read: (text: string) => ReadOutput,
  assemble: (out: ReadOutput) => RunResult,
): PartialRun | null {
  for (const prefix of exportPrefixes(head)) {
    let result: RunResult;
    try {
      const out = read(prefix.text);
      // Several invocations in the first megabyte: the full read decides which one is shown.
      if (out.journals.length !== 1) return null;
      result = assemble(out);
    } catch {
      continue;
    }
    const entriesRead = result.journal.entries.length;
    if (entriesRead === 0) return null;
    const entriesEstimate = Math.max(entriesRead, Math.round((entriesRead * fileSize) / prefix.bytes));
    return { result, entriesRead, entriesEstimate };
  }
  return null;
}
