// The journal reader: text → the one model (src/model). Pure: runs in Node, a Worker and tests alike.
// Formats: docs/journal-format.md. Errors: ./errors.ts (ReaderError is the only exception thrown).
import type { Journal, NativeJournalFile, ReaderWarning, SourceFormat } from '../model';
import { assembleJournals, outcomeFromOutput } from './assemble';
import { decodeJournalBytes } from './bytes';
import { ReaderError, makeWarning } from './errors';
import type { PreparedText, ReaderLimits } from './input';
import type { ReadOptions, ReadResult } from './read-types';
import { readRowsChunked } from './chunked-rows';
import { DEFAULT_LIMITS, prepareText } from './input';
import { readNative } from './native';
import type { SourceRows } from './sources';
import { detectPrepared, readSource } from './sources';
import type { ByteSource, StreamReadOptions } from './stream';
import { readStreamWith } from './stream';

export type { ReadOptions, ReadResult } from './read-types';

const FORMATS: SourceFormat[] = ['restate-query', 'restate-sql-json', 'restate-sql-jsonl', 'bundle', 'native'];

export function readJournals(text: string, options: ReadOptions = {}): ReadResult {
  return readJournalFiles([{ name: options.fileName ?? '', text }], options);
}

/** Several files (e.g. journal, events and invocation exports of one invocation) read as one input. */
export function readJournalFiles(files: { name: string; text: string }[], options: ReadOptions = {}): ReadResult {
  return guard(() => {
    const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
    if (options.format !== undefined && !FORMATS.includes(options.format)) {
      throw new ReaderError(
        'UNKNOWN_FORMAT',
        { field: 'format' },
        `unknown format '${String(options.format)}'; use one of ${FORMATS.join(', ')}`,
      );
    }
    if (files.length === 0) throw new ReaderError('EMPTY_INPUT', { field: 'files' }, 'no files given');
    if (files.length === 1 && options.chunked !== false) {
      const chunked = readChunked(files[0], limits, options);
      if (chunked) return chunked;
    }
    const sources: SourceRows[] = [];
    let totalChars = 0;
    files.forEach((file, i) => {
      totalChars += typeof file.text === 'string' ? file.text.length : 0;
      if (totalChars > limits.maxChars)
        throw new ReaderError(
          'TOO_LARGE',
          { offset: limits.maxChars, file: file.name || undefined },
          `${totalChars} characters, the limit is ${limits.maxChars}`,
        );
      sources.push(readSource(file.text, limits, options.format, file.name || undefined));
      options.onProgress?.((0.5 * (i + 1)) / files.length);
    });
    const warnings: ReaderWarning[] = sources.flatMap((s) => s.warnings);
    const rowSources = sources.filter((s) => s.format !== 'native');
    const hasRows = rowSources.some((s) => s.journal.rows.length > 0);
    const journals: Journal[] = hasRows ? assembleJournals(rowSources, limits, warnings, options.onProgress) : [];
    let run: NativeJournalFile['run'] | undefined;
    for (const source of sources) {
      for (const value of source.native) {
        const native = readNative(value, warnings, source.file);
        journals.push(native.journal);
        run ??= native.run;
      }
    }
    if (journals.length === 0) {
      const side = rowSources.reduce((n, s) => n + s.events.length + s.invocations.length + s.statuses.length, 0);
      throw new ReaderError(
        'NO_JOURNAL_ROWS',
        sources.length === 1 && sources[0].file
          ? { field: 'sys_journal', file: sources[0].file }
          : { field: 'sys_journal' },
        side > 0 ? `only ${side} event/invocation row(s)` : 'no rows at all',
      );
    }
    if (!hasRows && rowSources.some((s) => s.events.length + s.invocations.length > 0)) {
      warnings.push(
        makeWarning('ORPHAN_ROWS', undefined, 'event/invocation rows next to a native journal were ignored'),
      );
    }
    options.onProgress?.(1);
    const format = (sources.find((s) => s.journal.rows.length > 0 || s.native.length > 0) ?? sources[0]).format;
    const result: ReadResult = { format, journals, warnings };
    if (run) result.run = run;
    return result;
  });
}

