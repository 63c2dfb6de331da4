// A raw row that is parsed again when someone looks at it. The chunked /query path (chunked-rows.ts) lets each
// chunk's row objects die as soon as their entries are built: keeping 100,000 of them alive is what makes a
// whole-export JSON.parse slow (the garbage collector copies every live row), and the inspector shows one at a time.

/**
 * Row `k` of a chunk of a /query export's rows (the chunk's text, rows separated by commas, without brackets). Its
 * `toJSON()` gives the row object, so JSON.stringify (the inspector's raw view, the Worker that keeps rows for the
 * page) sees the row itself; use rawRowOf() to read fields. A partition_key beyond 2^53 gets its exact digits, as
 * the general path gives them (`exactPartitionKey`).
 */
export class LazyRawRow {
  #row: Record<string, unknown> | undefined;

  constructor(private readonly chunk: string, private readonly k: number, private readonly exactPartitionKey: string | undefined) {}

  toJSON(): Record<string, unknown> {
    if (this.#row) return this.#row;
    const row = (JSON.parse(`[${this.chunk}]`) as Record<string, unknown>[])[this.k];
    if (this.exactPartitionKey !== undefined && typeof row.partition_key === 'number' && !Number.isSafeInteger(row.partition_key)) {
      row.partition_key = this.exactPartitionKey;
    }
    this.#row = row;
    return row;
  }
}

/** The row object behind an entry's `raw` (parsed now when it is lazy); undefined when there is none. */
export function rawRowOf(raw: unknown): Record<string, unknown> | undefined {
  if (raw instanceof LazyRawRow) return raw.toJSON();
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
}
