import { describe, expect, it } from 'vitest';
import { readJournals } from './index';
import { decodeCombinatorOrder } from './entry-v1';

// Rows as Restate 1.7 prints old (version 1) journals: completed / invoked_* / sleep_wakeup_at columns, no entry_json.
const v1Rows = [
  { partition_key: 1, id: 'inv_old', index: 0, entry_type: 'Input', version: 1, completed: true },
  {
    partition_key: 1,
    id: 'inv_old',
    index: 1,
    entry_type: 'Invoke',
    version: 1,
    completed: true,
    invoked_id: 'inv_callee',
    invoked_target: 'Worker/slow',
  },
  {
    partition_key: 1,
    id: 'inv_old',
    index: 2,
    entry_type: 'Sleep',
    version: 1,
    completed: false,
    sleep_wakeup_at: 1795831496210,
  },
  { partition_key: 1, id: 'inv_old', index: 3, entry_type: 'Custom', version: 1, raw: '0801120302010a' },
  {
    partition_key: 1,
    id: 'inv_old',
    index: 4,
    entry_type: 'GetPromise',
    version: 1,
    completed: true,
    promise_name: 'approval',
  },
];

describe('version 1 rows', () => {
  const result = readJournals(JSON.stringify({ rows: v1Rows }));
  const [journal] = result.journals;

  it('reads what the columns carry, with a warning that says what is missing', () => {
    expect(journal.version).toBe(1);
    expect(result.warnings.map((w) => w.code)).toEqual(['V1_ROWS', 'OLD_COMBINATOR_ENTRY']);
    expect(result.warnings[0].message).toContain('5 row(s)');
    expect(journal.entries[1]).toMatchObject({
      kind: 'command',
      type: 'Call',
      commandIndex: 1,
      invocationId: 'inv_callee',
      target: { service: 'Worker', handler: 'slow' },
      detail: { completed: true, v1EntryType: 'Invoke' },
    });
    expect(journal.entries[2]).toMatchObject({
      kind: 'command',
      type: 'Sleep',
      wakeUpAtMs: 1795831496210,
      detail: { completed: false },
    });
    expect(journal.entries[4]).toMatchObject({
      kind: 'command',
      type: 'GetPromise',
      commandIndex: 3,
      detail: { key: 'approval' },
    });
  });

  it('keeps the old combinator entry as unknown with its decoded completion order', () => {
    expect(journal.entries[3]).toMatchObject({ kind: 'unknown', combinatorOrder: [2, 1, 10] });
  });

  it('decodes packed and unpacked CombinatorEntryMessage order fields, and refuses garbage', () => {
    expect(decodeCombinatorOrder('0801120302010a')).toEqual([2, 1, 10]);
    expect(decodeCombinatorOrder('08011002100310')).toBeUndefined();
    expect(decodeCombinatorOrder('080110021003')).toEqual([2, 3]);
    expect(decodeCombinatorOrder('zz')).toBeUndefined();
  });
});
