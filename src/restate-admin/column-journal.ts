// A followed invocation's journal kept as typed-array columns (model/columns.ts) for the CLI's `follow`: each update's
// rows are read by the journal reader, appended to the columns, and let go, so a huge journal followed for hours holds
// a few arrays of numbers, not one object per entry. The append rules are journal-merge.ts's (the app's Follow): the
// first row of an update overlaps the last one held and must be the same entry, commands are numbered on from the
// held ones, and anything else means the server's journal is not a longer version of ours: read it again in full.
// Pure.
import type { Entry, EntryColumns, Journal, JournalEvent } from '../model';
import { ColumnsBuilder } from '../journal-reader/columns';
import { columnStats, type ColumnStats } from '../journal-reader/column-stats';
import { JournalBuilder } from '../journal-reader/journal-builder';
import { sameEntry } from './journal-merge';

export type AppendOutcome = { kind: 'appended'; added: number } | { kind: 'reread'; reason: string };

const UNKNOWN_REASON = 'an entry of a kind the reader does not know cannot be numbered incrementally';

export class ColumnJournal {
  private columns_ = new ColumnsBuilder();
  private numbering = new JournalBuilder();
  /** The last entry held: the one object kept, for the overlap check. */
  private last: Entry | null = null;
  /** An unknown entry came after the last command: numbering cannot go on (as journal-merge.ts). */
  private unknownAfterCommand = false;
  /** The invocation-level fields of the latest read (status, outcome, target), with no entries. */
  private meta: Journal | null = null;
  private latestEvent: JournalEvent | null = null;

  get length(): number {
    return this.columns_.length;
  }

  /** The journal index the next update asks rows from: the last one held (it overlaps), or 0. */
  get fromIndex(): number {
    return Math.max(0, this.length - 1);
  }

  /** Forgets every entry (the journal is read again in full next). The latest event stays known. */
  reset(): void {
    this.columns_ = new ColumnsBuilder();
    this.numbering = new JournalBuilder();
    this.last = null;
    this.unknownAfterCommand = false;
  }

  /**
   * Appends `read`: the reader's journal of the rows with index >= fromIndex, read with the invocation's current
   * sys_invocation, status and event rows. When nothing is held it must be the whole journal (from index 0).
   */
  append(read: Journal): AppendOutcome {
    const whole = this.length === 0;
    const first = whole ? 0 : 1;
    if (!whole) {
      const overlap = read.entries[0];
      const last = this.last as Entry;
      if (!overlap || overlap.index !== last.index)
        return { kind: 'reread', reason: `the journal on the server no longer has entry ${last.index}` };
      if (!sameEntry(last, overlap))
        return { kind: 'reread', reason: `entry ${last.index} changed on the server (restarted or rewritten)` };
      if (this.unknownAfterCommand) return { kind: 'reread', reason: UNKNOWN_REASON };
    }
    // Checked before anything is appended, so a refused update leaves the columns as they were.
    for (let k = first; k < read.entries.length; k++) {
      const entry = read.entries[k];
      if (entry.index !== this.fromIndex + k)
        return {
          kind: 'reread',
          reason: `the server sent entry ${entry.index} where ${this.fromIndex + k} was expected`,
        };
      if (!whole && entry.kind === 'unknown') return { kind: 'reread', reason: UNKNOWN_REASON };
    }
    if (whole) {
      // The reader numbered a whole journal itself; numbering goes on after its commands.
      this.numbering = JournalBuilder.continuing(read.entries);
      for (const entry of read.entries) this.hold(entry);
    } else {
      for (let k = 1; k < read.entries.length; k++) {
        const entry = { ...read.entries[k] };
        this.numbering.add(entry, false);
        this.hold(entry);
      }
      this.numbering.forgetEntries();
    }
    const outcome = this.meta?.completionResult;
    this.meta = { ...read, entries: [] };
    if (this.meta.completionResult == null && outcome != null) this.meta.completionResult = outcome;
    this.latestEvent = latestOf(read.events) ?? this.latestEvent;
    return { kind: 'appended', added: read.entries.length - first };
  }

  /** The summary over the columns (journal-reader/column-stats.ts), or null before the first read. */
  stats(pendingShown = 20): ColumnStats | null {
    return this.meta ? columnStats(this.meta, this.columns_.view(), pendingShown) : null;
  }

  /** The columns held (views: valid until the next append). */
  columns(): EntryColumns {
    return this.columns_.view();
  }

  /** The latest lifecycle event seen (sys_journal_events), null when none. */
  get lastEvent(): JournalEvent | null {
    return this.latestEvent;
  }

  private hold(entry: Entry): void {
    this.columns_.add(entry);
    if (entry.kind === 'command') this.unknownAfterCommand = false;
    else if (entry.kind === 'unknown') this.unknownAfterCommand = true;
    this.last = entry;
  }
}

/** The event appended last (events without a time count as earliest; on a tie the later in the list). */
function latestOf(events: readonly JournalEvent[]): JournalEvent | null {
  let latest: JournalEvent | null = null;
  for (const event of events) {
    if (latest === null || (event.appendedAtMs ?? -Infinity) >= (latest.appendedAtMs ?? -Infinity)) latest = event;
  }
  return latest;
}
