// A journal file read as a stream of bytes (File.stream() in the engine Worker, a read stream in the CLI): the whole
// text is never one string, so files beyond V8's longest string (~512 MiB of text; a 1,000,000-entry /query export
// is ~460 MB) can be read. The commonest large input, one /query answer or `restate sql --json` array of sys_journal
// rows in index order, is cut into ~2 MB chunks at row boundaries found in the BYTES (the boundary `},{"` is ASCII, and
// no byte of a multi-byte UTF-8 sequence is ASCII, so a cut never splits a character); each chunk is decoded strictly
// and handed to the same ChunkedReader the text path uses (chunked-rows.ts).
//
// Anything else (other formats, several invocations out of order, an error) goes to the general path over the whole
// bytes when the file is at most `wholeTextMaxBytes` (256 MiB: the text path's limit), so small files give exactly
// the result and error they gave before. Above that the stream's own error is thrown, with the row and field.
import type { SourceFormat } from '../model';
import { binarySignatureError, invalidUtf8Error } from './bytes';
import { CHUNK_CHARS, ChunkedReader, parseChunk } from './chunked-rows';
import { ReaderError } from './errors';
import { ByteOffsets } from './row-bytes';
import type { ReadOptions, ReadResult } from './read-types';
import type { ReaderLimits } from './input';
import { DEFAULT_LIMITS, jsonError, lineOf, withFile } from './input';
import { outcomeFromOutput } from './assemble';

/** A file that can be read (again) as a stream of byte chunks. */
export interface ByteSource {
  /** Total bytes when known (progress, the size check). */
  size?: number;
  /** A fresh stream of the bytes from the start; called a second time when the general path takes over. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface StreamReadOptions extends ReadOptions {
  /** Files up to this size go to the general path when the stream path does not apply (default 256 MiB). */
  wholeTextMaxBytes?: number;
  /** Bytes per chunk handed to the row parser (tests use small chunks to cross many boundaries). */
  chunkBytes?: number;
}

export const WHOLE_TEXT_MAX_BYTES = 256 * 1024 * 1024;

/** Why the stream path stopped: the general path can read it (small file), or this error is the answer (large file). */
class NotStreamable extends Error {
  constructor(readonly error: ReaderError) {
    super(error.message);
  }
}

type WholeRead = (bytes: Uint8Array, options: ReadOptions) => ReadResult;

/**
 * Reads `source` as a stream; `readWhole` is the general path over all the bytes (index.ts passes readJournalBytes,
 * which this module cannot import without a cycle).
 */
export async function readStreamWith(
  source: ByteSource,
  options: StreamReadOptions,
  readWhole: WholeRead,
): Promise<ReadResult> {
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const file = options.fileName || undefined;
  const wholeMax = Math.min(options.wholeTextMaxBytes ?? WHOLE_TEXT_MAX_BYTES, limits.maxChars);
  if (source.size !== undefined && source.size > limits.maxBytes) {
    throw new ReaderError(
      'TOO_LARGE',
      withFile({ offset: limits.maxBytes }, file),
      `${source.size} bytes, the limit is ${limits.maxBytes}`,
    );
  }
  try {
    return await new StreamRows(limits, file, options, source.size).read(source.chunks());
  } catch (error) {
    if (!(error instanceof NotStreamable)) throw error;
    const size = source.size;
    if (size !== undefined && size > wholeMax) throw error.error;
    const bytes = await collect(source.chunks(), wholeMax, file);
    if (bytes === null) throw error.error;
    return readWhole(bytes, { ...options, limits: { ...options.limits, maxBytes: Math.max(limits.maxBytes, 1) } });
  }
}

/** All the bytes, or null when there are more than `max`. */
async function collect(chunks: AsyncIterable<Uint8Array>, max: number, file?: string): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of chunks) {
    total += part.length;
    if (total > max) return null;
    parts.push(part);
  }
  if (total === 0) throw new ReaderError('EMPTY_INPUT', withFile({ offset: 0 }, file), '0 bytes');
  return concat(parts, total);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Boundaries tried for one chunk before the text is called invalid (as chunked-rows.ts). */
