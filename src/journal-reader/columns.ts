// Entries ⇄ typed-array columns (model/columns.ts), and what the app derives from entries, derived over the columns:
// futures and completion order, with the same ids, kinds and order as futures.ts (columns.test.ts proves it on
// real captures and generated journals). Pure: no DOM, no clock.
import type { Entry, EntryColumns, Future, Journal, ResultKind } from '../model';

export const RESULT_KINDS: ResultKind[] = ['void', 'success', 'failure', 'invocation-id', 'state-keys'];
const KIND_OF: Record<Entry['kind'], number> = { command: 0, notification: 1, unknown: 2 };
const FIRST_AWAKEABLE_SIGNAL = 17;
const CANCEL_SIGNAL = 1;

/** Builds columns as entries arrive (the reader) or from a whole list (toColumns). Grows by doubling. */
export class ColumnsBuilder {
  private capacity: number;
  private n = 0;
  private cols: Omit<EntryColumns, 'length' | 'strings'>;
  private readonly strings: string[] = [''];
  private readonly codes = new Map<string, number>([['', 0]]);

  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    this.cols = allocate(this.capacity);
  }

  add(entry: Entry, rowStart = -1, rowEnd = -1): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    const c = this.cols;
    c.index[i] = entry.index;
    c.kind[i] = KIND_OF[entry.kind];
    c.typeCode[i] = this.code(entry.type);
    c.nameCode[i] = this.code(entry.name);
    c.appendedAtMs[i] = entry.appendedAtMs ?? NaN;
    c.rowStart[i] = rowStart;
    c.rowEnd[i] = rowEnd;
    c.commandIndex[i] = -1;
    c.completionId[i] = -1;
    c.completionId2[i] = -1;
    c.signalIndex[i] = -1;
    if (entry.kind === 'command') {
      c.commandIndex[i] = entry.commandIndex;
      c.completionId[i] = entry.completionIds[0] ?? -1;
      c.completionId2[i] = entry.completionIds[1] ?? -1;
    } else if (entry.kind === 'notification') {
      c.completionId[i] = entry.completionId ?? -1;
      c.signalIndex[i] = entry.signalIndex ?? -1;
      c.signalNameCode[i] = entry.signalName === undefined ? 0 : this.code(entry.signalName) + 1;
      c.resultKind[i] = RESULT_KINDS.indexOf(entry.result.kind);
    }
  }

  finish(): EntryColumns {
    const n = this.n;
    const c = this.cols;
    return {
      length: n,
      index: c.index.slice(0, n),
      kind: c.kind.slice(0, n),
      typeCode: c.typeCode.slice(0, n),
      nameCode: c.nameCode.slice(0, n),
      commandIndex: c.commandIndex.slice(0, n),
      completionId: c.completionId.slice(0, n),
      completionId2: c.completionId2.slice(0, n),
      signalIndex: c.signalIndex.slice(0, n),
      signalNameCode: c.signalNameCode.slice(0, n),
      resultKind: c.resultKind.slice(0, n),
      appendedAtMs: c.appendedAtMs.slice(0, n),
      rowStart: c.rowStart.slice(0, n),
      rowEnd: c.rowEnd.slice(0, n),
      strings: this.strings,
    };
  }

  /** The columns so far as views on the builder's arrays (no copy): valid until the next add. */
  view(): EntryColumns {
    const n = this.n;
    const c = this.cols;
    return {
      length: n,
      index: c.index.subarray(0, n),
      kind: c.kind.subarray(0, n),
      typeCode: c.typeCode.subarray(0, n),
      nameCode: c.nameCode.subarray(0, n),
      commandIndex: c.commandIndex.subarray(0, n),
      completionId: c.completionId.subarray(0, n),
      completionId2: c.completionId2.subarray(0, n),
      signalIndex: c.signalIndex.subarray(0, n),
      signalNameCode: c.signalNameCode.subarray(0, n),
      resultKind: c.resultKind.subarray(0, n),
      appendedAtMs: c.appendedAtMs.subarray(0, n),
      rowStart: c.rowStart.subarray(0, n),
      rowEnd: c.rowEnd.subarray(0, n),
      strings: this.strings,
    };
  }

  /** How many entries were added. */
  get length(): number {
    return this.n;
  }

  private code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  private grow(): void {
    const next = allocate(this.capacity * 2);
    for (const key of Object.keys(next) as (keyof typeof next)[]) (next[key] as Uint8Array).set(this.cols[key]);
    this.cols = next;
    this.capacity *= 2;
  }
}

function allocate(n: number): Omit<EntryColumns, 'length' | 'strings'> {
  return {
    index: new Uint32Array(n),
    kind: new Uint8Array(n),
    typeCode: new Uint32Array(n),
    nameCode: new Uint32Array(n),
    commandIndex: new Int32Array(n),
    completionId: new Int32Array(n),
    completionId2: new Int32Array(n),
    signalIndex: new Int32Array(n),
    signalNameCode: new Uint32Array(n),
    resultKind: new Uint8Array(n),
    appendedAtMs: new Float64Array(n),
    rowStart: new Float64Array(n),
    rowEnd: new Float64Array(n),
  };
}

export function toColumns(entries: readonly Entry[]): EntryColumns {
  const builder = new ColumnsBuilder(entries.length);
  for (const entry of entries) builder.add(entry);
  return builder.finish();
}

/** The readable view of entry i: the fields futures, the stepper and the timeline read (no payloads, no details). */
export interface ColumnEntry {
  index: number;
  kind: Entry['kind'];
  type: string;
  name: string;
  appendedAtMs: number | null;
  commandIndex?: number;
  completionIds?: number[];
  completionId?: number;
  signalIndex?: number;
  signalName?: string;
  resultKind?: ResultKind;
}

