// The chunked /query path (chunked-rows.ts) must be invisible: for any text, readJournals gives exactly what the
// general path (whole-text JSON.parse, assemble.ts) gives — the same journals, raw rows, payloads and warnings, or the
// same error with the same location. Every case here is read both ways (and with tiny chunks) and compared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReaderError, readJournals, toRestateQueryText } from './index';
import type { ReadOptions } from './index';
import { readRowsChunked } from './chunked-rows';
import { generateJournal } from './generate';
import { DEFAULT_LIMITS, prepareText } from './input';
import { CAPTURES_DIR, SAMPLE_CASES, captureCases, readText, sampleFile } from './test-files';

/** Everything a reader result says, as text (raw rows through their toJSON, payloads through their getters). */
function outcome(text: string, options: ReadOptions): string {
  try {
    return JSON.stringify(readJournals(text, options));
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    return `${error.code} ${JSON.stringify(error.location)} ${error.message}`;
  }
}

/** Chunks of ~300 characters: a row or two each, so that every boundary between rows is crossed. */
const TINY_CHUNKS = 300;

function expectSameBothWays(text: string, options: ReadOptions = {}): string {
  const general = outcome(text, { ...options, chunked: false });
  expect(outcome(text, options)).toBe(general);
  expect(outcome(text, { ...options, chunkChars: TINY_CHUNKS })).toBe(general);
  return general;
}

/** True when the chunked path itself read the text (rather than handing it to the general path). */
function tookFastPath(text: string, chunkChars = TINY_CHUNKS): boolean {
  const format = text.trimStart().startsWith('[') ? 'restate-sql-json' : 'restate-query';
  return (
    readRowsChunked(
      text,
      prepareText(text, DEFAULT_LIMITS),
      format,
      DEFAULT_LIMITS,
      undefined,
      undefined,
      chunkChars,
    ) !== null
  );
}

const captures = captureCases().map((name) => ({ name, text: readText(`${CAPTURES_DIR}${name}/journal.query.json`) }));
const samples = SAMPLE_CASES.map((name) => ({ name, text: sampleFile(name, 'journal.query.json').text }));

