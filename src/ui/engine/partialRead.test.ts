import { describe, expect, it } from 'vitest';
import { readJournals, toRestateQueryText } from '../../journal-reader';
import { generateJournal } from '../../journal-reader/generate';
import { runFromRead } from '../../run/assemble';
import { exportPrefixes, partialRunOf } from './partialRead';

const encoder = new TextEncoder();
const exportText = toRestateQueryText([generateJournal({ entries: 3000, seed: 7 })]);
const bytes = encoder.encode(exportText);
const full = runFromRead(readJournals(exportText));
const readText = (text: string) => readJournals(text);
const withoutRaw = (entries: readonly object[]) => entries.map((e) => ({ ...e, raw: undefined }));

describe('partialRunOf: the first rows of a large export (seed 7)', () => {
  it('gives exactly the first entries of the full read, and estimates the whole file from their bytes', () => {
    const head = bytes.subarray(0, 200_000);
    const partial = partialRunOf(head, bytes.length, readText, runFromRead)!;
    expect(partial).not.toBeNull();
    const n = partial.entriesRead;
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThan(full.journal.entries.length);
    expect(withoutRaw(partial.result.journal.entries)).toEqual(withoutRaw(full.journal.entries.slice(0, n)));
    // Generated rows are of similar size: the estimate is within 15 % of the real count.
    expect(Math.abs(partial.entriesEstimate - full.journal.entries.length)).toBeLessThan(0.15 * 3000);
  });

  it('reads a `restate sql --json` array the same way', () => {
    const rows = JSON.parse(exportText).rows as unknown[];
    const sqlText = JSON.stringify(rows);
    const partial = partialRunOf(encoder.encode(sqlText).subarray(0, 100_000), sqlText.length, readText, runFromRead);
    expect(partial?.entriesRead).toBeGreaterThan(50);
    expect(withoutRaw(partial!.result.journal.entries)).toEqual(
      withoutRaw(full.journal.entries.slice(0, partial!.entriesRead)),
    );
  });

  it('cuts only at row boundaries: every prefix candidate closes into JSON', () => {
    const candidates = [...exportPrefixes(bytes.subarray(0, 50_000))];
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(() => JSON.parse(c.text)).not.toThrow();
  });

  it('gives no preview for another format, a prefix without a whole row, or text the reader refuses', () => {
    expect(partialRunOf(encoder.encode('{"journal":[1,2,3]}'), 100, readText, runFromRead)).toBeNull();
    expect(partialRunOf(bytes.subarray(0, 40), bytes.length, readText, runFromRead)).toBeNull();
    const refusing = () => {
      throw new Error('bad row');
    };
    expect(partialRunOf(bytes.subarray(0, 50_000), bytes.length, refusing, runFromRead)).toBeNull();
  });
});
