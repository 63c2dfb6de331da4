// The one catalogue of reader codes (errors and warnings) and the ReaderError class.
// Codes are stable strings: the UI, the CLI and tests match on them. Messages are for people.
import type { ReaderErrorInfo, ReaderErrorLocation, ReaderWarning } from '../model';

interface CodeInfo {
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export const READER_CODES = {
  // ---- errors (thrown as ReaderError) ----
  EMPTY_INPUT: {
    severity: 'error',
    message: 'The file is empty',
    hint: 'Export the journal again; an empty file holds nothing to read.',
  },
  BINARY_INPUT: {
    severity: 'error',
    message: 'The file looks binary, not text',
    hint: 'Open a JSON export: `restate sql --json`, the admin API /query answer, a bundle or a native journal file.',
  },
  NOT_JSON: {
    severity: 'error',
    message: 'The text is not valid JSON',
    hint: 'Check that the whole export was copied; the location says where parsing stopped.',
  },
  TRUNCATED: {
    severity: 'error',
    message: 'The file ends in the middle of the JSON (it looks truncated)',
    hint: 'The export or the copy was cut short. Export it again, or copy the whole output.',
  },
  UNKNOWN_FORMAT: {
    severity: 'error',
    message: 'This is JSON, but not a journal format Replay Inspector knows',
    hint: 'Supported: the admin API /query answer ({"rows": [...]}), `restate sql --json` or `--jsonl` output of sys_journal, a replay-inspector bundle or native journal file.',
  },
  NO_JOURNAL_ROWS: {
    severity: 'error',
    message: 'The input holds no sys_journal rows',
    hint: "Query `SELECT * FROM sys_journal WHERE id = 'inv_…'`; events and invocation rows are only read together with journal rows.",
  },
  MISSING_FIELD: {
    severity: 'error',
    message: 'A required field is missing',
    hint: 'Export with `SELECT *` so that every column the reader needs is present.',
  },
  BAD_FIELD_TYPE: {
    severity: 'error',
    message: 'A field has the wrong type',
    hint: 'The file may have been edited by hand or produced by another tool; export it again from Restate.',
  },
  BAD_ENTRY_JSON: {
    severity: 'error',
    message: 'An entry_json / entry_lite_json column cannot be read',
    hint: 'These columns hold JSON inside a JSON string; export again without post-processing the text.',
  },
  DUPLICATE_INDEX: {
    severity: 'error',
    message: 'Two different journal rows have the same invocation id and index',
    hint: 'The export mixes two versions of one journal. Export the invocation once.',
  },
  UNSUPPORTED_VERSION: {
    severity: 'error',
    message: 'This version of the format is not supported',
    hint: 'The file comes from a newer Restate or Replay Inspector; update Replay Inspector.',
  },
  NUMBER_TOO_LARGE: {
    severity: 'error',
    message: 'A number is beyond 2^53 and cannot be read exactly',
    hint: 'Indexes, completion ids and times of a real journal are far below 2^53; the file was probably edited or produced by another tool. Export it again from Restate.',
  },
  TOO_LARGE: {
    severity: 'error',
    message: 'The input is larger than the configured limit',
    hint: 'Export fewer invocations (e.g. WHERE id = …) or raise the limit in the reader options.',
  },
  INTERNAL_ERROR: {
    severity: 'error',
    message: 'The reader failed unexpectedly on this input',
    hint: 'Please report this file: the reader should have named the problem.',
  },
  // ---- warnings (returned in ReadResult.warnings) ----
  LEADING_TEXT_IGNORED: {
    severity: 'warning',
    message: 'Text before the JSON was ignored',
    hint: 'Usually a pasted shell prompt or command line.',
  },
  TRAILING_TEXT_IGNORED: {
    severity: 'warning',
    message: 'Text after the JSON was ignored',
    hint: 'Usually the `N rows. Query took …` line that `restate sql` prints.',
  },
  V1_ROWS: {
    severity: 'warning',
    message: 'Old journal rows (version 1): read as far as they carry information',
    hint: 'Version 1 rows have no notifications, no appended_at times and no results; futures, completion order and timings are not available.',
  },
  OLD_COMBINATOR_ENTRY: {
    severity: 'warning',
    message:
      'Old SDK combinator entry (custom entry 0xFC02) kept as unknown; its completion order is shown when it can be decoded',
    hint: 'Protocols V1–V3 recorded combinator decisions in a custom entry; V5+ journals do not.',
  },
  UNKNOWN_ENTRY_TYPE: {
    severity: 'warning',
    message: 'Entry of an unknown type kept as unknown',
    hint: 'The journal may come from a newer Restate; the entry is shown but not interpreted.',
  },
  ENTRY_WITHOUT_JSON: {
    severity: 'warning',
    message: 'Journal row without entry_json or entry_lite_json: only its type is known',
    hint: 'Export with `SELECT *` to include the entry_json and entry_lite_json columns.',
  },
  INDEX_GAP: {
    severity: 'warning',
    message: 'Journal indexes are not contiguous: some entries are missing from the export',
    hint: 'A LIMIT or WHERE clause may have cut the journal; command indexes after the gap may be off.',
  },
  DUPLICATE_ROWS: {
    severity: 'warning',
    message: 'Identical duplicate rows were read once',
    hint: 'The same rows appear in more than one file or twice in one file.',
  },
  UNKNOWN_EVENT_TYPE: {
    severity: 'warning',
    message: 'Journal event of an unknown type kept as unknown',
    hint: 'The export may come from a newer Restate.',
  },
  BAD_EVENT: {
    severity: 'warning',
    message: 'A sys_journal_events row could not be read and was skipped',
    hint: 'Export the events again with `SELECT * FROM sys_journal_events`.',
  },
  ORPHAN_ROWS: {
    severity: 'warning',
    message: 'Rows for an invocation without journal rows were ignored',
    hint: 'Include the sys_journal rows of that invocation too.',
  },
  UNKNOWN_ROWS: {
    severity: 'warning',
    message: 'Rows that belong to no known table were ignored',
    hint: 'Only sys_journal, sys_journal_events, sys_invocation and sys_invocation_status rows are read.',
  },
  BAD_TIME: {
    severity: 'warning',
    message: 'A time could not be read and is shown as unknown',
    hint: 'appended_at should be an ISO time such as 2026-11-28T02:04:56.109Z.',
  },
  MISSING_RESULT_DETAIL: {
    severity: 'warning',
    message: 'Some results lack details (failure message, state keys) because entry_json is absent',
    hint: 'Export with the entry_json column to see payloads and failure messages.',
  },
  BAD_AWAITING_TREE: {
    severity: 'warning',
    message: 'The awaited future tree (suspended_waiting_future_json) could not be read',
    hint: 'The tree is shown as unknown.',
  },
  PARTITION_KEY_DROPPED: {
    severity: 'warning',
    message: 'partition_key could not be kept exactly and was removed from the raw rows',
    hint: 'partition_key is a 64-bit number that JSON cannot carry exactly; it is not needed to read the journal.',
  },
} as const satisfies Record<string, CodeInfo>;

export type ReaderCode = keyof typeof READER_CODES;

/** The only exception the reader throws. */
export class ReaderError extends Error {
  readonly code: ReaderCode;
  readonly location: ReaderErrorLocation;
  readonly hint?: string;

  constructor(code: ReaderCode, location: ReaderErrorLocation = {}, detail?: string, hint?: string) {
    const info: CodeInfo = READER_CODES[code];
    super(detail ? `${info.message}: ${detail}` : info.message);
    this.name = 'ReaderError';
    this.code = code;
    this.location = location;
    this.hint = hint ?? info.hint;
  }

  toInfo(): ReaderErrorInfo {
    const info: ReaderErrorInfo = { code: this.code, message: this.message, location: { ...this.location } };
    if (this.hint) info.hint = this.hint;
    return info;
  }
}

export function makeWarning(code: ReaderCode, location?: ReaderErrorLocation, detail?: string): ReaderWarning {
  const info: CodeInfo = READER_CODES[code];
  const warning: ReaderWarning = { code, message: detail ? `${info.message}: ${detail}` : info.message };
  if (location) warning.location = location;
  return warning;
}

/** Human text for a location, e.g. `journal.json, row 3, field entry_json`. */
export function formatLocation(location: ReaderErrorLocation): string {
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.field) parts.push(`field ${location.field}`);
  if (location.offset !== undefined) parts.push(`offset ${location.offset}`);
  return parts.join(', ');
}
