// A raw row that is parsed again when someone looks at it. The chunked /query path (chunked-rows.ts) lets each
// chunk's row objects die as soon as their entries are built: keeping 100,000 of them alive is what makes a
// whole-export JSON.parse slow (the garbage collector copies every live row), and the inspector shows one at a time.

/** The text of a chunk of a /query export's rows (rows separated by commas, without brackets), shared by its rows. */
export class RowChunk {
  constructor(readonly text: string) {}
}

/** The chunks parsed last, with their rows: reading every raw row in order parses each chunk once, and memory stays bounded. */
const recentChunks: { chunk: RowChunk; rows: Record<string, unknown>[] }[] = [];
const RECENT_CHUNKS_MAX = 2;

function rowsOf(chunk: RowChunk): Record<string, unknown>[] {
  const found = recentChunks.find((c) => c.chunk === chunk);
  if (found) return found.rows;
  const rows = JSON.parse(`[${chunk.text}]`) as Record<string, unknown>[];
  recentChunks.push({ chunk, rows });
  if (recentChunks.length > RECENT_CHUNKS_MAX) recentChunks.shift();
  return rows;
}

/** Rows already parsed, by their handle (a table rather than a field: one field fewer in each of 100,000 handles). */
const parsedRows = new WeakMap<LazyRawRow, Record<string, unknown>>();

/**
 * Row `k` of a chunk. Its `toJSON()` gives the row object, so JSON.stringify (the inspector's raw view, the Worker
 * that keeps rows for the page) sees the row itself; use rawRowOf() to read fields. A partition_key beyond 2^53 gets
 * its exact digits, as the general path gives them (`exactPartitionKey`).
 */
export class LazyRawRow {
  constructor(
    private readonly chunk: RowChunk,
    private readonly k: number,
    private readonly exactPartitionKey: string | undefined,
  ) {}

  toJSON(): Record<string, unknown> {
    const known = parsedRows.get(this);
    if (known) return known;
    const row = rowsOf(this.chunk)[this.k];
    if (
      this.exactPartitionKey !== undefined &&
      typeof row.partition_key === 'number' &&
      !Number.isSafeInteger(row.partition_key)
    ) {
      row.partition_key = this.exactPartitionKey;
    }
    parsedRows.set(this, row);
    return row;
  }
}

/** The row object behind an entry's `raw` (parsed now when it is lazy); undefined when there is none. */
export function rawRowOf(raw: unknown): Record<string, unknown> | undefined {
  if (raw instanceof LazyRawRow) return raw.toJSON();
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
}
