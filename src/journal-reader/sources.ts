// One input text → the rows it holds, sorted into Restate tables, plus native journals. Format detection lives here.
import type { NativeJournalFile, ReaderErrorLocation, ReaderWarning, RestateRow, SourceFormat } from '../model';
import { ReaderError, makeWarning } from './errors';
import type { PreparedText, ReaderLimits } from './input';
import { jsonError, parseJsonText, prepareText, withFile } from './input';

/** A row and where it came from (row number in an array, or line number in JSONL). */
export interface RowRef {
  row: RestateRow;
  /** 0-based row (json) or 1-based line (jsonl). */
  pos: number;
  source: SourceRows;
}

/** Journal rows of one source, as parallel arrays: no object per row (100,000 of them would all survive to old space). */
export interface RowList {
  rows: RestateRow[];
  /** Row number (json) or line number (jsonl) of each row. */
  pos: number[];
}

export interface SourceRows {
  format: SourceFormat;
  file?: string;
  unit: 'row' | 'line';
  /** Bundle: the table the rows came from, for locations. */
  text: string;
  journal: RowList;
  events: RowRef[];
  invocations: RowRef[];
  statuses: RowRef[];
  native: unknown[];
  warnings: ReaderWarning[];
}

export function locate(ref: RowRef, field?: string, table?: string): ReaderErrorLocation {
  const location: ReaderErrorLocation = ref.source.unit === 'row' ? { row: ref.pos } : { line: ref.pos };
  if (field || table) location.field = table ? (field ? `${table}.${field}` : table) : field;
  return withFile(location, ref.source.file);
}

const BUNDLE_FORMAT = 'replay-inspector/bundle';
const NATIVE_FORMAT = 'replay-inspector/journal';

