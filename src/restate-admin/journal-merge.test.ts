import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../model';
import { deriveFutures, readJournals } from '../journal-reader';
import { CAPTURES_DIR, captureCases } from '../journal-reader/test-files';
import { mergeTail, mergeWarnings } from './journal-merge';

type Row = Record<string, unknown>;
interface Bundle {
  sys_journal: Row[];
  sys_journal_events: Row[];
  sys_invocation: Row[];
  sys_invocation_status: Row[];
}

/** A capture's bundle, with the journal rows of its first invocation only (some captures hold the callees too). */
function bundleOf(name: string): Bundle {
  const bundle = JSON.parse(readFileSync(`${CAPTURES_DIR}${name}/bundle.json`, 'utf8')) as Bundle;
  const id = bundle.sys_journal[0].id;
  return { ...bundle, sys_journal: bundle.sys_journal.filter((row) => row.id === id) };
}

/** The journal the reader reads from the bundle with only some of its journal rows (all other rows kept). */
function readWith(bundle: Bundle, keep: (row: Row) => boolean): Journal {
  const text = JSON.stringify({
    format: 'replay-inspector/bundle',
    version: 1,
    ...bundle,
    sys_journal: bundle.sys_journal.filter(keep),
  });
  return readJournals(text, { fileName: 'x.bundle.json' }).journals[0];
}

const index = (row: Row) => row.index as number;
// The fan-out capture (7,002 entries) is read at a few splits in its own test; every other capture at every split.
const SMALL = captureCases().filter((name) => name !== 'fanout-7000');

describe('Follow: appending the rows after the last one shown', () => {
  it('has captures to check against', () => {
    expect(SMALL.length).toBeGreaterThan(10);
  });

  it.each(SMALL)('%s: shown prefix + tail read alone = the whole journal read at once, at every split', (name) => {
    const bundle = bundleOf(name);
    const whole = readWith(bundle, () => true);
    const count = bundle.sys_journal.length;
    for (let shownCount = 1; shownCount <= count; shownCount++) {
      const shown = readWith(bundle, (row) => index(row) < shownCount);
      const tail = readWith(bundle, (row) => index(row) >= shownCount - 1);
      const merged = mergeTail(shown, tail);
      if (merged.kind !== 'appended') throw new Error(`${name} at ${shownCount}: ${merged.reason}`);
      expect(merged.added).toBe(count - shownCount);
      expect(merged.journal).toEqual(whole);
      expect(deriveFutures(merged.journal)).toEqual(deriveFutures(whole));
    }
  });

  it('fanout-7000: the last ten entries appended to 6,992 equal the whole read, commands numbered on', () => {
    const bundle = bundleOf('fanout-7000');
    const whole = readWith(bundle, () => true);
    const shownCount = whole.entries.length - 10;
    const merged = mergeTail(
      readWith(bundle, (row) => index(row) < shownCount),
      readWith(bundle, (row) => index(row) >= shownCount - 1),
    );
    expect(merged.kind === 'appended' && merged.added).toBe(10);
    expect(merged.kind === 'appended' && merged.journal).toEqual(whole);
  });

  it('takes the invocation-level fields (status, outcome, events) from the newer read', () => {
    const bundle = bundleOf('run-retry');
    const shown = {
      ...readWith(bundle, (row) => index(row) < 2),
      status: 'running',
      completionResult: null,
      events: [],
    };
    const merged = mergeTail(
      shown,
      readWith(bundle, (row) => index(row) >= 1),
    );
    if (merged.kind !== 'appended') throw new Error(merged.reason);
    expect(merged.journal.status).toBe('completed');
    expect(merged.journal.events.length).toBeGreaterThan(0);
    expect(merged.journal.completionResult).toBe('success');
  });

  it('reads again in full when the server journal is shorter, rewritten, or not contiguous', () => {
    const bundle = bundleOf('all-calls');
    const shown = readWith(bundle, (row) => index(row) < 6);
    // Shorter: the server has no row at the last shown index.
    expect(
      mergeTail(
        shown,
        readWith(bundle, (row) => index(row) >= 6),
      ),
    ).toEqual({ kind: 'reread', reason: expect.stringContaining('no longer has entry 5') });
    // Rewritten: the overlapping row differs (a restarted invocation appends at other times).
    const restarted = {
      ...bundle,
      sys_journal: bundle.sys_journal.map((row) =>
        index(row) === 5 ? { ...row, appended_at: '2030-01-01T00:00:00.000Z' } : row,
      ),
    };
    expect(
      mergeTail(
        shown,
        readWith(restarted, (row) => index(row) >= 5),
      ),
    ).toEqual({ kind: 'reread', reason: expect.stringContaining('entry 5 changed') });
    // A gap in what the server sent.
    expect(
      mergeTail(
        shown,
        readWith(bundle, (row) => index(row) === 5 || index(row) === 7),
      ),
    ).toEqual({ kind: 'reread', reason: expect.stringContaining('sent entry 7 where 6') });
    // Nothing shown yet, or a shown journal with gaps: nothing to append to.
    expect(mergeTail({ ...shown, entries: [] }, shown).kind).toBe('reread');
    expect(mergeTail({ ...shown, entries: shown.entries.slice(1) }, shown)).toEqual({
      kind: 'reread',
      reason: 'the journal shown has gaps',
    });
  });

  it('appends nothing (and keeps the entries array) when no row is new', () => {
    const bundle = bundleOf('all-calls');
    const shown = readWith(bundle, () => true);
    const merged = mergeTail(
      shown,
      readWith(bundle, (row) => index(row) >= shown.entries.length - 1),
    );
    expect(merged.kind === 'appended' && merged.added).toBe(0);
    expect(merged.kind === 'appended' && merged.journal.entries).toBe(shown.entries);
  });

  it('keeps the run warnings, without the index gap every tail has', () => {
    const gap = { code: 'INDEX_GAP', message: 'rows span 5–9' };
    const v1 = { code: 'V1_ROWS', message: 'old rows' };
    expect(mergeWarnings([v1], [gap, v1, { code: 'BAD_TIME', message: 't' }]).map((w) => w.code)).toEqual([
      'V1_ROWS',
      'BAD_TIME',
    ]);
  });
});
