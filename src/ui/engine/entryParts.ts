// Entries cross from the engine Worker to the page as typed-array columns (issue 15), not as JSON text: for a
// 1,000,000-entry journal, JSON.stringify in the Worker and JSON.parse on the page were most of the load
// (bench/scale.bench.ts). The two commonest shapes of a large journal travel as columns and are rebuilt on the page
// with the same keys and values (entryParts.test.ts):
//   - a command that allocated one completion and carries nothing else (Run, Sleep, …),
//   - a notification completing a completion id with a JSON success payload.
// Every other entry (Input, Output, Call, failures, signals, details…) travels as JSON text, in its place.
import type { CommandEntry, Entry, NotificationEntry } from '../../model';
import { TextColumnWriter, textAt, type TextColumn } from './textColumn';

const JSON_SHAPE = 0;
const PLAIN_COMMAND = 1;
const SUCCESS_NOTIFICATION = 2;

export interface EntryColumnsPart {
  type: 'part';
  field: 'entry-columns';
  count: number;
  /** Entries in the whole journal, all parts together (set by transfer.ts: the page picks lazy entries by it). */
  journalLength?: number;
  shape: Uint8Array;
  index: Float64Array;
  appendedAtMs: Float64Array;
  /** Command index (plain commands) or completion id (success notifications). */
  number: Float64Array;
  /** Completion id (plain commands) or payload byte length (success notifications). */
  number2: Float64Array;
  /** Codes of Entry.type into `strings` (few distinct: interned). */
  typeCode: Uint32Array;
  /** Entry.name per entry ('' for JSON-shaped ones): nearly every name differs, so not interned (textColumn.ts). */
  names: TextColumn;
  /** Payload text of each success notification ('' for other entries). */
  payloads: TextColumn;
  strings: string[];
  /** The other entries, in order, as JSON text of an array. */
  json: string;
}

const COMMAND_KEYS = new Set(['kind', 'index', 'type', 'name', 'appendedAtMs', 'commandIndex', 'completionIds', 'raw']);
const NOTIFICATION_KEYS = new Set(['kind', 'index', 'type', 'name', 'appendedAtMs', 'result', 'completionId', 'raw']);

/** True when every key with a defined value is one of `allowed`. A for-in loop, not Object.keys: no array per entry
 *  (a million of them in the Worker's large heap, issue 15). Entries are plain objects: for-in sees own keys. */
function onlyKeys(entry: object, allowed: Set<string>): boolean {
  for (const key in entry) {
    if (!allowed.has(key) && (entry as Record<string, unknown>)[key] !== undefined) return false;
  }
  return true;
}

/** The number of keys of a plain object, and whether `wanted` is one of them (no array made). */
function keyCount(value: object, wanted: string): { count: number; has: boolean } {
  let count = 0;
  let has = false;
  for (const key in value) {
    count++;
    if (key === wanted) has = true;
  }
  return { count, has };
}

function shapeOf(e: Entry): number {
  // Columns hold strings and numbers only: anything else (an undefined name, a non-string text) goes as JSON.
  if (typeof e.type !== 'string' || typeof e.name !== 'string') return JSON_SHAPE;
  if (e.kind === 'command') {
    if (e.completionIds.length === 1 && onlyKeys(e, COMMAND_KEYS)) return PLAIN_COMMAND;
    return JSON_SHAPE;
  }
  if (e.kind !== 'notification' || e.completionId === undefined || !onlyKeys(e, NOTIFICATION_KEYS)) return JSON_SHAPE;
  const result = e.result;
  if (result.kind !== 'success') return JSON_SHAPE;
  const keys = keyCount(result, 'payload');
  if (keys.count !== 2 || !keys.has) return JSON_SHAPE;
  const payload = result.payload;
  if (!payload || payload.encoding !== 'json' || typeof payload.text !== 'string') return JSON_SHAPE;
  if (!Number.isFinite(payload.byteLength)) return JSON_SHAPE;
  return keyCount(payload, 'text').count === 3 ? SUCCESS_NOTIFICATION : JSON_SHAPE;
}

