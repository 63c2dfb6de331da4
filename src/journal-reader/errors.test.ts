import { describe, expect, it } from 'vitest';
import { READER_CODES, ReaderError, detectFormat, readJournalFiles, readJournals } from './index';
import { sampleFile } from './test-files';

const retry = sampleFile('run-retry', 'journal.query.json').text;
const retryRows: Record<string, unknown>[] = JSON.parse(retry).rows;
const rowsText = (rows: unknown[]) => JSON.stringify({ rows });

function failure(read: () => unknown): ReaderError {
  try {
    read();
  } catch (error) {
    if (error instanceof ReaderError) return error;
    throw error;
  }
  throw new Error('expected a ReaderError');
}

describe('error catalogue', () => {
  it('every code has a severity, a message and a hint', () => {
    for (const [code, info] of Object.entries(READER_CODES)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.message.length).toBeGreaterThan(10);
      expect(info.hint.length).toBeGreaterThan(10);
    }
  });

  it('toInfo carries code, message, location and hint', () => {
    const error = failure(() => readJournals('{"rows":[', { fileName: 'j.json' }));
    expect(error.toInfo()).toEqual({
      code: 'TRUNCATED',
      message: error.message,
      location: { offset: 9, file: 'j.json' },
      hint: READER_CODES.TRUNCATED.hint,
    });
    expect(error).toBeInstanceOf(Error);
  });
});

