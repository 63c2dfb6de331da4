import { describe, expect, it } from 'vitest';
import {
  appendPage,
  bundleSql,
  bundleText,
  countInvocationsSql,
  countNewerSql,
  cursorAfterUpdate,
  cursorOf,
  followDelayMs,
  invocationProgressSql,
  invocationSummaries,
  listInvocationsSql,
  rowsArrayText,
  targetFilterProblem,
  type InvocationSummary,
} from './adminSql';

describe('Connect panel SQL', () => {
  it('lists recent invocations, newest change first, with optional target and status filters', () => {
    expect(listInvocationsSql({ target: '', status: '', limit: 50 })).toBe(
      'SELECT id, target, status, created_at, modified_at, journal_size FROM sys_invocation ORDER BY modified_at DESC, id DESC LIMIT 50',
    );
    expect(listInvocationsSql({ target: 'Lab', status: 'suspended', limit: 10 })).toContain(
      "WHERE target_service_name = 'Lab' AND status = 'suspended' ORDER BY modified_at DESC, id DESC LIMIT 10",
    );
    expect(listInvocationsSql({ target: ' Counter/k1/bump ', status: '', limit: 9999 })).toContain(
      "WHERE target = 'Counter/k1/bump' ORDER BY modified_at DESC, id DESC LIMIT 500",
    );
  });

  it('pages by keyset: rows strictly older than the last row shown, ties on the same millisecond broken by id', () => {
    const after = { modifiedAt: '2026-11-28T05:14:39.106Z', id: 'inv_1aI5r49P' };
    expect(listInvocationsSql({ target: 'Lab', status: '', limit: 51 }, after)).toBe(
      "SELECT id, target, status, created_at, modified_at, journal_size FROM sys_invocation WHERE target_service_name = 'Lab' AND " +
        "(modified_at < TIMESTAMP '2026-11-28T05:14:39.106Z' OR (modified_at = TIMESTAMP '2026-11-28T05:14:39.106Z' AND id < 'inv_1aI5r49P')) " +
        'ORDER BY modified_at DESC, id DESC LIMIT 51',
    );
    expect(countInvocationsSql({ target: '', status: 'completed' })).toBe(
      "SELECT count(*) AS n FROM sys_invocation WHERE status = 'completed'",
    );
    expect(countInvocationsSql({ target: '', status: '' })).toBe('SELECT count(*) AS n FROM sys_invocation');
    expect(countNewerSql({ target: 'Lab/run', status: '' }, after)).toBe(
      "SELECT count(*) AS n FROM sys_invocation WHERE target = 'Lab/run' AND " +
        "(modified_at > TIMESTAMP '2026-11-28T05:14:39.106Z' OR (modified_at = TIMESTAMP '2026-11-28T05:14:39.106Z' AND id > 'inv_1aI5r49P'))",
    );
  });

  it('never writes a cursor it did not validate: a time or id that is not what the server prints is refused', () => {
    expect(() =>
      listInvocationsSql({ target: '', status: '', limit: 5 }, { modifiedAt: "2026-01-01' OR 1=1 --", id: 'inv_1' }),
    ).toThrow(/not an ISO UTC time/);
    expect(() =>
      listInvocationsSql(
        { target: '', status: '', limit: 5 },
        { modifiedAt: '2026-11-28T05:14:39.106Z', id: "inv_1' --" },
      ),
    ).toThrow(/not an invocation id/);
    const row = (id: string, modifiedAt: string): InvocationSummary => ({
      id,
      target: 'Lab/x',
      status: 'completed',
      createdAt: '',
      modifiedAt,
      journalSize: 1,
    });
    expect(cursorOf(row('inv_2', '2026-11-28T05:14:39.106Z'))).toEqual({
      modifiedAt: '2026-11-28T05:14:39.106Z',
      id: 'inv_2',
    });
    expect(cursorOf(row('inv_2', ''))).toBeNull();
    expect(cursorOf(undefined)).toBeNull();
  });

  it('appends a page without showing an id twice, keeping the order of both', () => {
    const row = (id: string): InvocationSummary => ({
      id,
      target: 'Lab/x',
      status: 'completed',
      createdAt: '',
      modifiedAt: '',
      journalSize: 1,
    });
    expect(
      appendPage([row('inv_3'), row('inv_2')], [row('inv_2'), row('inv_1'), row('inv_0')]).map((r) => r.id),
    ).toEqual(['inv_3', 'inv_2', 'inv_1', 'inv_0']);
  });

  it('refuses filters that are not a target or a status, before any SQL is written', () => {
    expect(targetFilterProblem("Lab' OR 1=1 --")).toMatch(/Filter by a service/);
    expect(targetFilterProblem('Lab/run')).toBeNull();
    expect(() => listInvocationsSql({ target: "x'; DROP", status: '', limit: 5 })).toThrow(/invalid target/);
    expect(() => listInvocationsSql({ target: '', status: "completed' --", limit: 5 })).toThrow(/invalid status/);
  });

  it('queries one invocation only by a well-formed id', () => {
    expect(bundleSql('inv_1abc').sys_journal).toBe("SELECT * FROM sys_journal WHERE id = 'inv_1abc' ORDER BY index");
    expect(invocationProgressSql('inv_9')).toContain("WHERE id = 'inv_9'");
    expect(() => bundleSql("inv_1' OR '1'='1")).toThrow(/not an invocation id/);
  });

  it('splices rows verbatim, so partition keys beyond 2^53 keep their digits', () => {
    const rows = rowsArrayText('{"rows":[{"partition_key":18446744073709551615,"id":"inv_1"}]}');
    expect(rows).toBe('[{"partition_key":18446744073709551615,"id":"inv_1"}]');
    const bundle = bundleText(
      { sys_journal: rows, sys_invocation: '[]', sys_journal_events: '[]', sys_invocation_status: '[]' },
      { admin: '/restate-admin', query: 'q' },
    );
    expect(bundle).toContain('"partition_key":18446744073709551615');
    expect(JSON.parse(bundle).format).toBe('replay-inspector/bundle');
    expect(() => rowsArrayText('{"message":"table not found"}')).toThrow(/unexpected \/query response/);
  });

  it('keeps only list rows with a usable id', () => {
    const list = invocationSummaries([
      { id: 'inv_1', target: 'Lab/all', status: 'running', created_at: 'a', modified_at: 'b', journal_size: 3 },
      { id: "x'" },
    ]);
    expect(list).toEqual([
      { id: 'inv_1', target: 'Lab/all', status: 'running', createdAt: 'a', modifiedAt: 'b', journalSize: 3 },
    ]);
  });

  it('keeps the cursor on its step, or at the end when it was at the end', () => {
    expect(cursorAfterUpdate(3, 3, 5)).toBe(5);
    expect(cursorAfterUpdate(1, 3, 5)).toBe(1);
    expect(cursorAfterUpdate(0, 1, 2)).toBe(0);
  });

  it('backs off on consecutive errors, up to 15 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(followDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });
});
