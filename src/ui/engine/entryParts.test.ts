// Entries sent as columns (entryParts.ts) must arrive as exactly what JSON text gave before: for real captures, a
// large export's shapes, and generated journals (fast-check, seed in the name), rebuilt entries deep-equal
// JSON.parse(JSON.stringify(entries)), in order, whatever mix of column and JSON shapes a part holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJournals, toRestateQueryText } from '../../journal-reader';
import { generateJournal } from '../../journal-reader/generate';
import { CAPTURES_DIR, captureCases, readText } from '../../journal-reader/test-files';
import type { Entry } from '../../model';
import { entriesOfPart, entryColumnsPart } from './entryParts';

function withoutRaw(entries: Entry[]): Entry[] {
  return entries.map((e) => ({ ...e, raw: undefined }));
}

function expectSameAsJson(entries: Entry[]): { columns: number } {
  const sent = withoutRaw(entries);
  const expected = JSON.parse(JSON.stringify(sent)) as Entry[];
  const part = structuredClone(entryColumnsPart(sent));
  const rebuilt: Entry[] = [];
  entriesOfPart(part, rebuilt);
  expect(rebuilt).toEqual(expected);
  expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(expected));
  return { columns: part.shape.filter((s) => s !== 0).length };
}

describe('entries as columns across the Worker boundary', () => {
  it.each(captureCases())('real capture %s', (name) => {
    const text = readText(`${CAPTURES_DIR}${name}/journal.query.json`);
    for (const journal of readJournals(text).journals) expectSameAsJson(journal.entries);
  });

  it('the fan-out capture travels mostly as columns', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const entries = readJournals(text).journals[0].entries;
    expect(expectSameAsJson(entries).columns).toBeGreaterThan(entries.length * 0.9);
  });

  it('property (seed 1577): generated journals, as simulated and as read back from their export', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (entries, seed) => {
        const journal = generateJournal({ entries, seed });
        expectSameAsJson(journal.entries);
        expectSameAsJson(readJournals(toRestateQueryText([journal])).journals[0].entries);
      }),
      { seed: 1577, numRuns: 50 },
    );
  });

  it('null times, an empty part, and entries with extra fields fall back to JSON in their place', () => {
    expectSameAsJson([]);
    const entries: Entry[] = [
      { kind: 'command', index: 0, type: 'Run', name: 'a', appendedAtMs: null, commandIndex: 0, completionIds: [1] },
      {
        kind: 'command',
        index: 1,
        type: 'Sleep',
        name: '',
        appendedAtMs: 5,
        commandIndex: 1,
        completionIds: [2],
        wakeUpAtMs: 9,
      },
      {
        kind: 'notification',
        index: 2,
        type: 'Run',
        name: '',
        appendedAtMs: 6,
        result: { kind: 'success', payload: { encoding: 'json', text: '"é"', byteLength: 4 } },
        completionId: 1,
      },
      {
        kind: 'notification',
        index: 3,
        type: 'Sleep',
        name: '',
        appendedAtMs: 7,
        completionId: 2,
        result: { kind: 'void' },
      },
      // Not strings where the columns hold strings, or a byte length JSON would write as null: JSON in place.
      {
        kind: 'command',
        index: 4,
        type: 'Run',
        appendedAtMs: 8,
        commandIndex: 2,
        completionIds: [3],
      } as unknown as Entry,
      {
        kind: 'notification',
        index: 5,
        type: 'Run',
        name: '',
        appendedAtMs: 9,
        result: { kind: 'success', payload: { encoding: 'json', text: 5, byteLength: 1 } },
        completionId: 3,
      } as unknown as Entry,
      {
        kind: 'notification',
        index: 6,
        type: 'Run',
        name: '',
        appendedAtMs: 9,
        result: { kind: 'success', payload: { encoding: 'json', text: '1', byteLength: NaN } },
        completionId: 3,
      },
    ];
    expect(expectSameAsJson(entries).columns).toBe(2);
  });
});
