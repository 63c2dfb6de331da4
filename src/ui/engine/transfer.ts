// How a large run crosses from the engine Worker to the page without freezing it (issue 6).
// Structured clone of a 100,000-entry journal costs the page ~1 s in ONE task (most of it the raw rows). So the Worker
// keeps the raw rows (fetched on demand when the inspector shows one, see rawRows.ts) and posts entries and futures in
// chunks: each chunk is its own message, so the page deserialises it in its own short task between frames.
// Chunks once travelled as JSON text (V8's JSON.parse builds plain objects about twice as fast as structured-clone
// deserialisation does). Since issue 15 entries (entryParts.ts) and futures (futureParts.ts) travel as typed-array
// columns whose buffers are transferred (moved, not copied); only entries and futures of an unusual shape are JSON.
import type { Entry, Future } from '../../model';
import type { RunResult } from '../../run/loaded-run';
import type { EntryColumnsPart } from './entryParts';
import { entriesOfPart, entryColumnsPart, entryPartBuffers } from './entryParts';
import type { FutureColumnsPart } from './futureParts';
import { futureColumnsPart, futurePartBuffers, futuresOfPart } from './futureParts';
import { LAZY_ENTRIES_MIN, lazyEntries } from './lazyEntries';

/** Items per message: ~10k entries deserialise in ~30 ms on a slow core, well under the 100 ms long-task budget. */
export const CHUNK_ITEMS = 10_000;

export type ResultPart = EntryColumnsPart | FutureColumnsPart;

/** Posts a part with its buffers in the transfer list (`postMessage(part, transfer)`). */
export type EmitPart = (part: ResultPart, transfer: ArrayBuffer[]) => void;

/**
 * Splits a result into parts, each handed to `emit` as soon as it is made (the page parses one while the Worker
 * makes the next), and returns the small remainder (entries and futures emptied). Removes `raw` from every entry
 * and returns the removed values by entry index (the Worker keeps them). Mutates `result`: it is the Worker's own.
 */
export function splitForPage(
  result: RunResult,
  emit: EmitPart,
  chunkItems = CHUNK_ITEMS,
): { rest: RunResult; raws: unknown[] | null } {
  const entries = result.journal.entries;
  let raws: unknown[] | null = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.raw === undefined) continue;
    raws ??= new Array<unknown>(entries.length);
    raws[i] = e.raw;
    // Not `delete`: deleting a property turns each of a million entries into a slow dictionary object (stringify then
    // took ~1 s per 200,000 entries longer, bench/scale.bench.ts); JSON.stringify leaves an undefined value out.
    e.raw = undefined;
  }
  for (let i = 0; i < entries.length; i += chunkItems) {
    const part = entryColumnsPart(entries.slice(i, i + chunkItems));
    part.journalLength = entries.length;
    emit(part, entryPartBuffers(part));
  }
  for (let i = 0; i < result.futures.length; i += chunkItems) {
    const part = futureColumnsPart(result.futures.slice(i, i + chunkItems));
    emit(part, futurePartBuffers(part));
  }
  const rest: RunResult = { ...result, journal: { ...result.journal, entries: [] }, futures: [] };
  return { rest, raws };
}

/**
 * Page side: collects parts as they arrive, then rebuilds the result. A journal of `LAZY_ENTRIES_MIN` entries or more
 * keeps its entry parts as columns (lazyEntries.ts); a smaller one is rebuilt as objects, part by part.
 */
export class ResultAssembler {
  private readonly entries: Entry[] = [];
  private readonly entryParts: EntryColumnsPart[] = [];
  private readonly futures: Future[] = [];
  /** Parts received so far (for the progress bar). */
  received = 0;

  constructor(private readonly lazyMin = LAZY_ENTRIES_MIN) {}

  add(part: ResultPart): void {
    if (part.field !== 'entry-columns') futuresOfPart(part, this.futures);
    else if ((part.journalLength ?? 0) >= this.lazyMin) this.entryParts.push(part);
    else entriesOfPart(part, this.entries);
    this.received++;
  }

  finish(rest: RunResult): RunResult {
    if (this.received === 0) return rest;
    const entries = this.entryParts.length ? lazyEntries(this.entryParts) : this.entries;
    return { ...rest, journal: { ...rest.journal, entries }, futures: this.futures };
  }
}