/** Worker side: one part holding `entries` (raw rows already taken out). */
export function entryColumnsPart(entries: readonly Entry[]): EntryColumnsPart {
  const n = entries.length;
  const part: EntryColumnsPart = {
    type: 'part',
    field: 'entry-columns',
    count: n,
    shape: new Uint8Array(n),
    index: new Float64Array(n),
    appendedAtMs: new Float64Array(n),
    number: new Float64Array(n),
    number2: new Float64Array(n),
    typeCode: new Uint32Array(n),
    names: { text: '', end: new Uint32Array(0) },
    payloads: { text: '', end: new Uint32Array(0) },
    strings: [],
    json: '',
  };
  const names = new TextColumnWriter(n);
  const payloads = new TextColumnWriter(n);
  const codes = new Map<string, number>();
  let lastType = '';
  let lastCode = -1;
  /** Types repeat (Run, Run, Run…): the last one is checked before the Map. */
  const code = (text: string) => {
    if (text === lastType && lastCode >= 0) return lastCode;
    let c = codes.get(text);
    if (c === undefined) {
      c = part.strings.length;
      part.strings.push(text);
      codes.set(text, c);
    }
    lastType = text;
    lastCode = c;
    return c;
  };
  const others: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const shape = shapeOf(e);
    part.shape[i] = shape;
    if (shape === JSON_SHAPE) {
      others.push(e);
      names.add('');
      payloads.add('');
      continue;
    }
    part.index[i] = e.index;
    part.appendedAtMs[i] = e.appendedAtMs ?? NaN;
    part.typeCode[i] = code(e.type);
    names.add(e.name);
    if (shape === PLAIN_COMMAND) {
      const c = e as CommandEntry;
      part.number[i] = c.commandIndex;
      part.number2[i] = c.completionIds[0];
      payloads.add('');
    } else {
      const m = e as NotificationEntry & { result: { kind: 'success'; payload: { text: string; byteLength: number } } };
      part.number[i] = m.completionId!;
      part.number2[i] = m.result.payload.byteLength;
      payloads.add(m.result.payload.text);
    }
  }
  part.names = names.finish();
  part.payloads = payloads.finish();
  part.json = others.length ? JSON.stringify(others) : '[]';
  return part;
}

/** The buffers of a part, for postMessage's transfer list (the Worker gives them up: moved, not copied). */
export function entryPartBuffers(part: EntryColumnsPart): ArrayBuffer[] {
  return [
    part.shape,
    part.index,
    part.appendedAtMs,
    part.number,
    part.number2,
    part.typeCode,
    part.names.end,
    part.payloads.end,
  ].map((column) => column.buffer as ArrayBuffer);
}

/** Page side: the entries of a part, in order, as the objects JSON.parse would have given. */
export function entriesOfPart(part: EntryColumnsPart, into: Entry[]): void {
  const others = otherEntriesOf(part);
  let other = 0;
  for (let i = 0; i < part.count; i++)
    into.push(part.shape[i] === JSON_SHAPE ? others[other++] : columnEntryAt(part, i));
}

/** The part's entries that travelled as JSON text, in order (one per JSON-shaped row). */
export function otherEntriesOf(part: EntryColumnsPart): Entry[] {
  return JSON.parse(part.json) as Entry[];
}

/** True when row i of the part travelled as JSON (its entry is in `otherEntriesOf`, not in the columns). */
export function isJsonRow(part: EntryColumnsPart, i: number): boolean {
  return part.shape[i] === JSON_SHAPE;
}

/** Row i's appendedAtMs, read from the columns (a JSON row's is in its entry: undefined here). */
export function columnTimeAt(part: EntryColumnsPart, i: number): number | null | undefined {
  if (part.shape[i] === JSON_SHAPE) return undefined;
  const at = part.appendedAtMs[i];
  return Number.isNaN(at) ? null : at;
}

/** Row i of the part as an Entry, for a row that travelled as columns (not JSON). */
export function columnEntryAt(part: EntryColumnsPart, i: number): Entry {
  const at = part.appendedAtMs[i];
  const appendedAtMs = Number.isNaN(at) ? null : at;
  if (part.shape[i] === PLAIN_COMMAND) {
    return {
      kind: 'command',
      index: part.index[i],
      type: part.strings[part.typeCode[i]],
      name: textAt(part.names, i),
      appendedAtMs,
      commandIndex: part.number[i],
      completionIds: [part.number2[i]],
    };
  }
  return {
    kind: 'notification',
    index: part.index[i],
    type: part.strings[part.typeCode[i]],
    name: textAt(part.names, i),
    appendedAtMs,
    result: {
      kind: 'success',
      payload: { encoding: 'json', text: textAt(part.payloads, i), byteLength: part.number2[i] },
    },
    completionId: part.number[i],
  };
}
