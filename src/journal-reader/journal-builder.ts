// What turns a journal's entries, read one by one in index order, into a Journal: command numbering, the invocation
// ids of calls (a CallInvocationId notification's lite JSON lacks it), and the journal-level warnings. Shared by the
// general path (assemble.ts, all rows parsed first) and the chunked /query path (chunked-rows.ts).
import type { Entry, Journal, ReaderErrorLocation, ReaderWarning } from '../model';
import { makeWarning } from './errors';
import type { EntryNotes } from './entry-v2';

export class JournalBuilder {
  readonly entries: Entry[] = [];
  readonly notes: EntryNotes = { unknownTypes: [], missingDetail: false, withoutJson: false };
  /** Highest row version seen (1 or 2). */
  version = 0;
  v1Rows = 0;
  /** Position (in the caller's row order) of the first row with an unreadable appended_at; -1 when none. */
  badTime = -1;
  private commandIndex = 0;
  private readonly callees = new Map<number, string>();

  /** A builder that goes on after `entries`, a journal already read (Follow appends rows read on their own): the
   *  next command takes the following index, and calls among `entries` still name their callees. */
  static continuing(entries: readonly Entry[]): JournalBuilder {
    const builder = new JournalBuilder();
    for (const entry of entries) {
      if (entry.kind !== 'command') continue;
      builder.commandIndex = entry.commandIndex + 1;
      if (entry.invocationId !== undefined && entry.completionIds.length > 0)
        builder.callees.set(entry.completionIds[0], entry.invocationId);
    }
    return builder;
  }

  /** Lets go of the entries added so far and keeps numbering on: the CLI's `follow` keeps a journal as columns
   *  (restate-admin/column-journal.ts), not as one object per entry. */
  forgetEntries(): void {
    this.entries.length = 0;
  }

  /** The command index the next command entry gets (V1 rows number themselves). */
  get nextCommandIndex(): number {
    return this.commandIndex;
  }

  /** `commandRow`: an unknown entry whose row says it is a command still takes a command index. */
  add(entry: Entry, commandRow: boolean): void {
    if (entry.kind === 'command') {
      entry.commandIndex = this.commandIndex++;
      if (entry.invocationId !== undefined && entry.completionIds.length > 0)
        this.callees.set(entry.completionIds[0], entry.invocationId);
    } else if (entry.kind === 'notification') {
      // entry_lite_json of a CallInvocationId notification lacks the id; the Call command that allocated it has it.
      if (
        entry.result.kind === 'invocation-id' &&
        entry.result.invocationId === undefined &&
        entry.completionId !== undefined
      ) {
        const invocationId = this.callees.get(entry.completionId);
        if (invocationId !== undefined) entry.result = { kind: 'invocation-id', invocationId };
      }
    } else if (commandRow) {
      this.commandIndex++;
    }
    this.entries.push(entry);
  }

  /** The journal, with its warnings added to `warnings`. `locate(k, field)` gives the location of row k. */
  finish(id: string, warnings: ReaderWarning[], locate: (k: number, field?: string) => ReaderErrorLocation): Journal {
    const first = locate(0);
    if (this.badTime >= 0) warnings.push(makeWarning('BAD_TIME', locate(this.badTime, 'appended_at')));
    if (this.v1Rows > 0) warnings.push(makeWarning('V1_ROWS', first, `${this.v1Rows} row(s) of invocation ${id}`));
    if (this.entries.some((e) => e.kind === 'unknown' && e.combinatorOrder))
      warnings.push(makeWarning('OLD_COMBINATOR_ENTRY', first, id));
    const notes = this.notes;
    if (notes.unknownTypes.length > 0) {
      warnings.push(makeWarning('UNKNOWN_ENTRY_TYPE', first, [...new Set(notes.unknownTypes)].slice(0, 5).join(', ')));
    }
    if (notes.missingDetail) warnings.push(makeWarning('MISSING_RESULT_DETAIL', first, id));
    if (notes.withoutJson) warnings.push(makeWarning('ENTRY_WITHOUT_JSON', first, id));
    return {
      invocationId: id,
      target: null,
      status: null,
      version: this.version || 2,
      entries: this.entries,
      events: [],
    };
  }
}

/** Rows that do not start at index 0 or skip indexes: the journal is shown with what is there. */
export function indexGapWarning(
  id: string,
  count: number,
  firstIndex: number,
  lastIndex: number,
  location: ReaderErrorLocation,
): ReaderWarning | null {
  if (firstIndex === 0 && lastIndex === count - 1) return null;
  return makeWarning('INDEX_GAP', location, `${count} rows span indexes ${firstIndex}–${lastIndex} of ${id}`);
}

export function isCommandRow(row: Record<string, unknown>): boolean {
  return typeof row.entry_type === 'string' ? row.entry_type.startsWith('Command') : false;
}
