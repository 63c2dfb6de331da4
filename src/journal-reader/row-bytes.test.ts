// The stream reader says where each entry's row is in the file (rowBytesOf): slicing the file's bytes there gives that
// row's JSON, whatever the pieces, the chunk size and the characters (multi-byte UTF-8 in names and payloads). Rows it
// could not place (a chunk it had to parse) are -1, never a wrong place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Journal } from '../model';
import { readJournalStream, readJournals, rowBytesOf, toRestateQueryText } from './index';
import type { ByteSource } from './index';
import { generateJournal } from './generate';
import { CAPTURES_DIR, captureCases, readText } from './test-files';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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

/** Checks every placed row against the file's rows in order; returns how many rows were placed. */
async function placedRows(text: string, pieces: number[], chunkBytes?: number): Promise<number> {
  const bytes = encoder.encode(text);
  const result = await readJournalStream(sourceOf(bytes, pieces), { chunkBytes, wholeTextMaxBytes: 0 });
  const rows = (JSON.parse(text) as { rows: unknown[] }).rows;
  let k = 0;
  let placed = 0;
  for (const journal of result.journals) {
    const places = rowBytesOf(journal);
    expect(places).toBeDefined();
    expect(places!.start.length).toBe(journal.entries.length);
    for (let i = 0; i < journal.entries.length; i++, k++) {
      const start = places!.start[i];
      const end = places!.end[i];
      if (start === -1) {
        expect(end).toBe(-1);
        continue;
      }
      const slice = decoder.decode(bytes.subarray(start, end));
      expect(slice.startsWith('{') && slice.endsWith('}')).toBe(true);
      expect(JSON.parse(slice)).toEqual(rows[k]);
      placed++;
    }
  }
  expect(k).toBe(rows.length);
  return placed;
}

function withNames(journal: Journal, names: string[]): Journal {
  let k = 0;
  const entries = journal.entries.map((e): Entry =>
    e.kind === 'command' && e.type === 'Run' ? { ...e, name: names[k++ % names.length] } : e,
  );
  return { ...journal, entries };
}

describe('the stream reader places each row in the file', () => {
  it('every row of a generated export, in odd pieces and tiny chunks, and in 1 MiB pieces', async () => {
    const text = toRestateQueryText([generateJournal({ entries: 2000, seed: 4 })], { restateColumns: true });
    const failures = readJournals(text).journals[0].entries.filter(
      (e) => e.kind === 'notification' && e.result.kind === 'failure',
    ).length;
    const rows = (JSON.parse(text) as { rows: unknown[] }).rows.length;
    // Failure rows are parsed one by one, but their place is known too.
    expect(failures).toBeGreaterThan(0);
    expect(await placedRows(text, [977, 64, 4099], 300)).toBe(rows);
    expect(await placedRows(text, [1 << 20])).toBe(rows);
  });

  it('property (seed 1531): multi-byte names (é, 日本, 😀) shift every later offset; each is still exact', async () => {
    const name = fc.oneof(fc.constantFrom('é', '日本', '😀', 'a😀é', 'plain', ''), fc.string({ unit: 'grapheme' }));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(name, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 16, max: 3000 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }),
        async (seed, names, chunkBytes, pieces) => {
          const journal = withNames(generateJournal({ entries: 80, seed }), names);
          const text = toRestateQueryText([journal], { restateColumns: true });
          const placed = await placedRows(text, pieces, chunkBytes);
          const plain = names.every((n) => JSON.stringify(n) === `"${n}"`);
          if (plain) expect(placed).toBe((JSON.parse(text) as { rows: unknown[] }).rows.length);
        },
      ),
      { seed: 1531, numRuns: 40 },
    );
  });

  it.each(captureCases().map((name) => ({ name, text: readText(`${CAPTURES_DIR}${name}/journal.query.json`) })))(
    'real export $name: every placed row is exact',
    async ({ text }) => {
      expect(await placedRows(text, [4096], 500)).toBeGreaterThan(0);
    },
  );

  it('a pretty-printed `restate sql --json` array (chunks parsed, not scanned): rows are -1, never misplaced', async () => {
    const rows = (JSON.parse(toRestateQueryText([generateJournal({ entries: 50, seed: 2 })])) as { rows: unknown[] })
      .rows;
    const text = JSON.stringify({ rows }, null, 2);
    expect(await placedRows(text, [333], 400)).toBe(0);
  });
});
