// Text-level helpers for Restate's admin `/query` API, shared by `replay-inspector export` (src/cli) and the Connect
// panel (src/ui/connect). Pure: no fetch here, only the SQL literals we send and the rows text we splice.

/** A SQL string literal. Inputs are validated against strict patterns first; quoting is the second line of defence. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
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
