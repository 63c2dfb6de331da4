// The fast path for the commonest large input: a /query answer (or a `restate sql --json` array) of version-2
// sys_journal rows, flat objects, each invocation's rows together and in index order. It reads the text once without
// JSON.parse: a whole-text JSON.parse builds 100,000 row objects of a dozen fields each, and that (with the garbage
// collection it causes) cost more than the rest of the reader. Here each row becomes its Entry directly; the raw row
// and payloads stay in the text until someone looks at them (lazy-row.ts, lazy-payload.ts).
//
// The scan validates what it reads exactly as JSON.parse would (string escapes and control characters, number syntax,
// structure). Anything it does not expect — nested values, unsorted or interleaved rows, V1 rows, trailing text, a
// read error — makes it return null, and the general path reads the text from the start and reports any error.
import type { Journal, ReaderWarning, SourceFormat } from '../model';
import type { Entry } from '../model';
import { readV2Entry } from './entry-v2';
import { ReaderError } from './errors';
import type { PreparedText, ReaderLimits } from './input';
import { withFile } from './input';
import { JournalBuilder, indexGapWarning, isCommandRow } from './journal-builder';
import { LazyRawRow } from './lazy-row';
import type { LiteRow } from './lite-entry';
import { liteEntry } from './lite-entry';
import { ESCAPED } from './lite-scan';
import type { RowRef, SourceRows } from './sources';
import { parseIsoIn } from './time';

/** The rest of a JSON string after its opening quote, through the closing one (unrolled: no catastrophic backtracking).
 *  Control characters are what JSON forbids unescaped in strings, hence their range in the classes. */
