// FutureIndex answers every lookup exactly as a Map of the futures by id (the last future with an id wins): for
// derived futures of real captures and generated journals, and for futures with odd or repeated ids
// (fast-check, seed in the name), asked for every id they carry and for ids no future has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFutures, readJournals } from '../journal-reader';
import { generateJournal } from '../journal-reader/generate';
import { CAPTURES_DIR, captureCases, readText } from '../journal-reader/test-files';
import type { Future } from '../model';
import { FutureIndex } from './future-index';

const ASKED = ['c', 'c0', 'c1', 'c01', 'c-1', 'c1.5', 'c16777216', 'c99999999', 's1', 's17', 's:x', '', 'x', 'C1'];

function expectSameAsMap(futures: Future[]): void {
  const map = new Map(futures.map((f) => [f.id, f]));
  const index = new FutureIndex(futures);
  for (const id of [...futures.map((f) => f.id), ...ASKED]) {
    expect(index.get(id)).toBe(map.get(id));
    expect(index.has(id)).toBe(map.has(id));
  }
}

function future(id: string, completionId?: number, signalIndex?: number): Future {
  const f: Future = {
    id,
    commandIndex: null,
    entryIndex: null,
    kind: 'Run',
    name: id,
    startMs: null,
    endMs: null,
    completionEntryIndex: null,
    result: 'pending',
  };
  if (completionId !== undefined) f.completionId = completionId;
  if (signalIndex !== undefined) f.signalIndex = signalIndex;
  return f;
}

describe('futures by id', () => {
  it.each(captureCases())('real capture %s', (name) => {
    for (const journal of readJournals(readText(`${CAPTURES_DIR}${name}/journal.query.json`)).journals)
      expectSameAsMap(deriveFutures(journal));
  });

  it('property (seed 8123): generated journals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (entries, seed) =>
        expectSameAsMap(deriveFutures(generateJournal({ entries, seed }))),
      ),
      { seed: 8123, numRuns: 40 },
    );
  });

  it('property (seed 4409): odd, repeated and mismatched ids and completion ids', () => {
    const id = fc.constantFrom('c0', 'c1', 'c2', 'c01', 'c16777216', 's1', 's17', 's:x', 'x', 'c');
    const completionId = fc.option(fc.constantFrom(0, 1, 2, -1, 1.5, 2 ** 24, -0), { nil: undefined });
    const signalIndex = fc.option(fc.constantFrom(1, 17), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(id, completionId, signalIndex), { maxLength: 12 }), (specs) =>
        expectSameAsMap(specs.map(([i, c, s]) => future(i, c, s))),
      ),
      { seed: 4409, numRuns: 500 },
    );
  });

  it('repeated completion ids: the last future with the id, as a Map gives', () => {
    const a = future('c3', 3);
    const b = future('c3', 3);
    expect(new FutureIndex([a, b]).get('c3')).toBe(b);
    expectSameAsMap([future('c5', 5), future('c5', 6)]);
    expectSameAsMap([future('c5', 5), future('c5')]);
  });
});
