// Futures by id, for the page's run model (issue 15). A `Map` of 500,000 futures (a 1,000,000-entry journal) took
// ~400 ms to build, most of it hashing ids that were just made; almost every id is `c<completionId>`, so the index
// is a typed array by completion id, and the rare other ids (signals `s17`, `s:name`) a small Map. What it answers
// is exactly what `new Map(futures.map((f) => [f.id, f]))` answers (future-index.test.ts): when some future's `c…` id
// is not its own `c<completionId>` (never the case for derived futures), the index is that Map.
import type { Future } from '../model';

/** What the UI asks of futures by id (a Map of them answers it too). */
export interface FutureLookup {
  get(id: string): Future | undefined;
  has(id: string): boolean;
}

/** Completion ids above this go to the Map: the typed array stays a few MB at most. */
const MAX_INDEXED_COMPLETION_ID = 1 << 24;

export class FutureIndex implements FutureLookup {
  /** Position + 1 of the last future with each completion id (0: none). */
  private readonly byCompletionId: Int32Array;
  /** Futures without an indexable completion id, by id (later ones win, as in a Map built in order). */
  private readonly others = new Map<string, Future>();
  /** Set when some future breaks the rule the typed array relies on: then every lookup is the whole Map's. */
  private readonly whole: Map<string, Future> | null = null;
  private readonly futures: readonly Future[] = [];

  constructor(futures: readonly Future[]) {
    let max = 0;
    let fits = true;
    for (const f of futures) {
      if (indexable(f.completionId)) {
        if (f.completionId! > max) max = f.completionId!;
        fits &&= completionNumberOf(f.id) === f.completionId;
      } else fits &&= f.id.charCodeAt(0) !== C;
    }
    if (!fits) {
      // The rule: every `c…` id is the `c<completionId>` of its own future. Rare (never from deriveFutures).
      this.byCompletionId = new Int32Array(0);
      this.whole = new Map(futures.map((f) => [f.id, f]));
      return;
    }
    this.byCompletionId = new Int32Array(max + 1);
    for (let i = 0; i < futures.length; i++) {
      const f = futures[i];
      if (indexable(f.completionId)) this.byCompletionId[f.completionId!] = i + 1;
      else this.others.set(f.id, f);
    }
    this.futures = futures;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): Future | undefined {
    if (this.whole) return this.whole.get(id);
    if (id.charCodeAt(0) !== C) return this.others.get(id);
    // Every future with a `c…` id is indexed under the number it spells, so any other spelling is no future's id.
    const n = completionNumberOf(id);
    const at = n >= 0 && n < this.byCompletionId.length ? this.byCompletionId[n] : 0;
    return at === 0 ? undefined : this.futures[at - 1];
  }
}

const C = 99; // 'c'
const ZERO = 48;

/** n when `id` is exactly `c${n}` for an integer 0 ≤ n < 2^24 (no sign, no leading zero), else −1. Makes no string. */
export function completionNumberOf(id: string): number {
  if (id.length < 2 || id.length > 9 || id.charCodeAt(0) !== C) return -1;
  if (id.length > 2 && id.charCodeAt(1) === ZERO) return -1;
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const d = id.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n < MAX_INDEXED_COMPLETION_ID ? n : -1;
}

function indexable(completionId: number | undefined): boolean {
  return (
    completionId !== undefined &&
    Number.isInteger(completionId) &&
    completionId >= 0 &&
    completionId < MAX_INDEXED_COMPLETION_ID
  );
}
