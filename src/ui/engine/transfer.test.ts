import { describe, expect, it } from 'vitest';
import { raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import type { RunResult } from '../../run/loaded-run';
import { ResultAssembler, splitForPage, type ResultPart } from './transfer';

function result(): RunResult {
  const journal = raceJournal();
  journal.entries.forEach((e, i) => (e.raw = { row: i, entry_json: `{"n":${i}}` }));
  return {
    title: 't',
    journal,
    futures: raceFutures(),
    decisions: [],
    attempts: [],
    output: null,
    mismatch: null,
    seed: null,
    crashes: [],
    warnings: [],
    format: 'restate-query',
  };
}

describe('transfer of a result from the Worker to the page', () => {
  it('sends entries and futures in chunks and rebuilds the same run without raw rows', () => {
    const original = structuredClone(result());
    const parts: ResultPart[] = [];
    const transferred: number[] = [];
    // As postMessage does: each part is cloned with its buffers moved (the Worker's views are left empty).
    const { rest, raws } = splitForPage(
      result(),
      (p, transfer) => {
        transferred.push(transfer.length);
        parts.push(structuredClone(p, { transfer }));
        expect(p.shape.length).toBe(0);
      },
      2,
    );
    expect(transferred).toEqual([8, 8, 8, 12]);
    expect(parts.map((p) => p.field)).toEqual(['entry-columns', 'entry-columns', 'entry-columns', 'future-columns']);
    expect(rest.journal.entries).toEqual([]);
    expect(rest.futures).toEqual([]);
    const page = new ResultAssembler();
    for (const p of parts) page.add(p);
    const rebuilt = page.finish(structuredClone(rest));
    expect(rebuilt.journal.entries).toEqual(original.journal.entries.map(({ raw: _raw, ...e }) => e));
    expect(rebuilt.futures).toEqual(original.futures);
    expect(raws).toEqual(original.journal.entries.map((e) => e.raw));
  });

  it('keeps no raw rows when the entries carry none (a simulation)', () => {
    const r = result();
    r.journal.entries.forEach((e) => delete e.raw);
    const { raws } = splitForPage(r, () => undefined);
    expect(raws).toBeNull();
  });

  it('gives back the result as it is when no parts came (an empty journal)', () => {
    const r = result();
    const empty = { ...r, journal: { ...r.journal, entries: [] }, futures: [] };
    expect(new ResultAssembler().finish(empty)).toBe(empty);
  });
});
