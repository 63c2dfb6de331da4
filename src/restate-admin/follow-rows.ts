// The rows Follow holds for the invocation it follows, as the server's own text (never re-serialised: partition keys
// exceed 2^53), so that each update asks only for what is new and a reload still finds the whole journal. Pure.
import { joinRowTexts, rowTexts } from './query-text';

export interface HeldRows {
  /** sys_journal rows array text (index 0…n-1). */
  journal: string;
  /** sys_journal_events rows, each as sent. */
  events: string[];
  /** Latest appended_at among the events (events are asked for from this time on), null when there are none. */
  eventsSince: string | null;
}

/** Rows arrays texts (`[…]`) → the held rows. */
export function holdRows(journalArray: string, eventsArray: string): HeldRows {
  const events = rowTexts(eventsArray);
  return { journal: journalArray, events, eventsSince: latestAppendedAt(events) };
}

/** Appends rows (texts) to a rows array text. */
export function appendRowTexts(arrayText: string, rows: readonly string[]): string {
  if (rows.length === 0) return arrayText;
  const body = arrayText.slice(0, arrayText.lastIndexOf(']')).trimEnd();
  return `${body}${body.endsWith('[') ? '' : ',\n'}${rows.join(',\n')}]`;
}

/**
 * Events held plus those asked for since `eventsSince` (which repeat the ones of that very millisecond): each row once,
 * in the order first seen. The reader drops duplicate events anyway; this keeps the held list from growing.
 */
export function mergeEvents(held: readonly string[], fresh: readonly string[]): string[] {
  const seen = new Set(held);
  const merged = [...held];
  for (const row of fresh) {
    if (seen.has(row)) continue;
    seen.add(row);
    merged.push(row);
  }
  return merged;
}

/** The latest `appended_at` of event rows (ISO strings of one format compare in time order), or null. */
export function latestAppendedAt(rows: readonly string[]): string | null {
  let latest: string | null = null;
  for (const row of rows) {
    const at = (JSON.parse(row) as { appended_at?: unknown }).appended_at;
    if (typeof at === 'string' && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/** The held rows after an update: the tail's rows after the overlapping one, and the merged events. */
export function heldAfterUpdate(held: HeldRows, tailRows: readonly string[], events: string[]): HeldRows {
  const added = tailRows.slice(1);
  return {
    journal: appendRowTexts(held.journal, added),
    events,
    eventsSince: latestAppendedAt(events) ?? held.eventsSince,
  };
}

export { joinRowTexts, rowTexts };
