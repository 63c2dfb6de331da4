// The path for the commonest large input: one /query answer (or `restate sql --json` array) of sys_journal rows,
// each invocation's rows together and in index order. The rows are parsed a chunk at a time (~2 MB of text), and
// each chunk's entries are built right away; the chunk's row objects then die young. A whole-text JSON.parse keeps
// all 100,000 row objects alive until the model is built: the garbage collector copies each of them (about half of
// that parse's time), and by the time the entries are built, the rows are scattered over the heap (bench/reader.bench.ts,
// docs/performance.md). Raw rows are parsed again from their chunk when the inspector shows one (lazy-row.ts).
// Each chunk is first read by the row scanner (row-scan.ts), which makes no object of a row at all; a chunk with a row
// of any other shape is parsed with JSON.parse, and both give the same entries (row-scan.test.ts).
//
// Anything unusual — several files, rows of other tables, unsorted or interleaved invocations, V1 rows, text after
// the array, any read error — returns null, and the general path (sources.ts, assemble.ts) reads the text from the
// start and reports what is wrong. Both paths give the same result (chunked-rows.test.ts).
import type { Journal, ReaderWarning, RestateRow, SourceFormat } from '../model';
import { exactPartitionKey, versionOf } from './assemble';
import { liteEntry, readV2Entry } from './entry-v2';
import { isCount } from './entry-values';
import { ReaderError } from './errors';
import type { PreparedText, ReaderLimits } from './input';
import { withFile } from './input';
import { JournalBuilder, indexGapWarning, isCommandRow } from './journal-builder';
import { LazyRawRow, RowChunk } from './lazy-row';
import type { RowRef, SourceRows } from './sources';
import { isObject } from './sources';
import { parseIsoMs } from './time';
import type { ByteOffsets } from './row-bytes';
import { setRowBytes } from './row-bytes';
import { ESCAPED_LITE } from './lite-scan';
import type { ScannedRow } from './row-scan';
import {
  APPENDED_AT,
  ENTRY_JSON,
  ID,
  INDEX,
  LITE_JSON,
  NAME,
  PARTITION_KEY,
  countOf,
  rowEnds,
  scanRows,
} from './row-scan';

/** Characters of row text per chunk. Measured (bench/reader.bench.ts, 57 MB export): 2 MB chunks 1.59× JSON.parse,
 *  512 KB 1.67×, a whole-text parse 1.73–1.8×. Showing a raw row re-parses its chunk (~10 ms, in the Worker; the last two chunks stay parsed). */
export const CHUNK_CHARS = 2 * 1024 * 1024;

/** Between two rows: `},{"` with optional whitespace (pretty-printed `restate sql --json`). Inside a string this can
 *  only be the string's last characters, and a chunk cut there does not parse: the next boundary is tried instead. */