// eslint-disable-next-line no-control-regex
const STRING_REST = /[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Remembered values: literals up to this length, for keys whose value was wrong fewer than this many times. */
const VALUE_LENGTH_MAX = 64;
const VALUE_MISSES_MAX = 32;

/** How often (in rows) progress is reported. */
const PROGRESS_ROWS = 4096;

// The columns read, as bits: each marks a column seen in the current row (a repeated one sends the text to JSON.parse,
// which keeps the last). OTHER is any other column (skipped).
const OTHER = 0;
const ID = 1;
const INDEX = 2;
const VERSION = 4;
const NAME = 8;
const LITE = 16;
const JSON_COL = 32;
const APPENDED = 64;
const PARTITION = 128;
const ENTRY_TYPE = 256;

/** Where the current row's values are (literal ranges include the quotes; -1: absent or null; -2: another type). */
class RowScan {
  start = 0;
  end = 0;
  seen = 0;
  idStart = 0;
  idEnd = 0;
  indexStart = 0;
  indexEnd = 0;
  versionStart = -1;
  versionEnd = -1;
  nameStart = -1;
  nameEnd = -1;
  liteStart = -1;
  liteEnd = -1;
  jsonStart = -1;
  jsonEnd = -1;
  appendedStart = -1;
  appendedEnd = -1;

  reset(start: number): void {
    this.start = start;
    this.seen = 0;
    this.versionStart = this.nameStart = this.liteStart = this.jsonStart = this.appendedStart = -1;
  }
}

/** The escaped LiteRow of the current row: its LazyRawRow also locates entry_json for the lazy payload. */
class TextLiteRow implements LiteRow {
  raw: LazyRawRow | undefined = undefined;
  name = '';

  entryJson(): LazyRawRow | undefined {
    return this.raw !== undefined && this.raw.jsonStart >= 0 ? this.raw : undefined;
  }
}

export interface FastRead {
  journals: Journal[];
  warnings: ReaderWarning[];
}

/**
 * Reads `prepared` (a /query or sql --json text) on the fast path; null when this path does not apply. Never throws:
 * whatever would be an error is left to the general path, which finds and reports it.
 */
export function readRowsFast(prepared: PreparedText, format: SourceFormat, limits: ReaderLimits, file: string | undefined, onProgress?: (fraction: number) => void): FastRead | null {
  if (format !== 'restate-query' && format !== 'restate-sql-json') return null;
  try {
    return new FastRowReader(prepared, format, limits, file, onProgress).read();
  } catch (error) {
    // ReaderError from a row read by the general entry reader, or a regular-expression stack overflow on a
    // pathological string: the general path gives the authoritative answer.
    if (error instanceof ReaderError || error instanceof RangeError) return null;
    throw error;
  }
}

class FastRowReader {
  private readonly text: string;
  private p = 0;
  private readonly row = new RowScan();
  private readonly liteRow: TextLiteRow;
  private readonly source: SourceRows;
  private readonly journals: Journal[] = [];
  private readonly warnings: ReaderWarning[];
  private readonly seenIds = new Set<string>();
  // Keys met so far, by number (0: the start of a row): their literal (`"index":`), column, and the keys that followed
  // them (rows of one export repeat a few column orders, so the next key is almost always one of these).
  private readonly keyLiterals: string[] = [''];
  private readonly keyColumns: number[] = [OTHER];
  private readonly keyNumbers = new Map<string, number>();
  private readonly followers: number[][] = [[]];
  // By key number: the last string value (a validated literal) and how often predicting it failed.
  private readonly lastValues: (string | undefined)[] = [];
  private readonly valueMisses: number[] = [];
  // The journal being read.
  private id = '';
  private builder: JournalBuilder | null = null;
  private firstRow = 0;
  private firstIndex = 0;
  private lastIndex = -1;

  constructor(prepared: PreparedText, private readonly format: SourceFormat, private readonly limits: ReaderLimits, private readonly file: string | undefined, private readonly onProgress?: (fraction: number) => void) {
    this.text = prepared.body;
    this.liteRow = new TextLiteRow();
    this.warnings = [...prepared.warnings];
    this.source = { format, file, unit: 'row', text: prepared.body, journal: { rows: [], pos: [] }, events: [], invocations: [], statuses: [], native: [], warnings: [] };
  }

  read(): FastRead | null {
    const t = this.text;
    this.skipSpace();
    if (this.format === 'restate-query') {
      if (t.charCodeAt(this.p) !== 123 /* { */) return null;
      this.p++;
      this.skipSpace();
      if (!t.startsWith('"rows"', this.p)) return null;
      this.p += 6;
      this.skipSpace();
      if (t.charCodeAt(this.p) !== 58 /* : */) return null;
      this.p++;
      this.skipSpace();
    }
    if (t.charCodeAt(this.p) !== 91 /* [ */) return null;
    this.p++;
    this.skipSpace();
    let k = 0;
    if (t.charCodeAt(this.p) !== 93 /* ] */) {
      for (;;) {
        if (k >= this.limits.maxEntries || !this.scanRow() || !this.addRow(k)) return null;
        k++;
        if (k % PROGRESS_ROWS === 0) this.onProgress?.((0.95 * this.p) / t.length);
        this.skipSpace();
        const c = t.charCodeAt(this.p++);
        if (c === 93 /* ] */) break;
        if (c !== 44 /* , */) return null;
        this.skipSpace();
      }
    } else this.p++;
    if (k === 0) return null;
    if (this.format === 'restate-query') {
      this.skipSpace();
      if (t.charCodeAt(this.p++) !== 125 /* } */) return null;
    }
    this.skipSpace();
    if (this.p !== t.length) return null;
    this.onProgress?.(0.95);
    this.finishJournal();
    return { journals: this.journals, warnings: this.warnings };
  }

  private skipSpace(): void {
    const t = this.text;
    let c = t.charCodeAt(this.p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.p);
  }

  /** One flat row object at p into this.row; false when it is not one. */
  private scanRow(): boolean {
    const t = this.text;
    const row = this.row;
    if (t.charCodeAt(this.p) !== 123 /* { */) return false;
    row.reset(this.p);
    this.p++;
    this.skipSpace();
    if (t.charCodeAt(this.p) === 125 /* } */) return false;
    const literals = this.keyLiterals;
    for (let previous = 0; ;) {
      // Try the keys that followed the previous one before (each checked whole, `"name":`); read and identify the key
      // only when none matches.
      const followers = this.followers[previous];
      let key = -1;
      for (let f = 0; f < followers.length; f++) {
        const candidate = followers[f];
        if (t.startsWith(literals[candidate], this.p)) {
          key = candidate;
          this.p += literals[candidate].length;
          break;
        }
      }
      if (key < 0) {
        key = this.readKey(previous);
        if (key < 0) return false;
      }
      previous = key;
      const column = this.keyColumns[key];
      this.skipSpace();
      const valueStart = this.p;
      const c = t.charCodeAt(valueStart);
      let isString = false;
      if (c === 34 /* " */) {
        // Many columns repeat their value (id, entry_type, name): a copy of the last one, validated then, needs no
        // second validation. Others (times, raw bytes) stop being remembered after a run of misses.
        const last = this.lastValues[key];
        if (last !== undefined && t.startsWith(last, valueStart)) {
          this.p = valueStart + last.length;
        } else {
          STRING_REST.lastIndex = valueStart + 1;
          if (!STRING_REST.test(t)) return false;
          this.p = STRING_REST.lastIndex;
          this.remember(key, valueStart);
        }
        isString = true;
      } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
        if (!this.skipNumber()) return false;
      } else if (c === 110 /* n */) {
        if (!t.startsWith('null', valueStart)) return false;
        this.p += 4;
      } else if (c === 116 /* t */) {
        if (!t.startsWith('true', valueStart)) return false;
        this.p += 4;
      } else if (c === 102 /* f */) {
        if (!t.startsWith('false', valueStart)) return false;
        this.p += 5;
      } else return false;
      if (column !== OTHER && !this.keep(column, valueStart, this.p, isString)) return false;
      this.skipSpace();
      const next = t.charCodeAt(this.p++);
      if (next === 125 /* } */) break;
      if (next !== 44 /* , */) return false;
      this.skipSpace();
    }
    row.end = this.p;
    return true;
  }

  /** Keeps the string literal just read as the likely next value of `key`, unless that has kept failing. */
  private remember(key: number, start: number): void {
    const misses = this.valueMisses[key] ?? 0;
    if (misses >= VALUE_MISSES_MAX || this.p - start > VALUE_LENGTH_MAX) return;
    this.valueMisses[key] = this.lastValues[key] === undefined ? misses : misses + 1;
    this.lastValues[key] = this.text.slice(start, this.p);
  }

  /** A key at p (through its colon); its number (learnt as a follower of `previous`), or -1 when it is not a plain key. */
  private readKey(previous: number): number {
    const t = this.text;
    if (t.charCodeAt(this.p) !== 34 /* " */) return -1;
    const keyStart = this.p + 1;
    const keyEnd = t.indexOf('"', keyStart);
    if (keyEnd < 0) return -1;
    for (let i = keyStart; i < keyEnd; i++) {
      const c = t.charCodeAt(i);
      if (c === 92 /* \ */ || c < 32) return -1;
    }
    this.p = keyEnd + 1;
    this.skipSpace();
    if (t.charCodeAt(this.p) !== 58 /* : */) return -1;
    this.p++;
    // A key with space before its colon is read this way every time (its literal is never tried): one number per column.
    const column = columnOf(t, keyStart, keyEnd - keyStart);
    const literal = this.p === keyEnd + 2 ? t.slice(keyStart - 1, this.p) : null;
    const name = literal ?? `\u0000${column}`;
    let key = this.keyNumbers.get(name);
    if (key === undefined) {
      key = this.keyLiterals.length;
      this.keyLiterals.push(literal ?? '\u0000');
      this.keyColumns.push(column);
      this.followers.push([]);
      this.keyNumbers.set(name, key);
    }
    const followers = this.followers[previous];
    if (literal !== null && followers.length < 4 && !followers.includes(key)) followers.push(key);
    return key;
  }

  /** A JSON number at p (validated); integers without a fraction or exponent are read without a regular expression. */
  private skipNumber(): boolean {
    const t = this.text;
    let q = this.p;
    if (t.charCodeAt(q) === 45 /* - */) q++;
    const first = t.charCodeAt(q);
    if (first === 48 /* 0 */) q++;
    else if (first >= 49 && first <= 57) {
      let c = t.charCodeAt(++q);
      while (c >= 48 && c <= 57) c = t.charCodeAt(++q);
    } else return false;
    const next = t.charCodeAt(q);
    if (next === 46 /* . */ || next === 101 /* e */ || next === 69 /* E */) {
      NUMBER.lastIndex = this.p;
      if (!NUMBER.test(t)) return false;
      this.p = NUMBER.lastIndex;
    } else this.p = q;
    return true;
  }

  /** Notes where a read column's value is; false for what this path leaves to JSON.parse. */
  private keep(column: number, start: number, end: number, isString: boolean): boolean {
    const t = this.text;
    const row = this.row;
    if (row.seen & column) return false;
    row.seen |= column;
    const isNull = !isString && t.charCodeAt(start) === 110;
    switch (column) {
      case ID:
        if (!isString) return false;
        row.idStart = start + 1;
        row.idEnd = end - 1;
        return true;
      case NAME:
        if (isString) {
          row.nameStart = start;
          row.nameEnd = end;
        }
        return true;
      case INDEX:
        row.indexStart = start;
        row.indexEnd = end;
        return true;
      case VERSION:
        if (!isNull) {
          row.versionStart = start;
          row.versionEnd = end;
        }
        return true;
      case JSON_COL:
        if (isString) {
          row.jsonStart = start;
          row.jsonEnd = end;
        } else if (!isNull) row.jsonStart = -2;
        return true;
      case APPENDED:
        if (isString) {
          row.appendedStart = start;
          row.appendedEnd = end;
        } else if (!isNull) row.appendedStart = -2;
        return true;
      case LITE:
        if (isString) {
          row.liteStart = start;
          row.liteEnd = end;
        } else if (!isNull) row.liteStart = -2;
        return true;
      case PARTITION:
        // The raw row keeps it exact from its digits (LazyRawRow); other number forms go to the general path.
        return isString || isNull || isDigits(t, start, end, 20);
      default:
        return true;
    }
  }

  /** The scanned row k → an entry of the current journal; false when the row needs the general path's grouping. */
  private addRow(k: number): boolean {
    const t = this.text;
    const row = this.row;
    if ((row.seen & (ID | INDEX)) !== (ID | INDEX) || row.idEnd === row.idStart) return false;
    const index = wholeNumber(t, row.indexStart, row.indexEnd, 15);
    if (index < 0) return false;
    if (row.versionStart >= 0) {
      if (row.versionEnd !== row.versionStart + 1 || t.charCodeAt(row.versionStart) !== 50 /* 2 */) return false;
    } else if ((row.seen & (LITE | JSON_COL | APPENDED)) === 0) {
      return false;
    }
    if (!t.startsWith(this.id, row.idStart) || row.idEnd - row.idStart !== this.id.length || this.builder === null) {
      const id = t.slice(row.idStart, row.idEnd);
      if (id.includes('\\') || this.seenIds.has(id)) return false;
      this.finishJournal();
      this.seenIds.add(id);
      this.id = id;
      this.builder = new JournalBuilder();
      this.builder.version = 2;
      this.firstRow = k;
      this.firstIndex = index;
    } else if (index <= this.lastIndex) {
      return false;
    }
    this.lastIndex = index;
    const builder = this.builder;
    const appendedAtMs = this.appendedAt(k - this.firstRow, builder);
    let entry: Entry | null = null;
    if (row.liteStart >= 0) {
      const lite = this.liteRow;
      lite.raw = row.jsonStart >= 0 ? new LazyRawRow(t, row.start, row.end, row.jsonStart, row.jsonEnd) : new LazyRawRow(t, row.start, row.end);
      lite.name = row.nameStart < 0 ? '' : this.stringAt(row.nameStart, row.nameEnd);
      entry = liteEntry(ESCAPED, t, row.liteStart + 1, row.liteEnd - 1, index, appendedAtMs, lite);
    }
    if (entry) {
      builder.add(entry, false);
      return true;
    }
    // Any other row: parsed on its own and read by the general entry reader (errors propagate: see readRowsFast).
    const parsed = new LazyRawRow(t, row.start, row.end).toJSON();
    const ref: RowRef = { row: parsed, pos: k, source: this.source };
    entry = readV2Entry(ref, index, appendedAtMs, builder.notes);
    builder.add(entry, entry.kind === 'unknown' && isCommandRow(parsed));
    return true;
  }

  /** appended_at of the current row in epoch ms; marks the journal's first unreadable one. */
  private appendedAt(k: number, builder: JournalBuilder): number | null {
    const row = this.row;
    const start = row.appendedStart;
    if (start === -1) return null;
    if (start === -2) {
      if (builder.badTime < 0) builder.badTime = k;
      return null;
    }
    const t = this.text;
    const end = row.appendedEnd;
    let ms: number | null;
    if (hasBackslash(t, start + 1, end - 1)) {
      const value = this.stringAt(start, end);
      ms = parseIsoIn(value, 0, value.length);
    } else ms = parseIsoIn(t, start + 1, end - 1);
    if (ms === null && builder.badTime < 0) builder.badTime = k;
    return ms;
  }

  /** The value of the JSON string literal at [start, end). */
  private stringAt(start: number, end: number): string {
    if (end - start === 2) return '';
    const content = this.text.slice(start + 1, end - 1);
    return content.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : content;
  }

  private finishJournal(): void {
    const builder = this.builder;
    if (!builder) return;
    const count = builder.entries.length;
    const firstRow = this.firstRow;
    const locate = (k: number, field?: string) => withFile(field ? { row: firstRow + k, field } : { row: firstRow + k }, this.file);
    const gap = indexGapWarning(this.id, count, this.firstIndex, this.lastIndex, locate(0));
    if (gap) this.warnings.push(gap);
    this.journals.push(builder.finish(this.id, this.warnings, locate));
    this.builder = null;
    this.lastIndex = -1;
  }
}