export function entryAt(c: EntryColumns, i: number): ColumnEntry {
  const kind = c.kind[i] === 0 ? 'command' : c.kind[i] === 1 ? 'notification' : 'unknown';
  const at = c.appendedAtMs[i];
  const entry: ColumnEntry = {
    index: c.index[i],
    kind,
    type: c.strings[c.typeCode[i]],
    name: c.strings[c.nameCode[i]],
    appendedAtMs: Number.isNaN(at) ? null : at,
  };
  if (kind === 'command') {
    entry.commandIndex = c.commandIndex[i];
    entry.completionIds = [c.completionId[i], c.completionId2[i]].filter((id) => id >= 0);
  } else if (kind === 'notification') {
    if (c.completionId[i] >= 0) entry.completionId = c.completionId[i];
    if (c.signalIndex[i] >= 0) entry.signalIndex = c.signalIndex[i];
    if (c.signalNameCode[i] > 0) entry.signalName = c.strings[c.signalNameCode[i] - 1];
    entry.resultKind = RESULT_KINDS[c.resultKind[i]];
  }
  return entry;
}

/** The same view of an entry object (what entryAt must give back for it). */
export function viewOf(entry: Entry): ColumnEntry {
  const view: ColumnEntry = {
    index: entry.index,
    kind: entry.kind,
    type: entry.type,
    name: entry.name,
    appendedAtMs: entry.appendedAtMs,
  };
  if (entry.kind === 'command') {
    view.commandIndex = entry.commandIndex;
    view.completionIds = entry.completionIds.slice(0, 2);
  } else if (entry.kind === 'notification') {
    if (entry.completionId !== undefined) view.completionId = entry.completionId;
    if (entry.signalIndex !== undefined) view.signalIndex = entry.signalIndex;
    if (entry.signalName !== undefined) view.signalName = entry.signalName;
    view.resultKind = entry.result.kind;
  }
  return view;
}

/** Future id of notification i: `c<id>`, `s<index>`, `s:<name>` or null (futures.ts notificationFutureId). */
function notificationIdAt(c: EntryColumns, i: number): string | null {
  if (c.completionId[i] >= 0) return `c${c.completionId[i]}`;
  if (c.signalIndex[i] >= 0) return `s${c.signalIndex[i]}`;
  if (c.signalNameCode[i] > 0) return `s:${c.strings[c.signalNameCode[i] - 1]}`;
  return null;
}

/** futures.ts deriveFutures over the columns: the same futures in the same order. */
export function deriveFuturesFromColumns(c: EntryColumns): Future[] {
  const futures: Future[] = [];
  const byId = new Map<string, Future>();
  for (let i = 0; i < c.length; i++) {
    const at = Number.isNaN(c.appendedAtMs[i]) ? null : c.appendedAtMs[i];
    if (c.kind[i] === 0) {
      const type = c.strings[c.typeCode[i]];
      const ids = [c.completionId[i], c.completionId2[i]];
      for (let k = 0; k < 2; k++) {
        const completionId = ids[k];
        if (completionId < 0) continue;
        const id = `c${completionId}`;
        if (byId.has(id)) continue;
        const future: Future = {
          id,
          completionId,
          commandIndex: c.commandIndex[i],
          entryIndex: c.index[i],
          kind: (type === 'Call' && k === 0) || type === 'OneWayCall' ? 'CallInvocationId' : type,
          name: c.strings[c.nameCode[i]],
          startMs: at,
          endMs: null,
          completionEntryIndex: null,
          result: 'pending',
        };
        futures.push(future);
        byId.set(id, future);
      }
    } else if (c.kind[i] === 1) {
      const id = notificationIdAt(c, i);
      if (id === null) continue;
      let future = byId.get(id);
      if (!future) {
        future = futureWithoutCommand(c, i, id);
        futures.push(future);
        byId.set(id, future);
      }
      if (future.result === 'pending') {
        future.endMs = at;
        future.completionEntryIndex = c.index[i];
        future.result = RESULT_KINDS[c.resultKind[i]];
      }
    }
  }
  return futures;
}

function futureWithoutCommand(c: EntryColumns, i: number, id: string): Future {
  const completionId = c.completionId[i];
  const signalIndex = c.signalIndex[i];
  const signalName = c.signalNameCode[i] > 0 ? c.strings[c.signalNameCode[i] - 1] : undefined;
  const kind =
    completionId >= 0
      ? c.strings[c.typeCode[i]]
      : signalIndex === CANCEL_SIGNAL
        ? 'Cancel'
        : signalIndex >= FIRST_AWAKEABLE_SIGNAL
          ? 'Awakeable'
          : 'Signal';
  const future: Future = {
    id,
    commandIndex: null,
    entryIndex: c.index[i],
    kind,
    name: signalName ?? '',
    startMs: null,
    endMs: null,
    completionEntryIndex: null,
    result: 'pending',
  };
  if (completionId >= 0) future.completionId = completionId;
  if (signalIndex >= 0) future.signalIndex = signalIndex;
  return future;
}

/** futures.ts completionOrder over the columns. */
export function completionOrderFromColumns(c: EntryColumns): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < c.length; i++) {
    if (c.kind[i] !== 1) continue;
    const id = notificationIdAt(c, i);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    order.push(id);
  }
  return order;
}

/** Columns of a journal's entries (a convenience for callers holding a Journal). */
export function journalColumns(journal: Journal): EntryColumns {
  return toColumns(journal.entries);
}
