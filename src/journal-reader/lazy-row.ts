// Pieces of an export read only when someone looks at them. The fast /query path (fast-rows.ts) never builds the row
// objects a JSON.parse of the whole export would: 100,000 rows of a dozen fields are most of that parse's time and
// garbage, and the inspector shows one row at a time. These classes keep the text and the offsets instead.

/** A JSON string literal inside a larger text (`start` at its opening quote, `end` after its closing one). */
export class JsonStringSlice {
  constructor(readonly text: string, readonly start: number, readonly end: number) {}

  /** The string's value, escapes resolved. The range was validated as a JSON string when the row was scanned. */
  read(): string {
    return JSON.parse(this.text.slice(this.start, this.end)) as string;
  }
}

/**
 * An entry's raw row, parsed from its place in the export on first use. `toJSON()` gives the row object, so
 * JSON.stringify (the inspector's raw view, the Worker keeping rows for the page) sees the row itself. Use rawRowOf()
 * to read fields. partition_key (a u64) is kept exact as a decimal string, as the general path does.
 */
export class LazyRawRow {
  #text: string;
  #start: number;
  #end: number;
  #row: Record<string, unknown> | undefined;

  constructor(text: string, start: number, end: number) {
    this.#text = text;
    this.#start = start;
    this.#end = end;
  }

  toJSON(): Record<string, unknown> {
    if (this.#row) return this.#row;
    const slice = this.#text.slice(this.#start, this.#end);
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
