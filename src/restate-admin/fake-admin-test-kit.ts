// A fake Restate admin API for Follow's tests: answers the /query SQL that follow-sql.ts sends from a real capture
// (test/fixtures/restate-1.7.12/<name>/bundle.json) whose journal becomes visible a few rows at a time, with a fake
// clock whose sleep is the next tick. Records the journal queries, to check that only new rows are asked for.
import { readFileSync } from 'node:fs';
import { CAPTURES_DIR } from '../journal-reader/test-files';

type Row = Record<string, unknown>;
interface Bundle {
  sys_journal: Row[];
  sys_journal_events: Row[];
  sys_invocation: Row[];
  sys_invocation_status: Row[];
}

export interface Tick {
  /** How many journal rows the server has at this tick. */
  visible: number;
  status: string;
}

/** A capture's bundle with its first invocation only. */
export function captureBundle(name: string): Bundle {
  const bundle = JSON.parse(readFileSync(`${CAPTURES_DIR}${name}/bundle.json`, 'utf8')) as Bundle;
  const id = bundle.sys_journal[0].id;
  const mine = (row: Row) => row.id === id;
  return {
    sys_journal: bundle.sys_journal.filter(mine),
    sys_journal_events: bundle.sys_journal_events.filter(mine),
    sys_invocation: bundle.sys_invocation.filter(mine),
    sys_invocation_status: bundle.sys_invocation_status.filter(mine),
  };
}

export function fakeAdmin(bundle: Bundle, schedule: (tick: number) => Tick) {
  const id = String(bundle.sys_invocation[0].id);
  let tick = 0;
  let now = 0;
  const journalQueries: string[] = [];
  let journalRowsSent = 0;
  /** Rows changed by the test (a rewritten journal), by index. */
  const replaced = new Map<number, Row>();
  let failNext: number | null = null;

  const rows = (list: Row[]) => JSON.stringify({ rows: list });
  const journal = () =>
    bundle.sys_journal
      .filter((row) => (row.index as number) < schedule(tick).visible)
      .map((row) => replaced.get(row.index as number) ?? row);

  function answer(sql: string): { status: number; text: string } {
    if (failNext !== null) {
      const status = failNext;
      failNext = null;
      return { status, text: '{"message":"boom"}' };
    }
    const { visible, status } = schedule(tick);
    const known = sql.includes(`'${id}'`);
    const invocation = {
      ...bundle.sys_invocation[0],
      status,
      modified_at: new Date(Date.UTC(2026, 0, 1) + visible * 1000).toISOString(),
      journal_size: visible,
      completion_result: status === 'completed' ? bundle.sys_invocation[0].completion_result : null,
    };
    if (sql.startsWith('SELECT id, status, modified_at, journal_size FROM sys_invocation'))
      return {
        status: 200,
        text: rows(known ? [{ id, status, modified_at: invocation.modified_at, journal_size: visible }] : []),
      };
    if (sql.startsWith('SELECT * FROM sys_invocation ')) return { status: 200, text: rows(known ? [invocation] : []) };
    if (sql.startsWith('SELECT * FROM sys_journal ')) {
      journalQueries.push(sql);
      const from = Number(/index >= (\d+)/.exec(sql)?.[1] ?? 0);
      const limit = Number(/ LIMIT (\d+)$/.exec(sql)?.[1] ?? Infinity);
      const sent = journal()
        .filter((row) => (row.index as number) >= from)
        .slice(0, limit);
      journalRowsSent += sent.length;
      return { status: 200, text: rows(sent) };
    }
    if (sql.startsWith('SELECT * FROM sys_journal_events ')) {
      const since = /appended_at >= TIMESTAMP '([^']+)'/.exec(sql)?.[1];
      const events = bundle.sys_journal_events.filter(
        (row) =>
          (row.after_journal_entry_index as number) < visible &&
          (since === undefined || String(row.appended_at) >= since),
      );
      return { status: 200, text: rows(events) };
    }
    if (sql.includes('FROM sys_invocation_status')) return { status: 200, text: rows(bundle.sys_invocation_status) };
    return { status: 400, text: `{"message":"unexpected query: ${sql.slice(0, 80)}"}` };
  }

  const fetchStub = (async (_url: string | URL | Request, init?: RequestInit) => {
    const { query } = JSON.parse(String(init?.body)) as { query: string };
    const { status, text } = answer(query);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

  return {
    id,
    fetch: fetchStub,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      tick++;
    },
    get tick() {
      return tick;
    },
    journalQueries,
    get journalRowsSent() {
      return journalRowsSent;
    },
    /** Replaces the journal row at `index` (as a restarted invocation's rewritten journal would). */
    replaceRow(index: number, row: Row) {
      replaced.set(index, row);
    },
    /** The next query answers this HTTP status. */
    failNextWith(status: number) {
      failNext = status;
    },
  };
}
