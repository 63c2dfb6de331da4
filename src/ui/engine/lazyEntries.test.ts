// A large run's entries kept as columns (lazyEntries.ts) must read as exactly the array the page rebuilt before
// (entriesOfPart): same entries at every index, through every array operation the UI and the exports use, the same
// object each time an entry is read again, times read from the columns equal to the entries' own, and a plain copy
// for postMessage. Real captures, and generated journals split into parts of odd sizes (fast-check, seed in the name).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJournals, toRestateQueryText } from '../../journal-reader';
import { generateJournal } from '../../journal-reader/generate';
import { CAPTURES_DIR, readText } from '../../journal-reader/test-files';
import type { Entry } from '../../model';
import { entriesOfPart, entryColumnsPart, type EntryColumnsPart } from './entryParts';
import { cloneableJob } from './engineClient';
import { entryTimes, isLazyEntries, lazyEntries, plainEntries } from './lazyEntries';
import { ResultAssembler, splitForPage } from './transfer';
import type { RunResult } from '../../run/loaded-run';

function partsOf(entries: Entry[], size: number): EntryColumnsPart[] {
  const sent = entries.map((e) => ({ ...e, raw: undefined }));
  const parts: EntryColumnsPart[] = [];
  for (let i = 0; i < sent.length; i += size) parts.push(structuredClone(entryColumnsPart(sent.slice(i, i + size))));
  return parts;
}

function expectSameAsRebuilt(entries: Entry[], size: number): void {
  const parts = partsOf(entries, size);
  const rebuilt: Entry[] = [];
  for (const part of parts) entriesOfPart(part, rebuilt);
  const lazy = lazyEntries(parts);
  expect(isLazyEntries(lazy)).toBe(true);
  expect(isLazyEntries(rebuilt)).toBe(false);
  // Times first, before any entry is made: they come from the columns (JSON rows from their parsed entries).
  expect(entryTimes(lazy)).toEqual(rebuilt.map((e) => e.appendedAtMs));
  expect(lazy.length).toBe(rebuilt.length);
  expect(Array.isArray(lazy)).toBe(true);
  // Read from the end backwards, so entries are made out of order, then every array operation the UI uses.
  for (let i = rebuilt.length - 1; i >= 0; i--) expect(lazy[i]).toEqual(rebuilt[i]);
  expect(lazy[rebuilt.length]).toBeUndefined();
  expect(lazy[-1]).toBeUndefined();
  // Only canonical index keys are entries: '01', '1.0', ' 1' and '1e0' are other properties (none), as on an array.
  for (const key of ['01', '1.0', ' 1', '1e0', '+1', ''])
    expect((lazy as unknown as Record<string, unknown>)[key]).toBe(
      (rebuilt as unknown as Record<string, unknown>)[key],
    );
  expect(JSON.stringify(lazy)).toBe(JSON.stringify(rebuilt));
  expect([...lazy]).toEqual(rebuilt);
  expect(lazy.map((e) => e.index)).toEqual(rebuilt.map((e) => e.index));
  expect(lazy.slice(1, 4)).toEqual(rebuilt.slice(1, 4));
  const cmd = (e: Entry) => e.kind === 'command' && e.commandIndex === 2;
  expect(lazy.find(cmd)).toEqual(rebuilt.find(cmd));
  expect(lazy.filter((e) => e.kind === 'notification').length).toBe(
    rebuilt.filter((e) => e.kind === 'notification').length,
  );
  expect(0 in lazy).toBe(rebuilt.length > 0);
  expect(rebuilt.length in lazy).toBe(false);
  // The same object on every read (rawRows.ts compares entries by identity).
  for (let i = 0; i < rebuilt.length; i++) expect(lazy[i]).toBe(lazy[i]);
  const plain = plainEntries(lazy);
  expect(isLazyEntries(plain)).toBe(false);
  expect(structuredClone(plain)).toEqual(rebuilt);
}

describe('a large run keeps its entries as columns and makes an Entry when one is read', () => {
  it('the fan-out capture, in parts of 1,000 and of 7', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const entries = readJournals(text).journals[0].entries;
    expectSameAsRebuilt(entries, 1000);
    expectSameAsRebuilt(entries.slice(0, 400), 7);
  });

  it('property (seed 2611): generated journals, as simulated and as read back from their export', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        (entries, seed, size) => {
          const journal = generateJournal({ entries: Math.max(2, entries), seed });
          expectSameAsRebuilt(journal.entries.slice(0, entries), size);
          expectSameAsRebuilt(readJournals(toRestateQueryText([journal])).journals[0].entries, size);
        },
      ),
      { seed: 2611, numRuns: 40 },
    );
  });

  it('is read-only: a write throws and changes nothing', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const entries = readJournals(text).journals[0].entries.slice(0, 20);
    const lazy = lazyEntries(partsOf(entries, 8));
    const first = lazy[0];
    expect(() => {
      (lazy as Entry[])[0] = entries[5];
    }).toThrow(TypeError);
    expect(() => (lazy as Entry[]).push(entries[5])).toThrow(TypeError);
    expect(lazy[0]).toBe(first);
    expect(lazy.length).toBe(20);
  });

  it('the assembler keeps columns only for a journal of LAZY_ENTRIES_MIN entries or more', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const journal = readJournals(text).journals[0];
    const assemble = (min: number) => {
      const result = { journal: { ...journal, entries: journal.entries.map((e) => ({ ...e })) }, futures: [] };
      const assembler = new ResultAssembler(min);
      const { rest } = splitForPage(result as unknown as RunResult, (part) => assembler.add(structuredClone(part)));
      return assembler.finish(rest).journal.entries;
    };
    const small = assemble(journal.entries.length + 1);
    const large = assemble(journal.entries.length);
    expect(isLazyEntries(small)).toBe(false);
    expect(isLazyEntries(large)).toBe(true);
    expect(JSON.stringify(large)).toBe(JSON.stringify(small));
  });

  it('a replay job of a large run is posted with a plain copy of its entries; other jobs go as they are', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const journal = readJournals(text).journals[0];
    const lazy = lazyEntries(partsOf(journal.entries, 500));
    const job = { type: 'replay' as const, source: 'x', scenarioLabel: 'x', journal: { ...journal, entries: lazy } };
    expect(() => structuredClone(job)).toThrow();
    const posted = cloneableJob(job);
    expect(isLazyEntries(posted.type === 'replay' ? posted.journal.entries : [])).toBe(false);
    expect(JSON.stringify(structuredClone(posted))).toBe(JSON.stringify(job));
    const plain = { ...job, journal: { ...journal, entries: journal.entries } };
    expect(cloneableJob(plain)).toBe(plain);
  });
});
