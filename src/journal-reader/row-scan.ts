// The rows of a /query chunk read straight from its text, without JSON.parse making an object of each row (that parse
// alone cost what the whole reader may: docs/performance.md, "Where the in-process reader's time goes"). One sticky
// regular expression checks a whole row against the shape Restate writes — the columns in Restate's order, each value
// strictly valid JSON — and captures the few values the entry needs. entry_json and entry_lite_json stay as they stand
// in the text, still escaped: the lite JSON is read in that form (ESCAPED_LITE, lite-scan.ts) and entry_json is kept
// as a slice of the chunk until a payload is shown (LazySuccess). Nothing is unescaped while reading.
//
// Exactness: the shape is a strict subset of JSON (no leading zeros, no raw control characters, only JSON's escapes),
// so a chunk whose every row matches is one that JSON.parse reads, with the same values. A chunk with any other row
// (other columns or order, whitespace inside a row, nulls, escapes in a name) is not scanned: it is parsed as before.

const SPACE = String.raw`[ \t\r\n]*`;
/** The inside of a JSON string: no quote, backslash or control character except as one of JSON's escapes. */
const STRING = String.raw`[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*`;
/** The inside of a JSON string without escapes: its text is its value. */
const PLAIN = String.raw`[^"\\\x00-\x1f]*`;
const NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;

/** One row, as Restate 1.7 writes it (compare test/fixtures/restate-1.7.12/*\/journal.query.json); partition_key, name,
 *  raw / raw_length and appended_at may be absent (a notification has no name; write-query.ts leaves out the others). */
const ROW = new RegExp(
  [
    `${SPACE}\\{`,
    String.raw`(?:"partition_key":(0|[1-9]\d{0,19}),)?`,
    `"id":"(${PLAIN})",`,
    String.raw`"index":(0|[1-9]\d{0,9}),`,
    `"entry_type":"${STRING}",`,
    `(?:"name":"(${PLAIN})",)?`,
    `(?:"raw":"${STRING}","raw_length":${NUMBER},)?`,
    `"version":2,`,
    `"entry_json":"(${STRING})",`,
    `"entry_lite_json":"(${STRING})"`,
    `(?:,"appended_at":"(${PLAIN})")?`,
    `\\}${SPACE}`,
  ].join(''),
  'y',
);

/** Capture numbers in a scanned row. */
export const PARTITION_KEY = 1;
export const ID = 2;
export const INDEX = 3;
export const NAME = 4;
export const ENTRY_JSON = 5;
export const LITE_JSON = 6;
export const APPENDED_AT = 7;

/** A scanned row: its captures; `index` is where it starts in the chunk text. */
export type ScannedRow = RegExpExecArray;

/** The whole number written in `digits` (at most 10 digits, checked by ROW: below 2^53). */
export function countOf(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
}

/** Where each row of the last scanRows ends in its chunk (after the space after its `}`; the comma is next). */
export const rowEnds: number[] = [];

/** The rows of a chunk (rows separated by commas, as between the array's brackets), or null when any row does not have
 *  the shape (the caller then parses the chunk). */
export function scanRows(text: string): ScannedRow[] | null {
  const rows: ScannedRow[] = [];
  rowEnds.length = 0;
  ROW.lastIndex = 0;
  for (;;) {
    const row = ROW.exec(text);
    if (row === null) return null;
    rows.push(row);
    const end = ROW.lastIndex;
    rowEnds.push(end);
    if (end === text.length) return rows;
    if (text.charCodeAt(end) !== 44 /* , */) return null;
    ROW.lastIndex = end + 1;
  }
}
