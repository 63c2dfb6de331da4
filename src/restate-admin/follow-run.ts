// The headless Follow behind `replay-inspector follow` (src/cli/commands/follow.ts): polls one invocation through the
// admin API's /query until it completes or time runs out, asks only for the journal rows after the last one held
// (and the events since the latest held), keeps the journal as columns (column-journal.ts) and reports one line per
// change. Pure: the admin API and the clock are ports, so tests drive it with a fake admin and a fake clock.
import type { Journal, JournalEvent } from '../model';
import { ReaderError, readJournals } from '../journal-reader';
import type { ColumnStats } from '../journal-reader/column-stats';
import { toIso } from '../journal-reader/time';
import { ColumnJournal } from './column-journal';
import { latestAppendedAt, rowTexts } from './follow-rows';
import { bundleSql, bundleText, followSql, invocationProgressSql, isFinished } from './follow-sql';
import { joinRowTexts, rowsArrayText } from './query-text';

/** An answer of the admin API other than rows: `httpStatus` null when it could not be reached at all. */
export class AdminQueryError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

export interface FollowPorts {
  /** `POST /query`: the response text (`{"rows":[…]}`) as sent; throws AdminQueryError. */
  query(sql: string): Promise<string>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface FollowOptions {
  id: string;
  intervalMs: number;
  timeoutMs: number;
  /** Shown in the bundle's source (the reader's error locations). */
  admin: string;
  /** Journal rows asked for per query (PAGE_ROWS when not given). */
  pageRows?: number;
}

export interface FollowLine extends ColumnStats {
  /** 'update' for a change while it runs; 'end' once: completed, or the time ran out. */
  event: 'update' | 'end';
  end?: 'completed' | 'timeout';
  lastEvent: { type: string; afterEntryIndex: number; appendedAt: string | null } | null;
  /** Updates that fetched rows so far, how many of them read the whole journal again, and the characters fetched. */
  updates: number;
  fullReads: number;
  fetchedChars: number;
}

/** Why following could not go on: the invocation is gone, the admin API failed, or its rows could not be read. */
export class FollowError extends Error {}

const EMPTY_ROWS = '{"rows":[]}';
/** Rows per journal query: a 1,000,000-entry journal's first read is 100 answers of ~5 MB, not one of ~460 MB. */
export const PAGE_ROWS = 10_000;

/** Follows until the end; `onLine` gets each change and the end line, which is also returned. */
export async function followInvocation(
  options: FollowOptions,
  ports: FollowPorts,
  onLine: (line: FollowLine) => void,
): Promise<FollowLine> {
  const journal = new ColumnJournal();
  const deadline = ports.now() + options.timeoutMs;
  const counters = { updates: 0, fullReads: 0, fetchedChars: 0 };
  let eventsSince: string | null = null;
  let seen = '';
  let printed = '';
  const lineOf = (event: FollowLine['event'], status: string, end?: FollowLine['end']): FollowLine => {
    const stats = journal.stats() ?? emptyStats(options.id);
    return { event, ...(end ? { end } : {}), ...stats, status, lastEvent: eventText(journal.lastEvent), ...counters };
  };

  for (;;) {
    const progressText = await ports.query(invocationProgressSql(options.id));
    const progress = rowsOf(progressText)[0];
    if (!progress) throw new FollowError(`${options.id} is not on the server (or no longer).`);
    const status = String(progress.status ?? '');
    const key = `${status}|${String(progress.modified_at ?? '')}|${String(progress.journal_size ?? '')}`;
    counters.fetchedChars += progressText.length;
    if (key !== seen) {
      seen = key;
      eventsSince = await update(options, ports, journal, eventsSince, counters);
    }
    if (isFinished(status)) {
      const line = lineOf('end', status, 'completed');
      onLine(line);
      return line;
    }
    const line = lineOf('update', status);
    // One line per change: counters alone (another poll, more characters) are not a change.
    const shown = JSON.stringify({ ...line, updates: 0, fullReads: 0, fetchedChars: 0 });
    if (shown !== printed) {
      printed = shown;
      onLine(line);
    }
    const left = deadline - ports.now();
    if (left <= 0) {
      const end = lineOf('end', status, 'timeout');
      onLine(end);
      return end;
    }
    await ports.sleep(Math.min(options.intervalMs, left));
  }
}

type Counters = { updates: number; fullReads: number; fetchedChars: number };
type Page = { kind: 'appended' | 'empty'; full: boolean; since: string | null } | { kind: 'reread'; reason: string };

/**
 * Fetches what is new and appends it, a page of rows at a time (a huge journal is never one answer nor one batch of
 * entry objects); reads the whole journal again (once) when the new rows do not continue the held ones.
 */
async function update(
  options: FollowOptions,
  ports: FollowPorts,
  journal: ColumnJournal,
  eventsSince: string | null,
  counters: Counters,
): Promise<string | null> {
  let since = eventsSince;
  let rereads = 0;
  for (;;) {
    const page = await fetchPage(options, ports, journal, since, counters);
    if (page.kind === 'reread') {
      // A journal that does not even continue itself when read again is an error, not a loop.
      if (rereads++ > 0) throw new FollowError(`the journal of ${options.id} could not be followed: ${page.reason}`);
      journal.reset();
      continue;
    }
    since = page.since;
    if (page.kind === 'empty' || !page.full) return since;
  }
}

/** One page: the rows from the last one held on (at most pageRows), with the invocation's current rows. */
async function fetchPage(
  options: FollowOptions,
  ports: FollowPorts,
  journal: ColumnJournal,
  eventsSince: string | null,
  counters: Counters,
): Promise<Page> {
  const from = journal.fromIndex;
  const held = journal.length;
  const pageRows = options.pageRows ?? PAGE_ROWS;
  const sql = followSql(options.id, from, held === 0 ? null : eventsSince, pageRows);
  const whole = bundleSql(options.id);
  const [invocation, tail, events, status] = await Promise.all([
    ports.query(whole.sys_invocation),
    ports.query(sql.sys_journal),
    ports.query(sql.sys_journal_events).catch(tableMissing),
    ports.query(whole.sys_invocation_status).catch(tableMissing),
  ]);
  counters.updates++;
  counters.fetchedChars += invocation.length + tail.length + events.length + status.length;
  const invocationRows = arrayText(invocation);
  if (rowTexts(invocationRows).length === 0) throw new FollowError(`${options.id} is no longer on the server.`);
  const tailRows = rowTexts(arrayText(tail));
  const eventRows = rowTexts(arrayText(events));
  const since = latestAppendedAt(eventRows) ?? eventsSince;
  // Not started yet: no journal rows so far.
  if (held === 0 && tailRows.length === 0) return { kind: 'empty', full: false, since };
  if (held > 0 && tailRows.length === 0)
    return { kind: 'reread', reason: `the server's journal no longer has entry ${from}` };
  if (held === 0) counters.fullReads++;
  const partial = bundleText(
    {
      sys_invocation: invocationRows,
      sys_journal: joinRowTexts(tailRows),
      sys_journal_events: joinRowTexts(eventRows),
      sys_invocation_status: arrayText(status),
    },
    { admin: options.admin, query: `id = '${options.id}' AND index >= ${from}` },
  );
  let read: Journal | undefined;
  try {
    read = readJournals(partial, { fileName: `${options.id}.bundle.json` }).journals[0];
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    if (held === 0) throw new FollowError(`the journal of ${options.id} cannot be read: ${error.message}`);
  }
  if (!read) return { kind: 'reread', reason: 'the new rows could not be read on their own' };
  const outcome = journal.append(read);
  if (outcome.kind === 'reread') return outcome;
  return { kind: 'appended', full: tailRows.length >= pageRows, since };
}

/** Events and status tables are missing on some servers: an HTTP error there is an empty answer, not a failure. */
function tableMissing(error: unknown): string {
  if (error instanceof AdminQueryError && error.httpStatus !== null && error.httpStatus !== 502) return EMPTY_ROWS;
  throw error;
}

/** The rows array text of an answer; an answer of another shape stops the follow. */
function arrayText(text: string): string {
  try {
    return rowsArrayText(text);
  } catch (error) {
    throw new FollowError((error as Error).message);
  }
}

function rowsOf(text: string): Record<string, unknown>[] {
  return JSON.parse(arrayText(text)) as Record<string, unknown>[];
}

function eventText(event: JournalEvent | null): FollowLine['lastEvent'] {
  if (!event) return null;
  const type = event.type === 'Unknown' ? event.eventType : event.type;
  return {
    type,
    afterEntryIndex: event.afterEntryIndex,
    appendedAt: event.appendedAtMs === null ? null : toIso(event.appendedAtMs),
  };
}

function emptyStats(id: string): ColumnStats {
  return {
    invocationId: id,
    target: null,
    status: null,
    outcome: null,
    entries: 0,
    commands: 0,
    notifications: 0,
    unknown: 0,
    futures: 0,
    futuresByKind: {},
    futuresByResult: {},
    pending: [],
    completions: 0,
    firstAppendedAt: null,
    lastAppendedAt: null,
  };
}
