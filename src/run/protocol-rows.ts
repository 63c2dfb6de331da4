// The protocol payload of each kept raw row (its `entry_type` and hex `raw`): what a real-SDK replay needs of a
// journal the page holds without its raw rows. Pure: the engine Worker answers the page's request with it.
import { rawRowOf } from '../journal-reader/lazy-row';

/** A journal row's protocol payload as the Worker that read the file keeps it; null where a row has none. */
export type ProtocolRow = { entry_type: string; raw: string } | null;

/** The `entry_type` and hex `raw` of every kept row (a few bytes each), by entry index. */
export function protocolRowsOf(raws: readonly unknown[] | null): ProtocolRow[] {
  if (!raws) return [];
  return Array.from(raws, (raw) => {
    const row = rawRowOf(raw);
    return row && typeof row.raw === 'string' && typeof row.entry_type === 'string'
      ? { entry_type: row.entry_type, raw: row.raw }
      : null;
  });
}
