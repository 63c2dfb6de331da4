// The stream reader (stream.ts) must read exactly what the bytes reader reads, however the bytes are cut into the
// stream's pieces and into its row chunks; and above the whole-text limit, bad input still gets a stable code with
// its row (and field, or byte offset). `wholeTextMaxBytes: 0` forces the stream path's own answer, as for a 460 MB file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReaderError, readJournalBytes, readJournalStream, toRestateQueryText } from './index';
import type { ByteSource, StreamReadOptions } from './index';
import { generateJournal } from './generate';
import { CAPTURES_DIR, captureCases, readText } from './test-files';

const encoder = new TextEncoder();

/** The bytes as a stream of pieces of the given sizes (cycled). */
function sourceOf(bytes: Uint8Array, pieces: number[] = [65_536]): ByteSource {
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

async function outcomeOf(read: () => Promise<unknown> | unknown): Promise<string> {
  try {
    return JSON.stringify(await read());
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    return `${error.code} ${JSON.stringify(error.location)} ${error.message}`;
  }
}

async function expectSameAsBytes(text: string, pieces: number[], options: StreamReadOptions = {}): Promise<void> {
  const bytes = encoder.encode(text);
  const expected = await outcomeOf(() => readJournalBytes(bytes, options));
  expect(await outcomeOf(() => readJournalStream(sourceOf(bytes, pieces), options))).toBe(expected);
}

/** What the stream path itself says (no fallback to the whole bytes). */
async function streamOnly(text: string, options: StreamReadOptions = {}): Promise<ReaderError | string> {
  try {
    const result = await readJournalStream(sourceOf(encoder.encode(text), [4096]), {
      wholeTextMaxBytes: 0,
      chunkBytes: 300,
      ...options,
    });
    return JSON.stringify(result);
  } catch (error) {
    if (error instanceof ReaderError) return error;
    throw error;
  }
}

const captures = captureCases().map((name) => ({ name, text: readText(`${CAPTURES_DIR}${name}/journal.query.json`) }));
const generated = toRestateQueryText([generateJournal({ entries: 1500, seed: 7 })]);

describe('the stream reader reads what the bytes reader reads', () => {
  it.each(captures)('real export $name, in 64 KiB pieces and in odd small pieces with tiny row chunks', async (c) => {
    await expectSameAsBytes(c.text, [65_536]);
    await expectSameAsBytes(c.text, [1, 7, 333, 4096], { chunkBytes: 300 });
  });

  it.each(captures)('real export $name read by the stream path alone gives the same journals', async (c) => {
    const bytes = encoder.encode(c.text);
    const expected = JSON.stringify(readJournalBytes(bytes));
    const result = await streamOnly(c.text);
    expect(result).toBe(expected);
  });

  it('property (seed 1515): any piece sizes and chunk size, a generated export reads the same', async () => {
    const bytes = encoder.encode(generated);
    const expected = JSON.stringify(readJournalBytes(bytes));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 16, max: 50_000 }),
        async (pieces, chunkBytes) => {
          const out = await readJournalStream(sourceOf(bytes, pieces), { chunkBytes, wholeTextMaxBytes: 0 });
          expect(JSON.stringify(out)).toBe(expected);
        },
      ),
      { seed: 1515, numRuns: 40 },
    );
  });

  it('a pretty-printed `restate sql --json` array with non-ASCII names streams the same', async () => {
    const rows = (JSON.parse(generated) as { rows: Record<string, unknown>[] }).rows.slice(0, 300);
    rows.forEach((row, i) => {
      if (typeof row.name === 'string' && i % 3 === 0) row.name = `schritt-ü-😀-${i}`;
    });
    const text = JSON.stringify(rows, null, 2);
    await expectSameAsBytes(text, [1000], { chunkBytes: 200 });
    expect(await streamOnly(text)).toBe(JSON.stringify(readJournalBytes(encoder.encode(text))));
  });

  it('small files the stream path does not read (JSONL, bundles, leading text) go to the bytes reader', async () => {
    const jsonl = (JSON.parse(generated) as { rows: unknown[] }).rows
      .slice(0, 50)
      .map((r) => JSON.stringify(r))
      .join('\n');
    await expectSameAsBytes(jsonl, [100]);
    await expectSameAsBytes(`$ curl …\n${generated.slice(0, 2000)}`, [100]);
    await expectSameAsBytes('', [1]);
    await expectSameAsBytes('\u001f\u008b', [1]);
  });

  it('reports progress from 0 to 1 as the bytes arrive', async () => {
    const seen: number[] = [];
    await readJournalStream(sourceOf(encoder.encode(generated), [10_000]), {
      chunkBytes: 20_000,
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('bad input in the middle of a large stream: a stable code and where', () => {
  const rows = (JSON.parse(generated) as { rows: Record<string, unknown>[] }).rows;

  it('a row whose field has the wrong type: BAD_FIELD_TYPE or MISSING_FIELD at its row and field', async () => {
    const broken = rows.map((r, i) => (i === 700 ? { ...r, entry_lite_json: 42, entry_json: 42 } : r));
    const error = await streamOnly(JSON.stringify({ rows: broken }));
    expect(error).toBeInstanceOf(ReaderError);
    const e = error as ReaderError;
    expect(['BAD_FIELD_TYPE', 'BAD_ENTRY_JSON', 'MISSING_FIELD']).toContain(e.code);
    expect(e.location.row).toBe(700);
    expect(e.location.field).toBeDefined();
  });

  it('a syntax error mid-stream: NOT_JSON at its character offset, with its row', async () => {
    const text = JSON.stringify({ rows });
    const at = text.indexOf('"index":900,');
    const bad = text.slice(0, at) + '"index":900,,' + text.slice(at + '"index":900,'.length);
    const e = (await streamOnly(bad)) as ReaderError;
    expect(e).toBeInstanceOf(ReaderError);
    expect(e.code).toBe('NOT_JSON');
    expect(e.location.row).toBe(900);
    expect(Math.abs((e.location.offset ?? 0) - (at + '"index":900,'.length))).toBeLessThanOrEqual(1);
    expect(e.location.line).toBe(1);
  });

  it('a file cut short: TRUNCATED with the row it stopped in', async () => {
    const text = JSON.stringify({ rows });
    const e = (await streamOnly(text.slice(0, Math.floor(text.length * 0.6)))) as ReaderError;
    expect(e.code).toBe('TRUNCATED');
    expect(e.location.row).toBeGreaterThan(0);
  });

  it('invalid UTF-8 mid-stream: BINARY_INPUT at the offset of the bad byte', async () => {
    const bytes = encoder.encode(JSON.stringify({ rows }));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = 0xff;
    const error = await outcomeOf(() =>
      readJournalStream(sourceOf(bytes, [5000]), { wholeTextMaxBytes: 0, chunkBytes: 3000 }),
    );
    expect(error).toMatch(new RegExp(`^BINARY_INPUT \\{"offset":${at}\\}`));
  });

  it('rows of two invocations interleaved (fine for the general path): TOO_LARGE says what streams', async () => {
    const other = rows.slice(0, 10).map((r) => ({ ...r, id: 'inv_other' }));
    const mixed = [...rows.slice(0, 400), ...other, ...rows.slice(400)];
    const e = (await streamOnly(JSON.stringify({ rows: mixed.concat(rows.slice(0, 1)) }))) as ReaderError;
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toContain('in index order');
    expect(e.location.row).toBeGreaterThanOrEqual(400);
  });
});
