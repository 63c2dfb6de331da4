// The row scanner (row-scan.ts) must be invisible: a /query export read with it gives exactly the Journal the general
// path (whole-text JSON.parse, assemble.ts) gives — entries, raw rows, payloads (read through their getters) and
// warnings — or the same error with the same code and location. Every case is read by the general path, by the
// chunked text path with its usual chunks and with tiny ones (so that every row boundary is crossed), and by the
// stream reader in odd pieces with tiny chunks; and the tests check that the scanner really read the rows it should.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Journal, Payload } from '../model';
import { ReaderError, readJournalBytes, readJournalStream, readJournals, toRestateQueryText } from './index';
import type { ByteSource, ReadOptions, StreamReadOptions } from './index';
import { readRowsChunked } from './chunked-rows';
import { generateJournal } from './generate';
import { DEFAULT_LIMITS, prepareText } from './input';
import { CAPTURES_DIR, captureCases, readText } from './test-files';

const TINY_CHARS = 300;
const encoder = new TextEncoder();

function describeError(error: unknown): string {
  if (!(error instanceof ReaderError)) throw error;
  return `${error.code} ${JSON.stringify(error.location)} ${error.message}`;
}

function textOutcome(text: string, options: ReadOptions): string {
  try {
    return JSON.stringify(readJournals(text, options));
  } catch (error) {
    return describeError(error);
  }
}

function sourceOf(bytes: Uint8Array, pieces: number[]): ByteSource {
  return {
    size: bytes.length,
    async *chunks() {
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const n = Math.max(1, pieces[i % pieces.length]);
        yield bytes.subarray(at, at + n);
        at += n;
      }
    },
  };
}

/** The bytes reader's outcome: what the stream reader must give (its locations count bytes, not characters). */
function bytesOutcome(text: string, options: ReadOptions): string {
  try {
    return JSON.stringify(readJournalBytes(encoder.encode(text), options));
  } catch (error) {
    return describeError(error);
  }
}

async function streamOutcome(text: string, options: StreamReadOptions): Promise<string> {
  try {
    return JSON.stringify(await readJournalStream(sourceOf(encoder.encode(text), [977, 64, 4099]), options));
  } catch (error) {
    return describeError(error);
  }
}

/** The general path's outcome, after checking that the chunked text path and the stream reader give the same. */
async function expectSameEveryWay(text: string, stream = true): Promise<string> {
  const general = textOutcome(text, { chunked: false });
  expect(textOutcome(text, {})).toBe(general);
  expect(textOutcome(text, { chunkChars: TINY_CHARS })).toBe(general);
  if (stream) {
    const bytes = bytesOutcome(text, { chunked: false });
    expect(await streamOutcome(text, { chunkBytes: TINY_CHARS })).toBe(bytes);
  }
  return general;
}

/** Rows the scanner read itself (null: the chunked path gave the text to the general path). */
function scannedRows(text: string, chunkChars = TINY_CHARS): number | null {
  const format = text.trimStart().startsWith('[') ? 'restate-sql-json' : 'restate-query';
  const read = readRowsChunked(
    text,
    prepareText(text, DEFAULT_LIMITS),
    format,
    DEFAULT_LIMITS,
    undefined,
    undefined,
    chunkChars,
  );
  return read?.scannedRows ?? null;
}

/** Rows whose lite JSON the scanner leaves to JSON.parse by design: failures (their message is read unescaped). */
function failureRows(text: string): number {
  const rows = (JSON.parse(text) as { rows: { entry_lite_json?: unknown }[] }).rows;
  return rows.filter((row) => typeof row.entry_lite_json === 'string' && row.entry_lite_json.includes('"Failure"'))
    .length;
}

function rowCount(text: string): number {
  return (JSON.parse(text) as { rows: unknown[] }).rows.length;
}

const captures = captureCases().map((name) => ({ name, text: readText(`${CAPTURES_DIR}${name}/journal.query.json`) }));

