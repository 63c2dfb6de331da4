import { describe, expect, it } from 'vitest';
import { readJournals, toRestateQueryText } from '../../journal-reader';
import { generateJournal } from '../../journal-reader/generate';
import { runFromRead } from '../../run/assemble';
import {
  PARTIAL_MIN_BYTES,
  PREFIX_BYTES,
  SMALL_PREFIX_BELOW_BYTES,
  SMALL_PREFIX_BYTES,
  exportPrefixes,
  partialRunOf,
  previewBytesFor,
} from './partialRead';

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

describe('partialRunOf: a replay-inspector export bundle (seed 7)', () => {
  // The bundle `replay-inspector export` writes: format and version first, sys_journal as the first table, then the
  // invocation's status (the real 7,002-entry capture, test/fixtures/restate-1.7.12/fanout-7000, has this shape).
  const rows = JSON.parse(exportText).rows as unknown[];
  const status = [
    { id: full.journal.invocationId, status: 'completed', target_service_name: 'Lab' },
    { id: 'inv_1other', status: 'completed', target_service_name: 'Lab' },
  ];
  const bundleText = `{"format":"replay-inspector/bundle","version":1,\n"source":{"restateVersion":"1.7.12"},\n"sys_journal":${JSON.stringify(rows)},\n"sys_invocation_status":${JSON.stringify(status)}}`;
  const bundleBytes = encoder.encode(bundleText);
  const wholeBundle = runFromRead(readJournals(bundleText));

  it('gives exactly the first entries of the full read of the bundle', () => {
    const partial = partialRunOf(bundleBytes.subarray(0, 150_000), bundleBytes.length, readText, runFromRead)!;
    expect(partial).not.toBeNull();
    expect(partial.entriesRead).toBeGreaterThan(100);
    expect(partial.entriesRead).toBeLessThan(wholeBundle.journal.entries.length);
    expect(withoutRaw(partial.result.journal.entries)).toEqual(
      withoutRaw(wholeBundle.journal.entries.slice(0, partial.entriesRead)),
    );
  });

  it('a cut in a later table (between the two status rows) keeps every entry', () => {
    const partial = partialRunOf(bundleBytes, bundleBytes.length, readText, runFromRead)!;
    expect(withoutRaw(partial.result.journal.entries)).toEqual(withoutRaw(wholeBundle.journal.entries));
  });

  it('every bundle prefix candidate closes into a bundle object', () => {
    const candidates = [...exportPrefixes(bundleBytes.subarray(0, 60_000))];
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(JSON.parse(c.text)).toMatchObject({ format: 'replay-inspector/bundle' });
  });
});

describe('previewBytesFor: how much of a picked file the preview reads', () => {
  it('none below PARTIAL_MIN_BYTES, a small prefix for mid-sized files, PREFIX_BYTES for large ones', () => {
    expect(previewBytesFor(PARTIAL_MIN_BYTES - 1)).toBe(0);
    expect(previewBytesFor(PARTIAL_MIN_BYTES)).toBe(SMALL_PREFIX_BYTES);
    expect(previewBytesFor(3_100_000)).toBe(SMALL_PREFIX_BYTES);
    expect(previewBytesFor(SMALL_PREFIX_BELOW_BYTES)).toBe(PREFIX_BYTES);
    expect(previewBytesFor(460_000_000)).toBe(PREFIX_BYTES);
  });
});