/** The column a key names (OTHER for the ones this path skips). */
function columnOf(text: string, key: number, length: number): number {
  switch (length) {
    case 2:
      return text.startsWith('id', key) ? ID : OTHER;
    case 4:
      return text.startsWith('name', key) ? NAME : OTHER;
    case 5:
      return text.startsWith('index', key) ? INDEX : OTHER;
    case 7:
      return text.startsWith('version', key) ? VERSION : OTHER;
    case 10:
      return text.startsWith('entry_json', key) ? JSON_COL : text.startsWith('entry_type', key) ? ENTRY_TYPE : OTHER;
    case 11:
      return text.startsWith('appended_at', key) ? APPENDED : OTHER;
    case 13:
      return text.startsWith('partition_key', key) ? PARTITION : OTHER;
    case 15:
      return text.startsWith('entry_lite_json', key) ? LITE : OTHER;
    default:
      return OTHER;
  }
}

/** The value of 1 to `max` digits (and nothing else) in [start, end); -1 otherwise. */
function wholeNumber(text: string, start: number, end: number, max: number): number {
  if (end <= start || end - start > max) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

/** Only digits, 1 to `max` of them, in [start, end). */
function isDigits(text: string, start: number, end: number, max: number): boolean {
  if (end <= start || end - start > max) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