describe('errors with codes and locations', () => {
  it.each([
    ['', 'EMPTY_INPUT'],
    [' \r\n\t ', 'EMPTY_INPUT'],
    ['\uFEFF', 'EMPTY_INPUT'],
    ['\u0000\u0001\u0002binary', 'BINARY_INPUT'],
    ['{"rows":[{"id":"inv_1"', 'TRUNCATED'],
    ['[{"id":', 'TRUNCATED'],
    ['{"hello":"world"}', 'UNKNOWN_FORMAT'],
    ['just some words', 'NOT_JSON'],
    ['{"rows":5}', 'BAD_FIELD_TYPE'],
    ['{"rows":[]}', 'NO_JOURNAL_ROWS'],
    ['{"rows":[42]}', 'BAD_FIELD_TYPE'],
  ])('%j → %s, with a location', (text, code) => {
    const error = failure(() => readJournals(text));
    expect(error.code).toBe(code);
    expect(Object.keys(error.location).length).toBeGreaterThan(0);
  });

  it('reports progress from 0 to 1, never going back', () => {
    const seen: number[] = [];
    readJournals(retry, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });

  it('NOT_JSON says the line and offset where parsing stopped', () => {
    const error = failure(() => readJournals('{"rows":[\n{"id":"a",\n"index": 0 oops}]}'));
    expect(error.code).toBe('NOT_JSON');
    expect(error.location.line).toBe(3);
    expect(error.location.offset).toBeGreaterThan(20);
  });

  it('a row without id names the row and field', () => {
    const rows = retryRows.map((r, i) => (i === 3 ? { ...r, id: undefined } : r));
    expect(failure(() => readJournals(rowsText(rows))).toInfo()).toMatchObject({
      code: 'MISSING_FIELD',
      location: { row: 3, field: 'id' },
    });
  });

  it('a non-numeric index is BAD_FIELD_TYPE at that row', () => {
    const rows = retryRows.map((r, i) => (i === 2 ? { ...r, index: 'two' } : r));
    expect(failure(() => readJournals(rowsText(rows))).toInfo()).toMatchObject({
      code: 'BAD_FIELD_TYPE',
      location: { row: 2, field: 'index' },
    });
  });

  it('two different rows at one index are DUPLICATE_INDEX; identical ones are read once', () => {
    const changed = { ...retryRows[1], appended_at: '2026-11-28T03:00:00.000Z' };
    expect(failure(() => readJournals(rowsText([...retryRows, changed]))).code).toBe('DUPLICATE_INDEX');
    const result = readJournals(rowsText([...retryRows, retryRows[1]]));
    expect(result.journals[0].entries).toHaveLength(7);
    expect(result.warnings.map((w) => w.code)).toEqual(['DUPLICATE_ROWS']);
  });

  it('a newer row version is UNSUPPORTED_VERSION', () => {
    const rows = retryRows.map((r, i) => (i === 4 ? { ...r, version: 3 } : r));
    expect(failure(() => readJournals(rowsText(rows))).toInfo()).toMatchObject({
      code: 'UNSUPPORTED_VERSION',
      location: { row: 4, field: 'version' },
    });
  });

  it('broken inner JSON is BAD_ENTRY_JSON at the row and column', () => {
    const rows = retryRows.map((r, i) => (i === 5 ? { ...r, entry_lite_json: '{"Notification":' } : r));
    expect(failure(() => readJournals(rowsText(rows))).toInfo()).toMatchObject({
      code: 'BAD_ENTRY_JSON',
      location: { row: 5, field: 'entry_lite_json' },
    });
  });

  it('a JSONL line that is not JSON names its line', () => {
    const lines = retryRows.map((r) => JSON.stringify(r));
    lines[2] = lines[2].slice(0, 40);
    const error = failure(() => readJournals(lines.join('\n')));
    expect(error.code).toBe('TRUNCATED');
    expect(error.location.line).toBe(3);
  });

  it('size limits say their numbers (TOO_LARGE)', () => {
    expect(failure(() => readJournals(retry, { limits: { maxChars: 100 } })).message).toContain('100');
    expect(failure(() => readJournals(retry, { limits: { maxEntries: 5 } })).toInfo()).toMatchObject({
      code: 'TOO_LARGE',
    });
  });

  it('events without journal rows are NO_JOURNAL_ROWS', () => {
    expect(failure(() => readJournals(sampleFile('run-retry', 'events.query.json').text)).code).toBe('NO_JOURNAL_ROWS');
  });

  it('an unknown --format is UNKNOWN_FORMAT; a forced wrong format fails clearly', () => {
    expect(failure(() => readJournals(retry, { format: 'xml' as never })).code).toBe('UNKNOWN_FORMAT');
    expect(failure(() => readJournals(retry, { format: 'restate-sql-json' })).code).toBe('UNKNOWN_FORMAT');
  });

  it('bundles and native files check format and version', () => {
    expect(failure(() => readJournals('{"format":"replay-inspector/bundle","version":2,"sys_journal":[]}')).code).toBe(
      'UNSUPPORTED_VERSION',
    );
    expect(failure(() => readJournals('{"format":"replay-inspector/bundle","version":1}')).toInfo()).toMatchObject({
      code: 'MISSING_FIELD',
      location: { field: 'sys_journal' },
    });
    expect(failure(() => readJournals('{"format":"replay-inspector/journal","version":7}')).code).toBe(
      'UNSUPPORTED_VERSION',
    );
    expect(failure(() => readJournals('{"format":"replay-inspector/journal","version":1}')).toInfo()).toMatchObject({
      code: 'MISSING_FIELD',
      location: { field: 'journal' },
    });
    const badEntry =
      '{"format":"replay-inspector/journal","version":1,"journal":{"invocationId":"inv_1","entries":[{"kind":"command","index":0,"type":"Input"}]}}';
    expect(failure(() => readJournals(badEntry)).toInfo()).toMatchObject({
      code: 'MISSING_FIELD',
      location: { row: 0, field: 'journal.entries.commandIndex' },
    });
  });

  it('errors in one of several files name that file', () => {
    const error = failure(() =>
      readJournalFiles([
        { name: 'journal.json', text: retry },
        { name: 'events.json', text: '{"rows":[' },
      ]),
    );
    expect(error.location.file).toBe('events.json');
  });
});

describe('what users paste', () => {
  it('a BOM, CRLF line ends, a shell prompt before and the row count after are coped with', () => {
    const sql = sampleFile('run-retry', 'journal.sql.json').text;
    const pasted = `\uFEFF$ restate sql --json "select * from sys_journal"\r\n${sql.replace(/\},\{"partition_key"/g, '},\r\n{"partition_key"')}\r\n7 rows. Query took 6.2ms\r\n`;
    const result = readJournals(pasted);
    expect(result.format).toBe('restate-sql-json');
    expect(result.journals[0].entries).toHaveLength(7);
    expect(result.warnings.map((w) => w.code)).toEqual(['LEADING_TEXT_IGNORED', 'TRAILING_TEXT_IGNORED']);
  });

  it('JSONL with CRLF and a trailing row count', () => {
    const jsonl =
      sampleFile('run-retry', 'journal.sql.jsonl').text.replace(/\n/g, '\r\n') + '7 rows. Query took 2ms\r\n';
    const result = readJournals(jsonl);
    expect(result.format).toBe('restate-sql-jsonl');
    expect(result.journals[0].entries).toHaveLength(7);
    expect(result.warnings.map((w) => w.code)).toEqual(['TRAILING_TEXT_IGNORED']);
  });

  it('detectFormat names every format', () => {
    expect(detectFormat(retry)).toBe('restate-query');
    expect(detectFormat(sampleFile('run-retry', 'journal.sql.json').text)).toBe('restate-sql-json');
    expect(detectFormat(sampleFile('run-retry', 'journal.sql.jsonl').text)).toBe('restate-sql-jsonl');
    expect(detectFormat('{"format":"replay-inspector/bundle","version":1,"sys_journal":[]}')).toBe('bundle');
    expect(detectFormat('{"format":"replay-inspector/journal","version":1}')).toBe('native');
    expect(() => detectFormat('{"a":1}')).toThrow(ReaderError);
  });
});

describe('warnings, not errors', () => {
  it('an unknown entry type is kept as unknown and still counts as a command', () => {
    const unknown = {
      id: retryRows[0].id,
      index: 2,
      entry_type: 'Command: Frobnicate',
      version: 2,
      entry_lite_json: '{"Command":{"Frobnicate":{"x":1}}}',
    };
    const rows = [retryRows[0], retryRows[1], unknown, ...retryRows.slice(3).map((r) => ({ ...r }))];
    const result = readJournals(rowsText(rows));
    const entries = result.journals[0].entries;
    expect(entries[2]).toMatchObject({ kind: 'unknown', type: 'Frobnicate' });
    expect(entries[6]).toMatchObject({ kind: 'command', type: 'Output', commandIndex: 3 });
    expect(result.warnings.map((w) => w.code)).toEqual(['UNKNOWN_ENTRY_TYPE']);
  });

  it('a gap in the indexes is INDEX_GAP', () => {
    const result = readJournals(rowsText(retryRows.filter((_, i) => i !== 3)));
    expect(result.warnings.map((w) => w.code)).toEqual(['INDEX_GAP']);
  });

  it('rows of several invocations give several journals in order of first appearance', () => {
    const other = retryRows.map((r) => ({ ...r, id: 'inv_other' }));
    const result = readJournals(rowsText([other[0], ...retryRows, ...other.slice(1)]));
    expect(result.journals.map((j) => [j.invocationId, j.entries.length])).toEqual([
      ['inv_other', 7],
      [retryRows[0].id, 7],
    ]);
  });

  it('entry_json alone (no entry_lite_json) reads the same journal', () => {
    const full = retryRows.map(({ entry_lite_json: _lite, ...rest }) => rest);
    const fromFull = readJournals(rowsText(full)).journals[0];
    const fromBoth = readJournals(retry).journals[0];
    const strip = (j: typeof fromFull) => JSON.parse(JSON.stringify(j.entries.map(({ raw: _raw, ...e }) => e)));
    expect(strip(fromFull)).toEqual(strip(fromBoth));
  });

  it('entry_lite_json alone reads everything but payloads', () => {
    const lite = retryRows.map(({ entry_json: _full, ...rest }) => rest);
    const journal = readJournals(rowsText(lite)).journals[0];
    expect(journal.entries[4]).toMatchObject({ kind: 'notification', completionId: 3, result: { kind: 'success' } });
    expect(journal.entries[3]).toMatchObject({
      result: { kind: 'invocation-id', invocationId: 'inv_10EyKTdmwynC6cdLdNVIu3zz17pjANgspP' },
    });
  });

  it('a row without entry_json and entry_lite_json is an unknown entry with a warning', () => {
    const rows = retryRows.map(({ entry_json: _f, entry_lite_json: _l, ...rest }, i) =>
      i === 5 ? rest : retryRows[i],
    );
    const result = readJournals(rowsText(rows));
    expect(result.journals[0].entries[5]).toMatchObject({ kind: 'unknown', type: 'Notification: Run' });
    expect(result.warnings.map((w) => w.code)).toEqual(['ENTRY_WITHOUT_JSON']);
  });

  it('an unreadable appended_at becomes null with BAD_TIME', () => {
    const rows = retryRows.map((r, i) => (i === 1 ? { ...r, appended_at: 'yesterday' } : r));
    const result = readJournals(rowsText(rows));
    expect(result.journals[0].entries[1].appendedAtMs).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['BAD_TIME']);
  });
});
