// Entries as typed-array columns (columns.ts) must be the same journal: every entry read back through the accessor is
// the entry's own view, and futures and completion order derived over the columns equal those derived over the
// objects (futures.ts), for real captures, the samples, generated journals (fast-check, seed in the name) and the
// columns built while streaming a file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionOrder, deriveFutures, readJournalBytes, readJournals, toRestateQueryText } from './index';
import {
  ColumnsBuilder,
  completionOrderFromColumns,
  deriveFuturesFromColumns,
  entryAt,
  toColumns,
  viewOf,
} from './columns';
import type { Journal } from '../model';
import { generateJournal } from './generate';
import { CAPTURES_DIR, SAMPLE_CASES, captureCases, queryFiles, readText, SAMPLES_DIR } from './test-files';

function expectSameJournal(journal: Journal): void {
  const columns = toColumns(journal.entries);
  expect(columns.length).toBe(journal.entries.length);
  for (let i = 0; i < columns.length; i++) expect(entryAt(columns, i)).toEqual(viewOf(journal.entries[i]));
  expect(deriveFuturesFromColumns(columns)).toEqual(deriveFutures(journal));
  expect(completionOrderFromColumns(columns)).toEqual(completionOrder(journal));
}

const captures = captureCases().map((name) => ({ name, text: readText(`${CAPTURES_DIR}${name}/journal.query.json`) }));

describe('columns ⇄ objects: the same journal', () => {
  it.each(captures)('real capture $name', ({ text }) => {
    for (const journal of readJournals(text).journals) expectSameJournal(journal);
  });

  it.each(SAMPLE_CASES)('sample %s (journal, events and invocation exports)', (sample) => {
    const { journals } = readJournalBytes(new TextEncoder().encode(queryFiles(`${SAMPLES_DIR}${sample}`)[0].text));
    journals.forEach(expectSameJournal);
  });

  it('property (seed 1503): generated journals of any size and seed, read back from their /query export', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (entries, seed) => {
        const generated = generateJournal({ entries, seed });
        expectSameJournal(generated);
        const [read] = readJournals(toRestateQueryText([generated])).journals;
        expectSameJournal(read);
      }),
      { seed: 1503, numRuns: 60 },
    );
  });

  it('a builder that starts small grows and keeps every entry; strings are stored once', () => {
    const journal = generateJournal({ entries: 5000, seed: 3 });
    const builder = new ColumnsBuilder(1);
    journal.entries.forEach((e) => builder.add(e, e.index * 10, e.index * 10 + 9));
    const columns = builder.finish();
    expect(columns.length).toBe(journal.entries.length);
    expect(deriveFuturesFromColumns(columns)).toEqual(deriveFutures(journal));
    expect(columns.rowStart[42]).toBe(journal.entries[42].index * 10);
    expect(new Set(columns.strings).size).toBe(columns.strings.length);
    expect(columns.strings.length).toBeLessThan(journal.entries.length);
  });

  it('every entry costs the same 58 bytes of columns, however many there are', () => {
    const columns = toColumns(generateJournal({ entries: 1000, seed: 9 }).entries);
    const bytes = [
      columns.index,
      columns.kind,
      columns.typeCode,
      columns.nameCode,
      columns.commandIndex,
      columns.completionId,
      columns.completionId2,
      columns.signalIndex,
      columns.signalNameCode,
      columns.resultKind,
      columns.appendedAtMs,
      columns.rowStart,
      columns.rowEnd,
    ].reduce((n, a) => n + a.byteLength, 0);
    expect(bytes / columns.length).toBe(4 * 7 + 1 * 2 + 8 * 3 + 4);
  });
});
