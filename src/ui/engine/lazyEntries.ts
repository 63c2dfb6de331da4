// A large read run's entries stay on the page as the typed-array columns they crossed in (entryParts.ts), and an
// Entry object is made only when one is looked at (issue 15): the lanes on screen, the inspector, the journal table's
// visible rows, the status line. Rebuilding all of them took ~150 ms of a 1,000,000-entry load, plus their garbage
// and ~100 MB of heap, for entries nobody looks at.
//
// The UI keeps reading `journal.entries` as `readonly Entry[]`: the list is a Proxy over a holey array of the same
// length that is also its cache, so `entries[i]` makes entry i once and then returns that same object (rawRows.ts
// compares entries by identity). Array methods (find, map, slice, spread, JSON.stringify) work, reading through the
// Proxy: a full scan makes every entry, which is why the page's scans at load read the columns instead
// (`entryTimes`). A Proxy cannot be structured-cloned: `plainEntries` makes a plain array for postMessage.
import type { Entry } from '../../model';
import { columnEntryAt, columnTimeAt, isJsonRow, otherEntriesOf, type EntryColumnsPart } from './entryParts';

/**
 * Runs of at least this many entries keep their columns. Smaller runs (the 7,002-entry capture, a 100,000-entry
 * export) get plain arrays: rebuilding them costs a few ms to ~20 ms, and every read of a Proxy costs more than an
 * array's (a scan of 100,000 entries through the Proxy takes several ms).
 */
export const LAZY_ENTRIES_MIN = 200_000;

/** Where each entry is: its part, and its row in that part. */
class ColumnEntries {
  /** First entry of each part (global index). */
  private readonly starts: number[] = [];

  constructor(
    private readonly parts: readonly EntryColumnsPart[],
    private readonly cache: Entry[],
  ) {
    let start = 0;
    for (const part of parts) {
      this.starts.push(start);
      // JSON rows are parsed now, into the cache: there are few of them in a large journal (Input, Output, calls…).
      if (part.json !== '[]') {
        const others = otherEntriesOf(part);
        let other = 0;
        for (let i = 0; i < part.count; i++) if (isJsonRow(part, i)) cache[start + i] = others[other++];
      }
      start += part.count;
    }
  }

  /** The part holding entry i (binary search over the parts' starts: ~100 parts at 1,000,000 entries). */
  private partOf(i: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  entry(i: number): Entry {
    const cached = this.cache[i];
    if (cached !== undefined) return cached;
    const p = this.partOf(i);
    const made = columnEntryAt(this.parts[p], i - this.starts[p]);
    this.cache[i] = made;
    return made;
  }

  /** Every entry's appendedAtMs, from the columns (no Entry made). */
  times(): (number | null)[] {
    const out = new Array<number | null>(this.cache.length);
    let k = 0;
    for (const part of this.parts) {
      for (let i = 0; i < part.count; i++, k++) {
        const t = columnTimeAt(part, i);
        out[k] = t === undefined ? this.cache[k].appendedAtMs : t;
      }
    }
    return out;
  }
}

const columnsOf = new WeakMap<readonly Entry[], ColumnEntries>();

/**
 * An index property key ('0', '17'…) as a number below `length`, else -1. A Proxy gets every index as a string; the
 * digits are read in one pass (`Number` then `String` to check the key is canonical made a string per read).
 */
function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== 'string') return -1;
  const n = key.length;
  if (n === 0 || n > 15 || (n > 1 && key.charCodeAt(0) === 48)) return -1;
  let i = 0;
  for (let k = 0; k < n; k++) {
    const digit = key.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return -1;
    i = i * 10 + digit;
  }
  return i < length ? i : -1;
}

/** Page side: the entries of these parts (in order) as a lazily made `Entry[]`. */
export function lazyEntries(parts: readonly EntryColumnsPart[]): Entry[] {
  let length = 0;
  for (const part of parts) length += part.count;
  const cache = new Array<Entry>(length);
  const columns = new ColumnEntries(parts, cache);
  const list = new Proxy(cache, {
    get(target, key, receiver) {
      const i = indexOf(key, length);
      return i >= 0 ? columns.entry(i) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return indexOf(key, length) >= 0 || Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const i = indexOf(key, length);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: columns.entry(i), writable: true, enumerable: true, configurable: true };
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < length; i++) keys.push(String(i));
      return keys.concat(Reflect.ownKeys(target).filter((k) => indexOf(k, length) < 0));
    },
    // The journal is read-only to the UI; a write would bypass the columns.
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
  columnsOf.set(list, columns);
  return list;
}

/** True when `entries` is a lazily made list (lazyEntries). */
export function isLazyEntries(entries: readonly Entry[]): boolean {
  return columnsOf.has(entries);
}

/** Every entry's appendedAtMs; read from the columns for a lazy list, so no Entry is made. */
export function entryTimes(entries: readonly Entry[]): (number | null)[] {
  const columns = columnsOf.get(entries);
  return columns ? columns.times() : entries.map((e) => e.appendedAtMs);
}

/** A plain array of the entries, for structured clone (postMessage cannot clone a Proxy); the same list otherwise. */
export function plainEntries(entries: Entry[]): Entry[] {
  return columnsOf.has(entries) ? Array.from({ length: entries.length }, (_, i) => entries[i]) : entries;
}
