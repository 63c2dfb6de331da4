// Pieces of an export read only when someone looks at them. The fast /query path (fast-rows.ts) never builds the row
// objects a JSON.parse of the whole export would: 100,000 rows of a dozen fields are most of that parse's time and
// garbage, and the inspector shows one row at a time. A LazyRawRow keeps the text and the offsets instead.

/**
 * An entry's raw row, parsed from its place in the export on first use. `toJSON()` gives the row object, so
 * JSON.stringify (the inspector's raw view, the Worker keeping rows for the page) sees the row itself. Use rawRowOf()
 * to read fields. partition_key (a u64) is kept exact as a decimal string, as the general path does.
 * It also locates the row's entry_json string literal (jsonStart < 0: none), still escaped, for the lazy payload.
 */
export class LazyRawRow {
  #row: Record<string, unknown> | undefined;

  constructor(readonly text: string, readonly start: number, readonly end: number, readonly jsonStart = -1, readonly jsonEnd = -1) {}

  /** The entry_json string, escapes resolved (the literal was validated when the row was scanned). */
  readEntryJson(): string | undefined {
    return this.jsonStart < 0 ? undefined : (JSON.parse(this.text.slice(this.jsonStart, this.jsonEnd)) as string);
  }

  toJSON(): Record<string, unknown> {
    if (this.#row) return this.#row;
    const slice = this.text.slice(this.start, this.end);
    const row = JSON.parse(slice) as Record<string, unknown>;
    if (typeof row.partition_key === 'number' && !Number.isSafeInteger(row.partition_key)) {
      const exact = /"partition_key"\s*:\s*(\d{1,20})\s*[,}]/.exec(slice);
      if (exact) row.partition_key = exact[1];
      else delete row.partition_key;
    }
    this.#row = row;
    return row;
  }
}

/** The row object behind an entry's `raw` (read now when it is lazy); undefined when there is none. */
export function rawRowOf(raw: unknown): Record<string, unknown> | undefined {
  if (raw instanceof LazyRawRow) return raw.toJSON();
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
}
