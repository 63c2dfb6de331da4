// A journal's entries as typed-array columns (issue 15): one array per field instead of one object per entry, so a
// 1,000,000-entry journal is a few dozen MB of numbers rather than a million objects, and crosses a Worker boundary
// as transferable buffers. Strings (type names, user names) live once in a table and the columns hold their codes.
// Readable access goes through accessors (src/journal-reader/columns.ts: entryAt, deriveFuturesFromColumns). Types only.
import type { ResultKind } from './journal';

/** Entry kinds as stored in `kind`. */
export type ColumnKind = 0 /* command */ | 1 /* notification */ | 2; /* unknown */

export interface EntryColumns {
  length: number;
  /** Position in the journal (Entry.index). */
  index: Uint32Array;
  /** 0 command, 1 notification, 2 unknown. */
  kind: Uint8Array;
  /** Code of Entry.type in `strings`. */
  typeCode: Uint32Array;
  /** Code of Entry.name in `strings`. */
  nameCode: Uint32Array;
  /** Commands: CommandEntry.commandIndex; others −1. */
  commandIndex: Int32Array;
  /** Notifications: the completion id (−1 for a signal); commands: the first completion id allocated (−1: none). */
  completionId: Int32Array;
  /** Commands: the second completion id allocated (a Call's result), −1 when none. */
  completionId2: Int32Array;
  /** Notifications: the signal index (−1 when none or named). */
  signalIndex: Int32Array;
  /** Notifications: code of the signal name in `strings` (0: none). */
  signalNameCode: Uint32Array;
  /** Notifications: the result kind, a code into RESULT_KINDS (0 for other entries). */
  resultKind: Uint8Array;
  /** Entry.appendedAtMs; NaN for null. */
  appendedAtMs: Float64Array;
  /** Where the entry's row starts and ends in the source bytes (−1 when not known, e.g. a simulated journal). */
  rowStart: Float64Array;
  rowEnd: Float64Array;
  /** The string table: code 0 is ''. */
  strings: string[];
}

export type ColumnResultKind = ResultKind;
