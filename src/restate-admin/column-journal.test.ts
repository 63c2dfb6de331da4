import { describe, expect, it } from 'vitest';
import type { EntryColumns, Journal } from '../model';
import { readJournals } from '../journal-reader';
import { columnStats } from '../journal-reader/column-stats';
import { toColumns } from '../journal-reader/columns';
import { captureCases } from '../journal-reader/test-files';
import { ColumnJournal } from './column-journal';
import { captureBundle } from './fake-admin-test-kit';

type Bundle = ReturnType<typeof captureBundle>;
const index = (row: Record<string, unknown>) => row.index as number;

/** The reader's journal of the bundle with only the journal rows in [from, to). */
function readRows(bundle: Bundle, from: number, to: number): Journal {
  const text = JSON.stringify({
    format: 'replay-inspector/bundle',
    version: 1,
    ...bundle,
    sys_journal: bundle.sys_journal.filter((row) => index(row) >= from && index(row) < to),
  });
  return readJournals(text, { fileName: 'x.bundle.json' }).journals[0];
}

/** Columns as plain arrays (views and copies compare by content). */
const plain = (c: EntryColumns) =>
  Object.fromEntries(
    Object.entries(c).map(([key, value]) => [
      key,
      ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
    ]),
  );

const SMALL = captureCases().filter((name) => name !== 'fanout-7000');

describe('ColumnJournal: a followed journal kept as columns', () => {
  it.each(SMALL)('%s: whole prefix, then tails of 1 to 3 rows = the whole journal summarised at once', (name) => {
    const bundle = captureBundle(name);
    const count = bundle.sys_journal.length;
    const whole = columnStats(readRows(bundle, 0, count));
    for (const step of [1, 2, 3]) {
      for (let first = 1; first <= Math.min(count, 4); first++) {
        const journal = new ColumnJournal();
        expect(journal.append(readRows(bundle, 0, first))).toEqual({ kind: 'appended', added: first });
        for (let held = first; held < count; held = Math.min(count, held + step)) {
          const to = Math.min(count, held + step);
          const outcome = journal.append(readRows(bundle, journal.fromIndex, to));
          expect(outcome, `${name} at ${held}`).toEqual({ kind: 'appended', added: to - held });
        }
        expect(journal.length).toBe(count);
        expect(journal.stats()).toEqual(whole);
        // Column by column (command numbering included), the same as the whole journal's entries made columns.
        expect(plain(journal.columns())).toEqual(plain(toColumns(readRows(bundle, 0, count).entries)));
      }
    }
  });

  it('fanout-7000: 6,990 entries, then 12 more in four updates = the whole journal (commands numbered on)', () => {
    const bundle = captureBundle('fanout-7000');
    const wholeJournal = readRows(bundle, 0, 7002);
    const whole = columnStats(wholeJournal);
    const journal = new ColumnJournal();
    journal.append(readRows(bundle, 0, 6990));
    for (const to of [6993, 6996, 6999, 7002]) journal.append(readRows(bundle, journal.fromIndex, to));
    expect(journal.stats()).toEqual(whole);
    expect(plain(journal.columns())).toEqual(plain(toColumns(wholeJournal.entries)));
  });

  it('refuses a tail whose overlapping row changed, and leaves the columns as they were', () => {
    const bundle = captureBundle('fanout-small');
    const journal = new ColumnJournal();
    journal.append(readRows(bundle, 0, 10));
    const before = journal.stats();
    const rewritten = {
      ...bundle,
      sys_journal: bundle.sys_journal.map((row) =>
        index(row) === 9 ? { ...row, appended_at: '2030-01-01T00:00:00.000Z' } : row,
      ),
    };
    const outcome = journal.append(readRows(rewritten, 9, 20));
    expect(outcome).toEqual({ kind: 'reread', reason: 'entry 9 changed on the server (restarted or rewritten)' });
    expect(journal.stats()).toEqual(before);
    expect(journal.append(readRows(bundle, 12, 20)).kind).toBe('reread');
    journal.reset();
    expect(journal.append(readRows(bundle, 0, 42))).toEqual({ kind: 'appended', added: 42 });
    expect(journal.stats()).toEqual(columnStats(readRows(bundle, 0, 42)));
  });

  it('keeps the latest event (run-retry: three transient errors)', () => {
    const bundle = captureBundle('run-retry');
    const journal = new ColumnJournal();
    expect(journal.lastEvent).toBeNull();
    journal.append(readRows(bundle, 0, bundle.sys_journal.length));
    expect(journal.lastEvent?.type).toBe('TransientError');
    const latest = Math.max(...bundle.sys_journal_events.map((row) => Date.parse(String(row.appended_at))));
    expect(journal.lastEvent?.appendedAtMs).toBe(latest);
  });
});