const ROW_BOUNDARY = /\}[ \t\r\n]*,[ \t\r\n]*\{[ \t\r\n]*"/g;
/** Boundaries tried for one chunk before the general path takes over. */
const CUTS_MAX = 8;

export interface ChunkedRead {
  journals: Journal[];
  warnings: ReaderWarning[];
  /** Rows read by the row scanner from their text (the others were parsed): tests check which path read them. */
  scannedRows: number;
}

/** The rows of `prepared` read chunk by chunk; null when this path does not apply (the general path then reads it). */
export function readRowsChunked(
  text: string,
  prepared: PreparedText,
  format: SourceFormat,
  limits: ReaderLimits,
  file: string | undefined,
  onProgress?: (fraction: number) => void,
  chunkChars = CHUNK_CHARS,
): ChunkedRead | null {
  if (format !== 'restate-query' && format !== 'restate-sql-json') return null;
  const range = rowsRange(prepared.body, format);
  if (!range) return null;
  try {
    return new ChunkedReader(format, limits, file, prepared.warnings).read(
      prepared.body,
      range.start,
      range.end,
      chunkChars,
      onProgress,
    );
  } catch (error) {
    // A row the entry reader refuses: the general path reports it, with what it checks first.
    if (error instanceof ReaderError) return null;
    throw error;
  }
}

/** Where the rows of the array are: from after `[` (or `{"rows":[`) to its closing `]`, with nothing but space after. */
function rowsRange(body: string, format: SourceFormat): { start: number; end: number } | null {
  const head = format === 'restate-query' ? /^\{\s*"rows"\s*:\s*\[/.exec(body) : /^\[/.exec(body);
  if (!head) return null;
  // From the end by hand: a regular expression anchored at the end still scans the whole text for its first `]`.
  let end = lastNonSpace(body, body.length);
  if (format === 'restate-query') {
    if (body.charCodeAt(end) !== 125 /* } */) return null;
    end = lastNonSpace(body, end);
  }
  if (body.charCodeAt(end) !== 93 /* ] */ || end < head[0].length) return null;
  return { start: head[0].length, end };
}

/** The index of the last character before `before` that is not JSON whitespace (-1 when none). */
function lastNonSpace(text: string, before: number): number {
  let i = before - 1;
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(--i));
  return i;
}

/** The rows of one chunk, or null when the chunk is not a valid list of JSON values. */
export function parseChunk(chunk: string): unknown[] | null {
  try {
    return JSON.parse(`[${chunk}]`) as unknown[];
  } catch {
    return null;
  }
}

/** Builds journals from chunks of rows given in order (from one text here, or from a byte stream: stream.ts). */
export class ChunkedReader {
  private readonly journals: Journal[] = [];
  private readonly warnings: ReaderWarning[];
  private readonly source: SourceRows;
  private readonly seenIds = new Set<string>();
  // The journal being read.
  private id = '';
  private builder: JournalBuilder | null = null;
  private firstRow = 0;
  private firstIndex = 0;
  private lastIndex = -1;
  /** Exact partition_key digits of the current journal ('' not looked up yet; undefined: none needed). */
  private exactKey: string | undefined = '';
  // appended_at values often repeat: the last one and its time.
  private lastAppendedAt = '';
  private lastAppendedMs: number | null = null;
  /** Rows read so far (the next row's number). */
  private k = 0;
  /** Rows the scanner read without parsing them. */
  private scanned = 0;
  /** Byte offsets of the current journal's rows (when `recordBytes`: the stream reader gives each chunk's place). */
  recordBytes = false;
  private starts: number[] = [];
  private ends: number[] = [];
  /** Text of the chunk being read (an exact partition_key is looked up in it). */
  private chunkText = '';
  /** The last partition_key digits a scanned row had, and whether they are beyond 2^53. */
  private lastKey = '';
  private lastKeyUnsafe = false;

  constructor(
    format: SourceFormat,
    private readonly limits: ReaderLimits,
    private readonly file: string | undefined,
    warnings: ReaderWarning[],
  ) {
    this.warnings = [...warnings];
    this.source = {
      format,
      file,
      unit: 'row',
      text: '',
      journal: { rows: [], pos: [] },
      events: [],
      invocations: [],
      statuses: [],
      native: [],
      warnings: [],
    };
  }

  read(
    body: string,
    start: number,
    end: number,
    chunkChars: number,
    onProgress?: (fraction: number) => void,
  ): ChunkedRead | null {
    if (body.slice(start, end).trim() === '') return null;
    for (let a = start; a < end;) {
      let next = end;
      let rows: unknown = null;
      ROW_BOUNDARY.lastIndex = Math.min(a + chunkChars, end);
      // First the row scanner on the chunk up to the first boundary; a chunk it cannot read is parsed as before.
      const first = ROW_BOUNDARY.exec(body);
      let b = first && first.index < end ? first.index + 1 : end;
      const scanned = this.scanChunk(body.slice(a, b));
      if (scanned === false) return null;
      if (scanned) {
        onProgress?.((0.95 * (b - start)) / (end - start));
        a = b === end ? end : body.indexOf('{', b);
        continue;
      }
      ROW_BOUNDARY.lastIndex = Math.min(a + chunkChars, end);
      for (let cut = 0; rows === null; cut++) {
        if (cut >= CUTS_MAX) return null;
        const boundary = ROW_BOUNDARY.exec(body);
        b = boundary && boundary.index < end ? boundary.index + 1 : end;
        next = b === end ? end : body.indexOf('{', b);
        rows = parseChunk(body.slice(a, b));
        if (rows === null && b === end) return null;
      }
      if (!Array.isArray(rows) || !this.addChunk(rows, body.slice(a, b))) return null;
      onProgress?.((0.95 * (b - start)) / (end - start));
      a = next;
    }
    return this.finish();
  }

  /** The rows of one chunk (its text: the rows between the array's brackets); false when one needs the general path. */
  addChunk(rows: unknown[], text: string): boolean {
    const chunk = new RowChunk(text);
    this.chunkText = text;
    for (let i = 0; i < rows.length; i++, this.k++) {
      if (this.k >= this.limits.maxEntries || !this.addRow(rows[i], this.k, chunk, i)) return false;
      // A parsed chunk does not say where its rows are.
      if (this.recordBytes) this.recordRow(text, 0, 0, undefined);
    }
    return true;
  }

  /**
   * The rows of one chunk read from its text by the row scanner (row-scan.ts): null when a row does not have Restate's
   * shape (nothing was read: parse the chunk and call addChunk), false when one needs the general path, true when read.
   */
  scanChunk(text: string, offsets?: ByteOffsets): boolean | null {
    const rows = scanRows(text);
    if (rows === null) return null;
    const chunk = new RowChunk(text);
    this.chunkText = text;
    for (let i = 0; i < rows.length; i++, this.k++) {
      if (this.k >= this.limits.maxEntries || !this.addScannedRow(rows[i], this.k, chunk, i, rowEnds[i])) return false;
      if (this.recordBytes) this.recordRow(text, rows[i].index, rowEnds[i], offsets);
    }
    return true;
  }

  /** The byte offsets of the row just added, text[start, end) without the space around it (-1 when not known). */
  private recordRow(text: string, start: number, end: number, offsets: ByteOffsets | undefined): void {
    if (!offsets) {
      this.starts.push(-1);
      this.ends.push(-1);
      return;
    }
    let a = start;
    while (text.charCodeAt(a) !== 123 /* { */) a++;
    let b = end;
    while (text.charCodeAt(b - 1) !== 125 /* } */) b--;
    this.starts.push(offsets.at(a));
    this.ends.push(offsets.at(b));
  }

  /** Rows read so far. */
  get rowsRead(): number {
    return this.k;
  }

  finish(): ChunkedRead {
    this.finishJournal();
    return { journals: this.journals, warnings: this.warnings, scannedRows: this.scanned };
  }

  /**
   * The journal row k (invocation `id`, journal index `index`) belongs to: the current one, or a new one when the
   * invocation changes. Null when the row needs the general path: an invocation seen before (interleaved rows), or an
   * index that does not grow.
   */
  private journalOf(id: string, index: number, k: number): JournalBuilder | null {
    if (id !== this.id || this.builder === null) {
      if (this.seenIds.has(id)) return null;
      this.finishJournal();
      this.seenIds.add(id);
      this.id = id;
      this.builder = new JournalBuilder();
      this.firstRow = k;
      this.firstIndex = index;
      this.exactKey = '';
    } else if (index <= this.lastIndex) {
      return null;
    }
    this.lastIndex = index;
    return this.builder;
  }

  /** Row k (row i of `chunk`) → an entry of the current journal; false when the row needs the general path. */
  private addRow(value: unknown, k: number, chunk: RowChunk, i: number): boolean {
    if (!isObject(value)) return false;
    const row = value as RestateRow;
    if (!('index' in row || 'entry_type' in row || 'entry_lite_json' in row || 'entry_json' in row)) return false;
    const id = row.id;
    const index = row.index;
    if (typeof id !== 'string' || id === '' || !isCount(index)) return false;
    const builder = this.journalOf(id, index, k);
    if (builder === null) return false;
    const ref: RowRef = { row, pos: k, source: this.source };
    if (versionOf(ref) !== 2) return false;
    builder.version = 2;
    const entry = readV2Entry(ref, index, this.appendedAt(row.appended_at, k - this.firstRow, builder), builder.notes);
    if (!this.keyIsExact(row)) return false;
    // The entry keeps its place in the chunk, not the row object: the row can die now.
    entry.raw = new LazyRawRow(chunk, i, this.exactKey === '' ? undefined : this.exactKey);
    builder.add(entry, entry.kind === 'unknown' && isCommandRow(row));
    return true;
  }

  /**
   * A scanned row (row k, row i of `chunk`, ending at `end` in its text): what addRow does with the parsed row, read
   * from the captures. A row whose lite JSON is not one of the common shapes is parsed and given to addRow.
   */
  private addScannedRow(m: ScannedRow, k: number, chunk: RowChunk, i: number, end: number): boolean {
    // The entry is made before anything changes; it takes its place, time and raw row once those are known.
    const entry = liteEntry(ESCAPED_LITE, m[LITE_JSON], m[ENTRY_JSON], true, m[NAME] ?? '', null, 0, null);
    if (entry === null) return this.addRow(JSON.parse(chunk.text.slice(m.index, end)), k, chunk, i);
    const id = m[ID];
    const index = countOf(m[INDEX]);
    if (id === '') return false;
    const builder = this.journalOf(id, index, k);
    if (builder === null) return false;
    builder.version = 2;
    entry.index = index;
    entry.appendedAtMs = this.appendedAt(m[APPENDED_AT], k - this.firstRow, builder);
    // A key of 16 digits or more may be beyond 2^53 (JSON.parse would round it): its exact digits are kept.
    const key = m[PARTITION_KEY];
    if (key !== undefined && key.length > 15) {
      if (key !== this.lastKey) {
        this.lastKey = key;
        this.lastKeyUnsafe = !Number.isSafeInteger(Number(key));
      }
      if (this.lastKeyUnsafe) {
        if (this.exactKey === '') this.exactKey = exactPartitionKey(this.chunkText, this.id);
        if (this.exactKey === undefined) return false;
      }
    }
    entry.raw = new LazyRawRow(chunk, i, this.exactKey === '' ? undefined : this.exactKey);
    builder.add(entry, false);
    this.scanned++;
    return true;
  }

  /** appended_at in epoch ms (null when absent); marks the journal's first unreadable one, as the general path does. */
  private appendedAt(value: unknown, k: number, builder: JournalBuilder): number | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      if (builder.badTime < 0) builder.badTime = k;
      return null;
    }
    if (value !== this.lastAppendedAt) {
      this.lastAppendedAt = value;
      this.lastAppendedMs = parseIsoMs(value);
    }
    if (this.lastAppendedMs === null && builder.badTime < 0) builder.badTime = k;
    return this.lastAppendedMs;
  }

  /** A partition_key beyond 2^53 can be given exactly (its digits next to the id in the text); false otherwise. */
  private keyIsExact(row: RestateRow): boolean {
    const key = row.partition_key;
    if (typeof key !== 'number' || Number.isSafeInteger(key)) return true;
    if (this.exactKey === '') this.exactKey = exactPartitionKey(this.chunkText, this.id);
    return this.exactKey !== undefined;
  }

  private finishJournal(): void {
    const builder = this.builder;
    if (!builder) return;
    const firstRow = this.firstRow;
    const locate = (k: number, field?: string) =>
      withFile(field ? { row: firstRow + k, field } : { row: firstRow + k }, this.file);
    const gap = indexGapWarning(this.id, builder.entries.length, this.firstIndex, this.lastIndex, locate(0));
    if (gap) this.warnings.push(gap);
    const journal = builder.finish(this.id, this.warnings, locate);
    this.journals.push(journal);
    if (this.recordBytes) {
      setRowBytes(journal, this.starts, this.ends);
      this.starts = [];
      this.ends = [];
    }
    this.builder = null;
  }
}