describe('the chunked /query path reads exactly what the general path reads', () => {
  it.each([...captures, ...samples])('real export $name', ({ text }) => {
    expectSameBothWays(text);
    expect(tookFastPath(text)).toBe(true);
  });

  it.each(captures)('real export $name as a `restate sql --json` array, pretty-printed', ({ text }) => {
    const rows = (JSON.parse(text) as { rows: unknown[] }).rows;
    // Re-serialising loses partition_key's exact digits in both paths alike: compare the rest.
    const pretty = JSON.stringify(rows, null, 2);
    expectSameBothWays(pretty);
    expect(tookFastPath(pretty)).toBe(true);
  });

  it('generated journals of every shape, with and without Restate columns (seed 61)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (seed, entries, restateColumns) => {
          const text = toRestateQueryText([generateJournal({ entries, seed })], { restateColumns });
          expectSameBothWays(text);
          expect(tookFastPath(text)).toBe(true);
        },
      ),
      { seed: 61, numRuns: 60 },
    );
  });

  it('several invocations, one after the other, and interleaved (the general path then groups them) (seed 62)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const a = generateJournal({ entries: 30, seed });
        const b = generateJournal({ entries: 20, seed: seed + 1 });
        const text = toRestateQueryText([a, b], { restateColumns: true });
        expectSameBothWays(text);
        const rows = (JSON.parse(text) as { rows: unknown[] }).rows;
        const interleaved = JSON.stringify({
          rows: rows.flatMap((row, i) => (i < 20 ? [row, rows[30 + i]] : i < 30 ? [row] : [])),
        });
        expectSameBothWays(interleaved);
        expect(tookFastPath(interleaved)).toBe(false);
      }),
      { seed: 62, numRuns: 20 },
    );
  });

  it('rows with their columns in another order, with spaces, and with columns it does not read (seed 63)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 2 ** 31 }), (seed, shuffleSeed) => {
        const text = toRestateQueryText([generateJournal({ entries: 40, seed })], { restateColumns: false });
        let state = shuffleSeed;
        const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
        const rows = (JSON.parse(text) as { rows: Record<string, unknown>[] }).rows.map((row) => {
          const keys = Object.keys(row).sort(() => (next() % 3) - 1);
          const shuffled: Record<string, unknown> = {
            extra: [next() % 7],
            flag: next() % 2 === 0,
            empty: null,
            fraction: -1.5e-3,
          };
          for (const key of keys) shuffled[key] = row[key];
          return shuffled;
        });
        // Nested values (`extra`) are fine for JSON.parse: this path reads these rows too.
        const spaced = JSON.stringify({ rows }, null, next() % 2 ? 1 : 0);
        expectSameBothWays(spaced);
        expect(tookFastPath(spaced)).toBe(true);
      }),
      { seed: 63, numRuns: 30 },
    );
  });

  it('a string that ends like a row boundary (`}, {"`) does not cut a chunk there', () => {
    const base = JSON.parse(samples[0].text) as { rows: Record<string, unknown>[] };
    const rows = base.rows.map((row, i) => (i % 2 ? { ...row, name: 'x}, {' } : row));
    const text = JSON.stringify({ rows }).replaceAll('"name":"x}, {"', '"name":"x}, {"');
    expectSameBothWays(text);
    expect(tookFastPath(text)).toBe(true);
  });

  it('escapes in names, ids, times and lite JSON; unicode; a name with a quote', () => {
    const base = JSON.parse(captures.find((c) => c.name === 'all-calls')?.text ?? samples[0].text) as {
      rows: Record<string, unknown>[];
    };
    const rows = base.rows.map((row, i) => ({
      ...row,
      name: i % 3 === 0 ? 'naïve "quoted" \\ name' : i % 3 === 1 ? 'r\u00e9sum\u00e9' : row.name,
    }));
    const escapedText = JSON.stringify({ rows })
      .replaceAll('"appended_at":"2', '"appended_at":"\\u0032')
      .replaceAll('\\"Command\\"', '\\"\\u0043ommand\\"');
    expectSameBothWays(escapedText);
    expect(tookFastPath(escapedText)).toBe(true);
  });

  it('odd values: big partition keys, null columns, version absent, appended_at unreadable, index gaps, duplicate keys', () => {
    const text = samples[0].text;
    const variants = [
      text.replace('"version":2,', ''),
      text.replaceAll('"version":2,', '"version":null,'),
      text.replace(/"appended_at":"[^"]*"/, '"appended_at":"yesterday"'),
      text.replace(/"appended_at":"[^"]*"/, '"appended_at":12'),
      text.replace(/"appended_at":"[^"]*"/, '"appended_at":null'),
      text.replace('"index":0,', '"index":7,'),
      text.replace('"index":1,', '"index":1,"index":1,'),
      text.replace('"index":1,', '"index":1.0,'),
      text.replace('"index":1,', '"index":"1",'),
      text.replace('"partition_key":', '"partition_key":1e30,"x":'),
      text.replace('"version":2', '"version":1'),
      text.replace('"version":2', '"version":3'),
      text.replace(/"entry_lite_json":"[^"\\]*(?:\\.[^"\\]*)*"/, '"entry_lite_json":null'),
      text.replace(/"entry_lite_json":"[^"\\]*(?:\\.[^"\\]*)*"/, '"entry_lite_json":5'),
      text.replace(/"entry_json":"[^"\\]*(?:\\.[^"\\]*)*"/, '"entry_json":null'),
      text.replace(/"id":"inv_\w+"/, '"id":""'),
      text.replace(/"id":"inv_\w+"/, '"id":7'),
      text.replace('{"rows":[', '{"rows":[{"id":"x","target":"Svc/h","status":"running"},'),
      text.replace('{"rows":[', 'restate> select * from sys_journal\n{"rows":['),
      `${text}\n5 rows. Query took 3ms\n`,
      text.replace('{"rows":', '{"other":1,"rows":'),
      '{"rows":[]}',
      '[]',
    ];
    for (const variant of variants) expectSameBothWays(variant);
  });

  it('every prefix of a real export, and every single-character change of its start, read the same both ways', () => {
    // Without partition_key: a changed digit of one row's key is kept by the fast path (each row's own digits) but
    // not by the general path (which takes the digits next to the invocation's first row).
    const text = samples[1].text.replace(/"partition_key":\d+,/g, '');
    for (let cut = 0; cut < text.length; cut += 3) expectSameBothWays(text.slice(0, cut));
    const replacements = [
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '\n',
      '\u0001',
      '0',
      '-',
      'e',
      'n',
      'x',
      '\u00e9',
    ];
    for (let at = 0; at < Math.min(text.length, 1500); at++) {
      const replacement = replacements[at % replacements.length];
      expectSameBothWays(text.slice(0, at) + replacement + text.slice(at + 1));
    }
  });

  it('limits apply the same way (maxEntries, maxChars)', () => {
    const text = samples[0].text;
    expectSameBothWays(text, { limits: { maxEntries: 3 } });
    expectSameBothWays(text, { limits: { maxChars: 100 } });
  });

  it('progress goes from 0 to 1 and never back on the fast path', () => {
    const text = toRestateQueryText([generateJournal({ entries: 20_000, seed: 3 })], { restateColumns: true });
    const seen: number[] = [];
    readJournals(text, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });
});
