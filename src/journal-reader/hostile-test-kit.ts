// Test helpers for hostile-input tests (imported by *.test.ts only): run a read and classify its outcome.
import { expect } from 'vitest';
import type { ReadResult } from './index';
import { READER_CODES, ReaderError, summarize } from './index';

/**
 * Runs `read`; returns 'ok' or the ReaderError code. Anything else thrown fails the test, as does INTERNAL_ERROR or an
 * error without a location. `touch` also reads every payload and summary (lazy getters run here).
 */
export function outcomeOf(read: () => ReadResult, touch = true): string {
  try {
    const result = read();
    if (touch) {
      JSON.stringify(result.journals);
      result.journals.forEach(summarize);
    }
    return 'ok';
  } catch (error) {
    if (!(error instanceof ReaderError)) throw new Error(`not a ReaderError: ${String(error)}`, { cause: error });
    expect(error.code in READER_CODES).toBe(true);
    expect(error.code).not.toBe('INTERNAL_ERROR');
    const { row, line, field, offset } = error.location;
    expect([row, line, field, offset].some((v) => v !== undefined)).toBe(true);
    return error.code;
  }
}

/** The ReaderError a read throws (fails the test when it returns or throws anything else). */
export function readerErrorOf(read: () => unknown): ReaderError {
  try {
    read();
  } catch (error) {
    if (error instanceof ReaderError) return error;
    throw new Error(`not a ReaderError: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ReaderError, the read succeeded');
}