/** One /query or sql --json text read chunk by chunk (chunked-rows.ts); null when that path does not apply. */
function readChunked(
  file: { name: string; text: string },
  limits: ReaderLimits,
  options: ReadOptions,
): ReadResult | null {
  if (typeof file.text !== 'string' || file.text.length > limits.maxChars) return null;
  const name = file.name || undefined;
  let prepared: PreparedText;
  let format: SourceFormat;
  try {
    prepared = prepareText(file.text, limits, name);
    format = options.format ?? detectPrepared(prepared, name);
  } catch {
    return null;
  }
  const read = readRowsChunked(file.text, prepared, format, limits, name, options.onProgress, options.chunkChars);
  if (!read) return null;
  for (const journal of read.journals) {
    const outcome = outcomeFromOutput(journal.entries);
    if (outcome) journal.completionResult = outcome;
  }
  options.onProgress?.(1);
  return { format, journals: read.journals, warnings: read.warnings };
}

/**
 * File bytes (e.g. `new Uint8Array(await file.arrayBuffer())`) → journals. The size is checked first (TOO_LARGE), then
 * known binary signatures (gzip, zip, PNG, … → BINARY_INPUT with what to do), then the bytes are decoded as strict
 * UTF-8 (invalid bytes → BINARY_INPUT with the offset of the first bad byte; a UTF-16 BOM is decoded as UTF-16).
 */
export function readJournalBytes(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const text = guard(() => decodeJournalBytes(bytes, options.limits, options.fileName));
  return readJournals(text, options);
}

/** The format of a text, without reading it all (JSONL: its first line is parsed). */
export function detectFormat(text: string): SourceFormat {
  return guard(() => detectPrepared(prepareText(text, DEFAULT_LIMITS)));
}

/** The reader throws only ReaderError: anything else escaping is a bug, reported as one rather than crashing the caller. */
function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReaderError) throw error;
    if (error instanceof RangeError) {
      throw new ReaderError(
        'TOO_LARGE',
        { offset: 0 },
        `the input exhausted a platform limit (${error.message.slice(0, 120)})`,
      );
    }
    throw new ReaderError(
      'INTERNAL_ERROR',
      { offset: 0 },
      error instanceof Error ? error.message.slice(0, 160) : String(error),
    );
  }
}

export { ReaderError, READER_CODES, makeWarning, formatLocation } from './errors';
export type { ReaderCode } from './errors';
export type { ReaderLimits } from './input';
export { DEFAULT_LIMITS } from './input';
export { checkSizeUpFront, firstInvalidUtf8, formatBytes } from './bytes';
export { decodePayload } from './payload';
export { deriveFutures, completionOrder, notificationFutureId } from './futures';
export { summarize, summaryText } from './summary';
export type { Summary, SummaryFuture } from './summary';
export { toRestateQueryText, partitionKeyOf } from './write-query';
export type { QueryTextOptions } from './write-query';
export { toNativeText } from './native';
export { rawRowOf } from './lazy-row';
export { parseIsoMs, toIso } from './time';
export type { ByteSource, StreamReadOptions } from './stream';
export { WHOLE_TEXT_MAX_BYTES } from './stream';
export { rowBytesOf } from './row-bytes';
export type { RowBytes } from './row-bytes';

/**
 * A file read as a stream of bytes (File.stream(), a Node read stream): the whole text is never one string, so a
 * 1,000,000-entry /query export (~460 MB) can be read. Same result as readJournalBytes for every file it reads
 * (stream.test.ts); files the stream path does not cover go to readJournalBytes when they are at most 256 MiB.
 */
export function readJournalStream(source: ByteSource, options: StreamReadOptions = {}): Promise<ReadResult> {
  return guardAsync(() => readStreamWith(source, options, readJournalBytes));
}

async function guardAsync<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    return guard(() => {
      throw error;
    });
  }
}
export { toColumns, entryAt, deriveFuturesFromColumns, completionOrderFromColumns, ColumnsBuilder } from './columns';
export type { ColumnEntry } from './columns';
export { columnStats } from './column-stats';
export type { ColumnStats } from './column-stats';