/** Which format a text is in, from its first characters (and its first line for JSONL). */
export function detectPrepared(prepared: PreparedText, file?: string): SourceFormat {
  const { body } = prepared;
  if (body.charCodeAt(0) === 91) return 'restate-sql-json';
  const head = body.slice(0, 4096);
  if (/^\{\s*"rows"\s*:/.test(head)) return 'restate-query';
  const formatMatch = /"format"\s*:\s*"(replay-inspector\/[a-z]+)"/.exec(head);
  if (formatMatch && /^\{\s*"format"/.test(head)) {
    if (formatMatch[1] === BUNDLE_FORMAT) return 'bundle';
    if (formatMatch[1] === NATIVE_FORMAT) return 'native';
  }
  const newline = body.indexOf('\n');
  const firstLine = (newline < 0 ? body : body.slice(0, newline)).trim();
  if (firstLine.endsWith('}')) {
    let value: unknown;
    try {
      value = JSON.parse(firstLine);
    } catch {
      value = undefined;
    }
    if (isObject(value)) {
      if (Array.isArray(value.rows)) return 'restate-query';
      if (value.format === BUNDLE_FORMAT) return 'bundle';
      if (value.format === NATIVE_FORMAT) return 'native';
      if (typeof value.id === 'string' || 'entry_type' in value || 'event_type' in value) return 'restate-sql-jsonl';
    }
  }
  if (formatMatch?.[1] === BUNDLE_FORMAT) return 'bundle';
  if (formatMatch?.[1] === NATIVE_FORMAT) return 'native';
  if (/"rows"\s*:\s*\[/.test(head)) return 'restate-query';
  if (newline < 0 && !firstLine.endsWith('}')) {
    // One line that does not even close: a truncated file. Let the JSON parser say where.
    parseJsonText(prepared, false, file);
  }
  throw new ReaderError('UNKNOWN_FORMAT', withFile({ line: 1 }, file), describeStart(head));
}

function describeStart(head: string): string {
  const keys = [...head.matchAll(/"([A-Za-z_][\w-]{0,40})"\s*:/g)].slice(0, 5).map((m) => m[1]);
  return keys.length
    ? `it starts with the keys ${keys.join(', ')}`
    : 'its first characters are not a known journal layout';
}

export function readSource(text: string, limits: ReaderLimits, forced?: SourceFormat, file?: string): SourceRows {
  const prepared = prepareText(text, limits, file);
  const format = forced ?? detectPrepared(prepared, file);
  const source: SourceRows = {
    format,
    file,
    unit: format === 'restate-sql-jsonl' ? 'line' : 'row',
    text,
    journal: { rows: [], pos: [] },
    events: [],
    invocations: [],
    statuses: [],
    native: [],
    warnings: prepared.warnings,
  };
  switch (format) {
    case 'restate-query': {
      const value = parseJsonText(prepared, true, file);
      if (!isObject(value) || !('rows' in value)) {
        throw new ReaderError('MISSING_FIELD', withFile({ field: 'rows' }, file), 'a /query answer has a "rows" array');
      }
      if (!Array.isArray(value.rows))
        throw new ReaderError('BAD_FIELD_TYPE', withFile({ field: 'rows' }, file), '"rows" is not an array');
      addRows(source, value.rows, 0);
      break;
    }
    case 'restate-sql-json': {
      const value = parseJsonText(prepared, true, file);
      if (!Array.isArray(value))
        throw new ReaderError(
          'UNKNOWN_FORMAT',
          withFile({ line: 1 }, file),
          '`restate sql --json` output is a JSON array',
        );
      addRows(source, value, 0);
      break;
    }
    case 'restate-sql-jsonl':
      readJsonLines(source, prepared, limits);
      break;
    case 'bundle':
      readBundle(source, parseJsonText(prepared, false, file));
      break;
    case 'native':
      source.native.push(parseJsonText(prepared, false, file));
      break;
    default:
      throw new ReaderError(
        'UNKNOWN_FORMAT',
        withFile({ field: 'format' }, file),
        `unknown format option '${String(format)}'`,
      );
  }
  return source;
}

function readJsonLines(source: SourceRows, prepared: PreparedText, limits: ReaderLimits): void {
  const { body } = prepared;
  const lineOffset = body === source.text ? 0 : countLines(source.text, prepared.start);
  let lineStart = 0;
  let line = lineOffset;
  const rows: unknown[] = [];
  const lines: number[] = [];
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    line++;
    const content = body.slice(lineStart, lineEnd).trim();
    const isLast = lineEnd >= body.length || body.slice(lineEnd).trim() === '';
    if (content !== '') {
      if (content.charCodeAt(0) !== 123) {
        if (!isLast)
          throw new ReaderError(
            'NOT_JSON',
            withFile({ line }, source.file),
            'each line of a --jsonl export is one JSON object',
          );
        source.warnings.push(
          makeWarning('TRAILING_TEXT_IGNORED', withFile({ line }, source.file), JSON.stringify(content.slice(0, 80))),
        );
      } else {
        try {
          rows.push(JSON.parse(content));
        } catch (error) {
          throw jsonError(error, content, prepared.start + lineStart, source.file, line);
        }
        lines.push(line);
        if (rows.length > limits.maxEntries * 2) break;
      }
    }
    lineStart = lineEnd + 1;
  }
  for (let i = 0; i < rows.length; i++) addRow(source, rows[i], lines[i]);
}

function countLines(text: string, upTo: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function readBundle(source: SourceRows, value: unknown): void {
  if (!isObject(value))
    throw new ReaderError('UNKNOWN_FORMAT', withFile({ line: 1 }, source.file), 'a bundle is a JSON object');
  if (value.version !== 1) {
    const code = typeof value.version === 'number' ? 'UNSUPPORTED_VERSION' : 'MISSING_FIELD';
    throw new ReaderError(
      code,
      withFile({ field: 'version' }, source.file),
      `bundle version ${JSON.stringify(value.version ?? null)}; this reader reads version 1`,
    );
  }
  const tables: [string, RowRef[] | RowList][] = [
    ['sys_journal', source.journal],
    ['sys_journal_events', source.events],
    ['sys_invocation', source.invocations],
    ['sys_invocation_status', source.statuses],
  ];
  if (!('sys_journal' in value))
    throw new ReaderError('MISSING_FIELD', withFile({ field: 'sys_journal' }, source.file));
  for (const [table, target] of tables) {
    const rows = value[table];
    if (rows === undefined || rows === null) continue;
    if (!Array.isArray(rows))
      throw new ReaderError('BAD_FIELD_TYPE', withFile({ field: table }, source.file), `${table} is not an array`);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!isObject(row))
        throw new ReaderError(
          'BAD_FIELD_TYPE',
          withFile({ row: i, field: table }, source.file),
          'a row is not an object',
        );
      if (Array.isArray(target)) target.push({ row, pos: i, source });
      else {
        target.rows.push(row);
        target.pos.push(i);
      }
    }
  }
}

function addRows(source: SourceRows, rows: unknown[], first: number): void {
  for (let i = 0; i < rows.length; i++) addRow(source, rows[i], first + i);
}

function addRow(source: SourceRows, row: unknown, pos: number): void {
  if (!isObject(row)) {
    const location = source.unit === 'row' ? { row: pos } : { line: pos };
    throw new ReaderError('BAD_FIELD_TYPE', withFile(location, source.file), 'a row is not a JSON object');
  }
  if ('index' in row || 'entry_type' in row || 'entry_lite_json' in row || 'entry_json' in row) {
    source.journal.rows.push(row);
    source.journal.pos.push(pos);
    return;
  }
  const ref: RowRef = { row, pos, source };
  if ('event_type' in row || 'event_json' in row || 'after_journal_entry_index' in row) source.events.push(ref);
  else if ('target' in row || 'status' in row || 'completion_result' in row || 'suspended_waiting_future_json' in row)
    source.invocations.push(ref);
  else if (!source.warnings.some((w) => w.code === 'UNKNOWN_ROWS')) {
    source.warnings.push(makeWarning('UNKNOWN_ROWS', locate(ref), `keys ${Object.keys(row).slice(0, 6).join(', ')}`));
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type { NativeJournalFile };
