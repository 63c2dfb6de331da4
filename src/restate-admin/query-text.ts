// Text-level helpers for Restate's admin `/query` API, shared by `replay-inspector export` (src/cli) and the Connect
// panel (src/ui/connect). Pure: no fetch here, only the SQL literals we send and the rows text we splice.

/** A SQL string literal. Inputs are validated against strict patterns first; quoting is the second line of defence. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An ISO-8601 UTC time as the admin API prints timestamps (`2026-11-28T05:14:39.106Z`). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * A SQL timestamp literal (`TIMESTAMP '…'`) for a time the server printed. sys_invocation and sys_journal* timestamps
 * are `Timestamp(ms, "+00:00")` in Restate 1.7 (DESCRIBE), so the printed millisecond value compares exactly.
 */
export function sqlTimestamp(iso: string): string {
  if (!ISO_UTC.test(iso)) throw new Error(`not an ISO UTC time: ${iso.slice(0, 60)}`);
  return `TIMESTAMP ${sqlLiteral(iso)}`;
}

/**
 * The `[...]` of a `{"rows":[...]}` response, exactly as the server sent it: copied into a bundle without
 * re-serialising, so numbers beyond 2^53 (partition_key) keep every digit. Throws when the response has another shape.
 */
export function rowsArrayText(responseText: string): string {
  const match = /^\s*\{\s*"rows"\s*:\s*\[/.exec(responseText);
  const end = responseText.lastIndexOf(']');
  if (!match || end < match[0].length - 1 || !/^\s*\}\s*$/.test(responseText.slice(end + 1))) {
    throw new Error(`unexpected /query response (expected {"rows":[...]}): ${responseText.slice(0, 200)}`);
  }
  return responseText.slice(match[0].length - 1, end + 1);
}

/**
 * The text of each row object of a rows array text (`[{…},{…}]`), exactly as sent: lets rows be kept, compared and
 * spliced one by one without re-serialising them. Scans strings (with escapes) so braces inside values do not count.
 */
export function rowTexts(arrayText: string): string[] {
  const rows: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < arrayText.length; i++) {
    const c = arrayText.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) {
      if (depth++ === 0) start = i;
    } else if (c === 125 /* } */) {
      if (--depth === 0) rows.push(arrayText.slice(start, i + 1));
      if (depth < 0) throw new Error('unbalanced rows text');
    }
  }
  if (depth !== 0 || inString) throw new Error('unbalanced rows text');
  return rows;
}

/** Rows texts back into an array text. */
export function joinRowTexts(rows: readonly string[]): string {
  return `[${rows.join(',\n')}]`;
}
