// The shape of a reader error. The catalogue of codes and the Error class live in src/journal-reader/errors.ts.

export interface ReaderErrorLocation {
  /** 0-based row (query/sql json) or 1-based line (jsonl); see `unit`. */
  row?: number;
  line?: number;
  /** 1-based column within `line`, when known (a syntax error in scenario source). */
  column?: number;
  field?: string;
  /** Byte/char offset in the text when known. */
  offset?: number;
  /** The file name, when the reader was given one (readJournalFiles, options.fileName). */
  file?: string;
}

export interface ReaderErrorInfo {
  code: string;
  message: string;
  location: ReaderErrorLocation;
  /** What the user can do about it. */
  hint?: string;
}

export interface ReaderWarning {
  code: string;
  message: string;
  location?: ReaderErrorLocation;
}