const CUTS_MAX = 8;

const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;
const QUERY_HEAD = /^\{\s*"rows"\s*:\s*\[/;

/** The rows of a /query or sql --json byte stream, chunk by chunk. */
class StreamRows {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private reader: ChunkedReader | null = null;
  private format: SourceFormat = 'restate-query';
  /** Bytes and characters consumed before the pending buffer, and the lines they held. */
  private byteBase = 0;
  private charBase = 0;
  private linesBefore = 0;

  constructor(
    private readonly limits: ReaderLimits,
    private readonly file: string | undefined,
    private readonly options: StreamReadOptions,
    private readonly size: number | undefined,
  ) {}

  async read(chunks: AsyncIterable<Uint8Array>): Promise<ReadResult> {
    const chunkBytes = Math.max(16, this.options.chunkBytes ?? CHUNK_CHARS);
    const pending = new PendingBytes();
    let started = false;
    for await (const part of chunks) {
      pending.append(part);
      if (!started && pending.length < 4096) continue;
      if (started && pending.length < chunkBytes) continue;
      if (!started) {
        pending.keep(this.start(pending.view()));
        started = true;
      }
      pending.keep(this.cutRows(pending.view(), chunkBytes, false));
    }
    if (!started) {
      if (pending.length === 0) throw new ReaderError('EMPTY_INPUT', withFile({ offset: 0 }, this.file), '0 bytes');
      pending.keep(this.start(pending.view()));
    }
    this.cutRows(pending.view(), chunkBytes, true);
    const reader = this.reader!;
    if (reader.rowsRead === 0) this.notStreamable('NO_JOURNAL_ROWS', { field: 'sys_journal' }, 'no rows at all');
    const { journals, warnings } = reader.finish();
    for (const journal of journals) {
      const outcome = outcomeFromOutput(journal.entries);
      if (outcome) journal.completionResult = outcome;
    }
    this.options.onProgress?.(1);
    return { format: this.format, journals, warnings };
  }

  /** Checks the first bytes and skips to the first row; returns the bytes from there. */
  private start(head: Uint8Array): Uint8Array {
    const binary = binarySignatureError(head, this.file);
    if (binary) throw binary;
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
      this.notStreamable('BINARY_INPUT', { offset: 0 }, 'UTF-16 text is read whole');
    let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (at < head.length && isSpace(head[at])) at++;
    // The opening is ASCII: its characters are its bytes.
    const opening = String.fromCharCode(...head.subarray(at, Math.min(head.length, at + 64)));
    const query = QUERY_HEAD.exec(opening);
    if (query) this.format = 'restate-query';
    else if (opening.startsWith('[')) this.format = 'restate-sql-json';
    else this.notStreamable('UNKNOWN_FORMAT', { line: 1 }, 'not a /query answer or a `restate sql --json` array');
    const skip = at + (query ? query[0].length : 1);
    const skipped = this.decode(head.subarray(0, skip));
    this.byteBase = skip;
    this.charBase = skipped.length;
    this.linesBefore = lineOf(skipped, skipped.length) - 1;
    this.reader = new ChunkedReader(this.format, this.limits, this.file, []);
    this.reader.recordBytes = true;
    return head.subarray(skip);
  }

  /**
   * Reads the rows in `bytes` in chunks of about `chunkBytes`, up to the last row boundary in them; returns the bytes
   * left for later (none when `last`). Reading up to the last boundary leaves only a part of a row for later, so the
   * bytes are copied once, not again with the next piece.
   */
  private cutRows(bytes: Uint8Array, chunkBytes: number, last: boolean): Uint8Array {
    let a = 0;
    const lastCut = last ? -1 : lastRowBoundary(bytes, a);
    while (true) {
      if (!last && lastCut < a) return bytes.subarray(a);
      let read = false;
      let b = a + chunkBytes;
      let text = '';
      for (let cut = 0; !read; cut++) {
        // A boundary inside a string does not parse: try the next ones; eight failures in a row are a syntax error.
        if (cut === CUTS_MAX) this.syntaxError(text);
        const boundary = cut === 0 && lastCut >= a && b > lastCut ? lastCut : rowBoundary(bytes, b);
        if (boundary < 0) return last ? this.lastChunk(bytes.subarray(a)) : bytes.subarray(a);
        text = this.decode(bytes.subarray(a, boundary + 1));
        b = boundary + 1;
        read = this.addRows(text, cut === 0, boundary + 1 - a);
      }
      const next = bytes.indexOf(123 /* { */, b);
      // Between the chunk and the next row: `,` and JSON space, ASCII (one character per byte).
      this.byteBase += next - a;
      this.charBase += text.length + (next - b);
      this.linesBefore += countNewlines(text) + countNewlineBytes(bytes.subarray(b, next));
      a = next;
      this.progress();
    }
  }

  /** The rows before the closing `]` (and `}`), with nothing but space after; empty: an empty array. */
  private lastChunk(bytes: Uint8Array): Uint8Array {
    let end = bytes.length;
    while (end > 0 && isSpace(bytes[end - 1])) end--;
    if (this.format === 'restate-query') {
      if (bytes[end - 1] !== 125 /* } */) return this.truncated(bytes);
      end--;
      while (end > 0 && isSpace(bytes[end - 1])) end--;
    }
    if (bytes[end - 1] !== 93 /* ] */) return this.truncated(bytes);
    const text = this.decode(bytes.subarray(0, end - 1));
    if (text.trim() === '') return bytes.subarray(0, 0);
    if (!this.addRows(text, true, end - 1)) this.syntaxError(text);
    this.byteBase += bytes.length;
    return bytes.subarray(0, 0);
  }

  /** The rows of a chunk's text: scanned (row-scan.ts) when `scan` and they have Restate's shape, else parsed; false
   *  when the text does not parse (nothing was read). */
  private addRows(text: string, scan: boolean, byteLength: number): boolean {
    const reader = this.reader!;
    const first = reader.rowsRead;
    let ok: boolean;
    try {
      const offsets = new ByteOffsets(text, this.byteBase, text.length === byteLength);
      const scanned = scan ? reader.scanChunk(text, offsets) : null;
      if (scanned === null) {
        const rows = parseChunk(text);
        if (rows === null) return false;
        ok = reader.addChunk(rows, text);
      } else {
        ok = scanned;
      }
    } catch (error) {
      if (error instanceof ReaderError) throw new NotStreamable(error);
      throw error;
    }
    if (ok) return true;
    const row = reader.rowsRead;
    if (row >= this.limits.maxEntries)
      this.notStreamable('TOO_LARGE', { row }, `more than ${this.limits.maxEntries} entries`);
    this.notStreamable(
      'TOO_LARGE',
      { row: row > first ? row : first },
      'above 256 MiB only one /query or `restate sql --json` export of sys_journal rows (version 2), each invocation’s rows together and in index order, is read',
    );
  }

  /** A chunk that does not parse at any of its row boundaries, or the text after the last: where JSON.parse stopped. */
  private syntaxError(text: string): never {
    try {
      JSON.parse(`[${text}]`);
    } catch (error) {
      const at = jsonError(error, `[${text}]`, this.charBase - 1, this.file);
      const location = at.location;
      if (location.line !== undefined) location.line += this.linesBefore;
      location.row =
        (this.reader?.rowsRead ?? 0) + rowsBefore(text, (location.offset ?? this.charBase) - this.charBase);
      throw new NotStreamable(at);
    }
    throw new NotStreamable(new ReaderError('NOT_JSON', withFile({ offset: this.charBase }, this.file)));
  }

  private truncated(bytes: Uint8Array): never {
    const text = this.decode(bytes);
    const location = withFile(
      { offset: this.charBase + text.length, row: (this.reader?.rowsRead ?? 0) + rowsBefore(text, text.length) },
      this.file,
    );
    throw new NotStreamable(new ReaderError('TRUNCATED', location, 'the rows array does not close'));
  }

  /** Strict UTF-8 of bytes that start at `byteBase`: a bad byte is BINARY_INPUT at its offset in the file. */
  private decode(bytes: Uint8Array): string {
    // The lenient decoder is about twice as fast (Node 20); every invalid sequence becomes U+FFFD, so text without one
    // was valid UTF-8 and is what the strict decoder gives. Text with one is decoded again, strictly.
    const text = this.lenient.decode(bytes);
    if (text.indexOf('\uFFFD') < 0) return text;
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw invalidUtf8Error(bytes, this.byteBase, this.file);
    }
  }

  private progress(): void {
    if (this.size) this.options.onProgress?.(Math.min(0.95, (0.95 * this.byteBase) / this.size));
  }

  private notStreamable(code: ReaderError['code'], location: ReaderError['location'], detail: string): never {
    throw new NotStreamable(new ReaderError(code, withFile(location, this.file), detail));
  }
}

/** The first row boundary `}` ws `,` ws `{` ws `"` at or after `from`: the index of its `}`, or -1. */
function rowBoundary(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(125 /* } */, from); i >= 0; i = bytes.indexOf(125, i + 1)) {
    const at = boundaryAt(bytes, i);
    if (at !== 0) return at > 0 ? i : -1;
  }
  return -1;
}