/** Strings that test every kind of character a name or payload can hold. */
const TRICKY = [
  '"',
  '\\',
  '\\"',
  '\u0000',
  '\n',
  '\t',
  '\u001f',
  '\u007f',
  '\u2028',
  'é',
  'naïve',
  '日本',
  '😀',
  '\ud800',
  '},{"',
  '\\u0041',
  '/',
  '',
];
const trickyString = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);

function jsonPayload(value: string): Payload {
  const text = JSON.stringify(value);
  return { encoding: 'json', text, byteLength: encoder.encode(text).length };
}

/** A generated journal whose command names, success payloads and failure messages are replaced by `strings`. */
function withStrings(journal: Journal, strings: string[]): Journal {
  let k = 0;
  const next = () => strings[k++ % strings.length];
  const entries = journal.entries.map((entry): Entry => {
    if (entry.kind === 'command' && ['Run', 'Sleep', 'Call'].includes(entry.type)) return { ...entry, name: next() };
    if (entry.kind === 'notification' && entry.result.kind === 'success')
      return { ...entry, result: { kind: 'success', payload: jsonPayload(next()) } };
    if (entry.kind === 'notification' && entry.result.kind === 'failure')
      return { ...entry, result: { kind: 'failure', failure: { code: 500, message: next() } } };
    return entry;
  });
  return { ...journal, entries };
}

