import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJournals } from '../journal-reader';
import { CAPTURES_DIR } from '../journal-reader/test-files';
import { rowsArrayText } from './query-text';
import { bundleText, followSql } from './follow-sql';
import {
  appendRowTexts,
  heldAfterUpdate,
  holdRows,
  joinRowTexts,
  latestAppendedAt,
  mergeEvents,
  rowTexts,
} from './follow-rows';

const event = (at: string, type = 'TransientError') =>
  `{"partition_key":18446744073709551615,"id":"inv_1","after_journal_entry_index":3,"appended_at":"${at}","event_type":"${type}","event_json":"{}"}`;

describe('Follow: the rows it holds', () => {
  it('asks for the journal from the last shown index and the events from the latest held time, literals checked', () => {
    expect(followSql('inv_1ab', 6991, '2026-11-28T05:14:39.106Z')).toEqual({
      sys_journal: "SELECT * FROM sys_journal WHERE id = 'inv_1ab' AND index >= 6991 ORDER BY index",
      sys_journal_events:
        "SELECT * FROM sys_journal_events WHERE id = 'inv_1ab' AND appended_at >= TIMESTAMP '2026-11-28T05:14:39.106Z' ORDER BY after_journal_entry_index, appended_at",
    });
    expect(followSql('inv_1ab', 0, null).sys_journal_events).toBe(
      "SELECT * FROM sys_journal_events WHERE id = 'inv_1ab' ORDER BY after_journal_entry_index, appended_at",
    );
    expect(() => followSql("inv_1' --", 3, null)).toThrow(/not an invocation id/);
    expect(() => followSql('inv_1', -1, null)).toThrow(/not a journal index/);
    expect(() => followSql('inv_1', 1.5, null)).toThrow(/not a journal index/);
    expect(() => followSql('inv_1', 1, "x' OR 1=1")).toThrow(/not an ISO UTC time/);
  });

  it('appends row texts to a rows array, empty or not, keeping every digit', () => {
    expect(appendRowTexts('[]', ['{"a":1}'])).toBe('[{"a":1}]');
    expect(appendRowTexts('[{"partition_key":18446744073709551615}]', ['{"b":2}', '{"c":3}'])).toBe(
      '[{"partition_key":18446744073709551615},\n{"b":2},\n{"c":3}]',
    );
    expect(appendRowTexts('[{"a":1}]', [])).toBe('[{"a":1}]');
  });

  it('keeps each event once, in the order first seen, and knows the latest time', () => {
    const a = event('2026-11-28T05:14:39.106Z');
    const b = event('2026-11-28T05:14:39.106Z', 'Paused');
    const c = event('2026-11-28T05:14:40.001Z');
    expect(mergeEvents([a], [a, b, c, b])).toEqual([a, b, c]);
    expect(latestAppendedAt([c, a])).toBe('2026-11-28T05:14:40.001Z');
    expect(latestAppendedAt([])).toBeNull();
    const held = holdRows('[{"index":0}]', joinRowTexts([a]));
    expect(held.eventsSince).toBe('2026-11-28T05:14:39.106Z');
    const next = heldAfterUpdate(held, ['{"index":0}', '{"index":1}'], [a, c]);
    expect(next).toEqual({
      journal: '[{"index":0},\n{"index":1}]',
      events: [a, c],
      eventsSince: '2026-11-28T05:14:40.001Z',
    });
    expect(heldAfterUpdate(held, ['{"index":0}'], [a]).eventsSince).toBe('2026-11-28T05:14:39.106Z');
  });

  it('the held rows after updates make the same bundle as one export: a reload reads the same journal', () => {
    const text = readFileSync(`${CAPTURES_DIR}run-retry/bundle.json`, 'utf8');
    const bundle = JSON.parse(text) as Record<string, unknown[]>;
    const rows = (key: string) => JSON.stringify(bundle[key]);
    const journalRows = rowTexts(rows('sys_journal'));
    const eventRows = rowTexts(rows('sys_journal_events'));
    // Held after opening with 2 rows and no events, then two updates (the overlapping row comes first each time).
    let held = holdRows(joinRowTexts(journalRows.slice(0, 2)), '[]');
    held = heldAfterUpdate(held, journalRows.slice(1, 3), mergeEvents(held.events, eventRows.slice(0, 1)));
    held = heldAfterUpdate(held, journalRows.slice(2), mergeEvents(held.events, eventRows));
    const parts = { sys_invocation: rows('sys_invocation'), sys_invocation_status: rows('sys_invocation_status') };
    const rebuilt = bundleText(
      { ...parts, sys_journal: held.journal, sys_journal_events: joinRowTexts(held.events) },
      { admin: 'a', query: 'q' },
    );
    const direct = bundleText(
      { ...parts, sys_journal: rows('sys_journal'), sys_journal_events: rows('sys_journal_events') },
      { admin: 'a', query: 'q' },
    );
    expect(readJournals(rebuilt).journals).toEqual(readJournals(direct).journals);
    expect(rowsArrayText(`{"rows":${held.journal}}`)).toBe(held.journal);
  });
});
