// Raw text → JSON value, coping with what users actually paste: a BOM, CRLF, a shell prompt before the JSON,
// the `N rows. Query took …` line after it. Every failure becomes a ReaderError with a location.
import type { ReaderErrorLocation, ReaderWarning } from '../model';
import { ReaderError, makeWarning } from './errors';

export interface ReaderLimits {
  /** Longest text read, in UTF-16 characters. */
  maxChars: number;
  /** Most journal entries read from one input. */
  maxEntries: number;
  /** Largest file in bytes (checkSizeUpFront, readJournalBytes), checked before the file is read or decoded. */
  maxBytes: number;
}

/**
 * Defaults chosen to keep a browser tab alive (measurements in docs/robustness.md, "Reader"). Text held as one string
 * (readJournals, readJournalBytes) stops at 256 Mi characters: reading it peaks at about 3× its size in JS heap, and
 * V8's longest string is 2^29 − 24 characters. Files read as a stream (readJournalStream: File.stream(), a Node
 * read stream) are never one string, so their limit is the byte size: 1 GiB, above a 1,000,000-entry /query export
 * with every column (~460–570 MB).
 */
export const DEFAULT_LIMITS: ReaderLimits = {
  maxChars: 256 * 1024 * 1024,
  maxEntries: 1_000_000,
  maxBytes: 1024 * 1024 * 1024,
};

export interface PreparedText {
  /** The text from the first JSON character on. */
  body: string;
  /** Offset of body in the original text. */
  start: number;
  warnings: ReaderWarning[];
}

export function prepareText(text: string, limits: ReaderLimits, file?: string): PreparedText {
  if (typeof text !== 'string')
    throw new ReaderError('BAD_FIELD_TYPE', withFile({ offset: 0 }, file), 'the input is not text');
  if (text.length > limits.maxChars) {
    throw new ReaderError(
      'TOO_LARGE',
      withFile({ offset: limits.maxChars }, file),
      `${text.length} characters, the limit is ${limits.maxChars}`,
    );
  }
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start >= text.length) throw new ReaderError('EMPTY_INPUT', withFile({ line: 1, offset: 0 }, file));
  if (looksBinary(text, start)) throw new ReaderError('BINARY_INPUT', withFile({ offset: start }, file));
  const warnings: ReaderWarning[] = [];
  const first = text.charCodeAt(start);
  if (first !== 123 /* { */ && first !== 91 /* [ */) {
    const match = /\n[ \t]*[[{]/.exec(
      text.length > 1_000_000 ? text.slice(start, start + 1_000_000) : text.slice(start),
    );
    if (!match) {
      throw new ReaderError(
        'NOT_JSON',
        withFile({ line: lineOf(text, start), offset: start }, file),
        'no JSON object or array found',
      );
    }
    const jsonStart = start + match.index + match[0].length - 1;
    warnings.push(
      makeWarning(
        'LEADING_TEXT_IGNORED',
        withFile({ line: 1 }, file),
        JSON.stringify(text.slice(start, Math.min(jsonStart, start + 80)).trim()),
      ),
    );
    start = jsonStart;
  }
  return { body: start === 0 ? text : text.slice(start), start, warnings };
}

/**
 * JSON.parse with a cleaned-up failure: TRUNCATED when the text stops early, NOT_JSON with line and offset otherwise.
 * When `allowTrailing`, junk lines after the closing bracket (e.g. `5 rows. Query took 6ms`) are cut with a warning.
 */
export function parseJsonText(prepared: PreparedText, allowTrailing: boolean, file?: string): unknown {
  const { body } = prepared;
  try {
    return JSON.parse(body);
  } catch (error) {
    if (allowTrailing) {
      const cut = trailingJunkCut(body);
      if (cut !== null) {
        try {
          const value = JSON.parse(body.slice(0, cut));
          prepared.warnings.push(
            makeWarning(
              'TRAILING_TEXT_IGNORED',
              withFile({ offset: prepared.start + cut }, file),
              JSON.stringify(body.slice(cut).trim().slice(0, 80)),
            ),
          );
          return value;
        } catch {
          // fall through to the original error
        }
      }
    }
    throw jsonError(error, body, prepared.start, file);
  }
}

/** Where the JSON value ends when only non-JSON lines follow its closing bracket; null otherwise. */
function trailingJunkCut(body: string): number | null {
  const close = body.charCodeAt(0) === 91 ? ']' : '}';
  const end = body.lastIndexOf(close);
  if (end < 0) return null;
  const rest = body.slice(end + 1);
  if (rest.trim() === '' || /[[\]{}]/.test(rest)) return null;
  return end + 1;
}

export function jsonError(error: unknown, text: string, baseOffset: number, file?: string, line?: number): ReaderError {
  const message = error instanceof Error ? error.message : String(error);
  const positionMatch = /position (\d+)/.exec(message);
  const position = positionMatch ? Number(positionMatch[1]) : null;
  const atEnd =
    /end of JSON input|Unterminated string/i.test(message) ||
    (position !== null && position >= text.trimEnd().length - 1);
  const location: ReaderErrorLocation = {};
  if (line !== undefined) location.line = line;
  if (position !== null) {
    location.offset = baseOffset + position;
    if (line === undefined) location.line = lineOf(text, position);
  } else if (atEnd) {
    location.offset = baseOffset + text.length;
  }
  if (location.offset === undefined && location.line === undefined) location.offset = baseOffset;
  const detail = message.replace(/^(SyntaxError: )?/, '').slice(0, 200);
  return new ReaderError(atEnd ? 'TRUNCATED' : 'NOT_JSON', withFile(location, file), detail);
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function withFile(location: ReaderErrorLocation, file?: string): ReaderErrorLocation {
  if (file) location.file = file;
  return location;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** NUL bytes or many control / replacement characters in the first 4 KiB: not a text export. */
function looksBinary(text: string, start: number): boolean {
  const end = Math.min(text.length, start + 4096);
  let odd = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd * 20 > end - start;
}