/** The last row boundary whose `}` is at or after `from` (its index), or -1. */
function lastRowBoundary(bytes: Uint8Array, from: number): number {
  for (let i = bytes.lastIndexOf(125 /* } */); i >= from; i = i > 0 ? bytes.lastIndexOf(125, i - 1) : -1) {
    if (boundaryAt(bytes, i) > 0) return i;
  }
  return -1;
}

/** Whether the `}` at `i` starts a row boundary: 1 yes, 0 no, -1 the bytes end before it can be told. */
function boundaryAt(bytes: Uint8Array, i: number): number {
  let j = i + 1;
  while (j < bytes.length && isSpace(bytes[j])) j++;
  if (bytes[j] !== 44 /* , */) return j < bytes.length ? 0 : -1;
  j++;
  while (j < bytes.length && isSpace(bytes[j])) j++;
  if (bytes[j] !== 123 /* { */) return j < bytes.length ? 0 : -1;
  j++;
  while (j < bytes.length && isSpace(bytes[j])) j++;
  if (j >= bytes.length) return -1;
  return bytes[j] === 34 /* " */ ? 1 : 0;
}

/** The bytes not read yet, in one buffer reused from chunk to chunk: a new buffer for each chunk is memory outside the
 *  JavaScript heap, and allocating ~100 MB of it per read made V8 run full garbage collections. */
class PendingBytes {
  private buffer = new Uint8Array(0);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(part: Uint8Array): void {
    const length = this.end - this.start;
    if (this.end + part.length > this.buffer.length) {
      if (length + part.length <= this.buffer.length) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(2 * this.buffer.length, length + part.length));
        grown.set(this.buffer.subarray(this.start, this.end));
        this.buffer = grown;
      }
      this.start = 0;
      this.end = length;
    }
    this.buffer.set(part, this.end);
    this.end += part.length;
  }

  /** The pending bytes (valid until the next append). */
  view(): Uint8Array {
    return this.buffer.subarray(this.start, this.end);
  }

  /** Keeps only `rest`, the end of view(). */
  keep(rest: Uint8Array): void {
    this.start = this.end - rest.length;
  }
}

/** Row separators (`},{`) before `offset` in the rows text: how many rows precede it. */
function rowsBefore(text: string, offset: number): number {
  let count = 0;
  const re = /\}[ \t\r\n]*,[ \t\r\n]*\{/g;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) count++;
  return count;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function countNewlineBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