describe('the row scanner reads exactly what the general path reads', () => {
  it('a generated export like the benchmark’s: every row but the failures is scanned', async () => {
    const text = toRestateQueryText([generateJournal({ entries: 3000, seed: 7 })], { restateColumns: true });
    await expectSameEveryWay(text);
    const rows = rowCount(text);
    expect(failureRows(text)).toBeGreaterThan(0);
    expect(scannedRows(text)).toBe(rows - failureRows(text));
    expect(scannedRows(text, 2 * 1024 * 1024)).toBe(rows - failureRows(text));
  });

  it('property (seed 1521): generated exports of any size, with and without Restate columns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        async (seed, entries, restateColumns) => {
          const text = toRestateQueryText([generateJournal({ entries, seed })], { restateColumns });
          await expectSameEveryWay(text);
          expect(scannedRows(text)).toBe(rowCount(text) - failureRows(text));
        },
      ),
      { seed: 1521, numRuns: 60 },
    );
  });

  it('property (seed 1522): escapes and unicode in names, payloads and failure messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(trickyString, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (seed, strings, restateColumns) => {
          const journal = withStrings(generateJournal({ entries: 60, seed }), strings);
          const text = toRestateQueryText([journal], { restateColumns });
          await expectSameEveryWay(text);
          // Names without escapes (and all payloads: byte arrays) leave the rows to the scanner.
          const plain = strings.every((s) => JSON.stringify(s) === `"${s}"` && !s.includes('\\'));
          if (plain) expect(scannedRows(text)).toBe(rowCount(text) - failureRows(text));
        },
      ),
      { seed: 1522, numRuns: 80 },
    );
  });

  it('payloads of every kind read through the escaped entry_json are the general path’s', async () => {
    const journal = withStrings(generateJournal({ entries: 200, seed: 5 }), TRICKY);
    const text = toRestateQueryText([journal], { restateColumns: true });
    const viaScanner = readJournals(text).journals[0].entries;
    const general = readJournals(text, { chunked: false }).journals[0].entries;
    const payloads = (entries: Entry[]) =>
      entries.map((e) => ('result' in e && e.result?.kind === 'success' ? e.result.payload : null));
    expect(payloads(viaScanner)).toEqual(payloads(general));
    expect(payloads(viaScanner).filter((p) => p !== null).length).toBeGreaterThan(10);
  });

  it('entry_json with escapes of its own (an escaped key): the payload is found after unescaping it whole', async () => {
    const base = toRestateQueryText([generateJournal({ entries: 300, seed: 9 })], { restateColumns: true });
    // `\\u0065` in the row's text is `\u0065` in entry_json: "Success" written with an escape, which the payload scan
    // does not find, so the payload is read by parsing the unescaped entry_json.
    const text = base.replaceAll('{\\"Success\\":[', '{\\"Succ\\\\u0065ss\\":[');
    expect(text).not.toBe(base);
    await expectSameEveryWay(text);
    expect(scannedRows(text)).toBe(rowCount(text) - failureRows(text));
    const entries = readJournals(text).journals[0].entries;
    const payloads = entries.filter(
      (e) => e.kind === 'notification' && e.result.kind === 'success' && e.result.payload,
    );
    expect(payloads.length).toBeGreaterThan(10);
  });

  it.each(captures)('real export $name: same journal, and the scanner read its rows', async ({ text }) => {
    await expectSameEveryWay(text);
    const scanned = scannedRows(text) ?? 0;
    expect(scanned).toBeGreaterThan(0);
    expect(scanned).toBeLessThanOrEqual(rowCount(text));
  });

  it('the real 7,002-entry fan-out: nearly every row is scanned', () => {
    const text = captures.find((c) => c.name === 'fanout-7000')?.text;
    if (!text) return;
    expect(scannedRows(text, 2 * 1024 * 1024)).toBeGreaterThan(0.99 * rowCount(text));
  });

  it('every prefix of a real export reads the same every way (tiny chunks)', async () => {
    const capture = captures.find((c) => c.name === 'all-calls') ?? captures[0];
    const rows = (JSON.parse(capture.text) as { rows: unknown[] }).rows.length;
    // The first rows (~4,000 characters), cut at every character.
    const head = capture.text.slice(0, capture.text.indexOf('},{', 4000) + 1);
    expect(rows).toBeGreaterThan(3);
    for (let cut = 0; cut <= head.length; cut++) {
      const text = head.slice(0, cut);
      const general = textOutcome(text, { chunked: false });
      expect(textOutcome(text, { chunkChars: TINY_CHARS })).toBe(general);
      if (cut % 37 === 0)
        expect(await streamOutcome(text, { chunkBytes: TINY_CHARS })).toBe(bytesOutcome(text, { chunked: false }));
    }
    await expectSameEveryWay(`${head}]}`);
    expect(scannedRows(`${head}]}`)).toBeGreaterThan(0);
  });

  it('property (seed 1523): a random single-character change anywhere in a real export', async () => {
    const capture = captures.find((c) => c.name === 'all-calls') ?? captures[0];
    const text = capture.text;
    const replacement = fc.oneof(
      fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\u0001', '0', '9', '-', '.', 'e', 'n', 'é'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), replacement, async (at, char) => {
        await expectSameEveryWay(text.slice(0, at) + char + text.slice(at + 1));
      }),
      { seed: 1523, numRuns: 400 },
    );
  });

  it('property (seed 1524): a random change in the scanned fields of a generated export (digits, quotes, escapes)', async () => {
    const text = toRestateQueryText([generateJournal({ entries: 40, seed: 11 })], { restateColumns: true });
    const places = [...text.matchAll(/"(?:partition_key|index|raw_length|version)":|"(?:appended_at|name)":"/g)].map(
      (m) => m.index + m[0].length,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...places),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('0', '00', '1e3', '-1', '"', '\\"', '\\u0030', 'null', ' ', '9007199254740993', ''),
        async (place, offset, insert) => {
          const at = place + offset;
          await expectSameEveryWay(text.slice(0, at) + insert + text.slice(at + 1));
        },
      ),
      { seed: 1524, numRuns: 300 },
    );
  });

  it('the stream path’s own answer (no whole-text fallback) is the general path’s for valid exports (seed 1525)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(trickyString, { minLength: 1, maxLength: 4 }),
        async (seed, strings) => {
          const journal = withStrings(generateJournal({ entries: 50, seed }), strings);
          const text = toRestateQueryText([journal], { restateColumns: true });
          const general = textOutcome(text, { chunked: false });
          expect(await streamOutcome(text, { chunkBytes: TINY_CHARS, wholeTextMaxBytes: 0 })).toBe(general);
          expect(await streamOutcome(text, { wholeTextMaxBytes: 0 })).toBe(general);
        },
      ),
      { seed: 1525, numRuns: 40 },
    );
  });
});
