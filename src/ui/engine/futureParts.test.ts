// Futures sent as columns (futureParts.ts) must arrive as exactly what JSON text gave before: for real captures,
// generated journals (fast-check, seed in the name) and hand-made odd futures, rebuilt futures deep-equal
// JSON.parse(JSON.stringify(futures)), in order, whatever mix of column and JSON shapes a part holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFutures, readJournals, toRestateQueryText } from '../../journal-reader';
import { generateJournal } from '../../journal-reader/generate';
import { CAPTURES_DIR, captureCases, readText } from '../../journal-reader/test-files';
import type { Future, Journal } from '../../model';
import { orderFutures, withDisplayNames } from '../../run/future-order';
import { futureColumnsPart, futurePartBuffers, futuresOfPart } from './futureParts';

function expectSameAsJson(futures: Future[]): { columns: number } {
  const expected = JSON.parse(JSON.stringify(futures)) as Future[];
  const made = futureColumnsPart(futures);
  // As postMessage does with a transfer list: the buffers move, the Worker's views are left empty.
  const part = structuredClone(made, { transfer: futurePartBuffers(made) });
  expect(made.shape.length).toBe(0);
  const rebuilt: Future[] = [];
  futuresOfPart(part, rebuilt);
  expect(rebuilt).toEqual(expected);
  expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(expected));
  return { columns: part.shape.filter((s) => s !== 0).length };
}

/** The futures the engine Worker sends: derived, named and in lane order. */
const presented = (journal: Journal) => orderFutures(withDisplayNames(deriveFutures(journal), journal));

const base: Future = {
  id: 'c1',
  completionId: 1,
  commandIndex: 0,
  entryIndex: 0,
  kind: 'Run',
  name: 'a',
  startMs: 10,
  endMs: null,
  completionEntryIndex: null,
  result: 'pending',
};

describe('futures as columns across the Worker boundary', () => {
  it.each(captureCases())('real capture %s', (name) => {
    const text = readText(`${CAPTURES_DIR}${name}/journal.query.json`);
    for (const journal of readJournals(text).journals) expectSameAsJson(presented(journal));
  });

  it('the fan-out capture travels as columns only', () => {
    const text = readText(`${CAPTURES_DIR}fanout-7000/journal.query.json`);
    const futures = presented(readJournals(text).journals[0]);
    expect(futures.length).toBeGreaterThan(3000);
    expect(expectSameAsJson(futures).columns).toBe(futures.length);
  });

  it('property (seed 2417): generated journals, as simulated and as read back from their export', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (entries, seed) => {
        const journal = generateJournal({ entries, seed });
        expectSameAsJson(presented(journal));
        expectSameAsJson(presented(readJournals(toRestateQueryText([journal])).journals[0]));
      }),
      { seed: 2417, numRuns: 50 },
    );
  });

  it('signals, named signals, odd ids, −0 and extra or non-finite fields come back as JSON gives them', () => {
    expectSameAsJson([]);
    const futures: Future[] = [
      base,
      { ...base, id: 'c2', completionId: 2, endMs: 30, completionEntryIndex: 1, result: 'success' },
      {
        id: 's17',
        commandIndex: null,
        entryIndex: 3,
        kind: 'Awakeable',
        name: 'approve',
        startMs: null,
        endMs: 40,
        completionEntryIndex: 3,
        result: 'failure',
        signalIndex: 17,
      },
      { ...base, id: 's:ready', completionId: undefined, kind: 'Signal' },
      { ...base, id: 'x9', completionId: 9 },
      { ...base, id: 'c0', completionId: -0, startMs: -0 },
      { ...base, id: 'c16777216', completionId: 2 ** 24 },
      { ...base, id: 'c07', completionId: 7 },
      { ...base, id: 'c5', completionId: 5, startMs: NaN },
      { ...base, id: 'c6', completionId: 6, endMs: Infinity },
      { ...base, id: 'c7', completionId: 7, note: 'extra' } as Future,
      { ...base, id: 'c8', completionId: 8, note: undefined } as Future,
    ];
    expect(expectSameAsJson(futures).columns).toBe(9);
  });

  it('a part with only unusual futures is JSON alone', () => {
    const futures = [{ ...base, startMs: NaN }];
    expect(expectSameAsJson(futures).columns).toBe(0);
  });
});
