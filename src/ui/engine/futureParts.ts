// Futures cross from the engine Worker to the page as typed-array columns (issue 15), like entries (entryParts.ts):
// a 1,000,000-entry journal has ~500,000 futures, and sending them as JSON text (stringify in the Worker, parse on
// the page) was the larger part of the transfer (docs/performance.md "Scale"). The columns' buffers are handed over
// with postMessage's transfer list, so they are moved, not copied. A future whose fields are all of the usual types
// (every future deriveFutures makes) travels as columns; any other (an extra key, a non-finite number) travels as
// JSON text in its place, so the page rebuilds exactly what JSON would have given (futureParts.test.ts).
import type { Future } from '../../model';
import { completionNumberOf } from '../../run/future-index';
import { TextColumnWriter, textAt, type TextColumn } from './textColumn';

// A part's `shape` per future: 0 JSON text, else bits. Key order is kept too (JSON.stringify of a rebuilt future
// gives the same text): deriveFutures writes a command's future with `completionId` second, a signal's at the end.
const JSON_SHAPE = 0;
const COLUMNS = 1;
/** `completionId` and `signalIndex` come after `result` (a future without a command). */
const TAIL_KEYS = 2;
/** The id is a string in the table (`s17`, `s:name`, any other); without this bit it is `c<completionId>`. */
const ID_STRING = 4;

export interface FutureColumnsPart {
  type: 'part';
  field: 'future-columns';
  count: number;
  shape: Uint8Array;
  /** NaN: the key is absent. */
  completionId: Float64Array;
  signalIndex: Float64Array;
  /** NaN: null. */
  commandIndex: Float64Array;
  entryIndex: Float64Array;
  startMs: Float64Array;
  endMs: Float64Array;
  completionEntryIndex: Float64Array;
  /** Codes into `strings` (ids other than `c<completionId>`, kinds and results: few distinct). */
  idCode: Uint32Array;
  kindCode: Uint32Array;
  resultCode: Uint32Array;
  /** Future.name per future ('' for JSON-shaped ones); nearly every name differs, so not interned (textColumn.ts). */
  names: TextColumn;
  strings: string[];
  /** The other futures, in order, as JSON text of an array. */
  json: string;
}

const BODY = ['commandIndex', 'entryIndex', 'kind', 'name', 'startMs', 'endMs', 'completionEntryIndex', 'result'];
const LEAD_ORDER = ['id', 'completionId', ...BODY];
/** By which of completionId (1) and signalIndex (2) are present. */
const TAIL_ORDERS = [
  ['id', ...BODY],
  ['id', ...BODY, 'completionId'],
  ['id', ...BODY, 'signalIndex'],
  ['id', ...BODY, 'completionId', 'signalIndex'],
];

/** True when the keys JSON.stringify would write (defined values) are exactly `order`, in that order. */
function keysFollow(f: Future, order: readonly string[]): boolean {
  let at = 0;
  for (const key in f) {
    if ((f as unknown as Record<string, unknown>)[key] === undefined) continue;
    if (key !== order[at]) return false;
    at++;
  }
  return at === order.length;
}

const isNullableNumber = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const isOptionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

function shapeOf(f: Future): number {
  if (typeof f.id !== 'string' || typeof f.kind !== 'string' || typeof f.name !== 'string') return JSON_SHAPE;
  if (typeof f.result !== 'string') return JSON_SHAPE;
  if (!isOptionalNumber(f.completionId) || !isOptionalNumber(f.signalIndex)) return JSON_SHAPE;
  if (!isNullableNumber(f.commandIndex) || !isNullableNumber(f.entryIndex)) return JSON_SHAPE;
  if (!isNullableNumber(f.startMs) || !isNullableNumber(f.endMs) || !isNullableNumber(f.completionEntryIndex))
    return JSON_SHAPE;
  const hasCompletion = f.completionId !== undefined;
  let shape: number;
  if (hasCompletion && f.signalIndex === undefined && keysFollow(f, LEAD_ORDER)) shape = COLUMNS;
  else if (keysFollow(f, TAIL_ORDERS[(hasCompletion ? 1 : 0) + (f.signalIndex !== undefined ? 2 : 0)]))
    shape = COLUMNS | TAIL_KEYS;
  else return JSON_SHAPE;
  // Read the id's digits rather than make `c${completionId}` for each of 500,000 futures; an id it cannot read
  // (a completion id of 2^24 or more) is sent as a string.
  return hasCompletion && completionNumberOf(f.id) === f.completionId ? shape : shape | ID_STRING;
}

const nullToNaN = (v: number | null) => (v === null ? NaN : v);
/** `+ 0`: JSON writes −0 as 0, and so does this. */
const nanToNull = (v: number) => (Number.isNaN(v) ? null : v + 0);

/** Worker side: one part holding `futures`. */
export function futureColumnsPart(futures: readonly Future[]): FutureColumnsPart {
  const n = futures.length;
  const part: FutureColumnsPart = {
    type: 'part',
    field: 'future-columns',
    count: n,
    shape: new Uint8Array(n),
    completionId: new Float64Array(n),
    signalIndex: new Float64Array(n),
    commandIndex: new Float64Array(n),
    entryIndex: new Float64Array(n),
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    completionEntryIndex: new Float64Array(n),
    idCode: new Uint32Array(n),
    kindCode: new Uint32Array(n),
    resultCode: new Uint32Array(n),
    names: { text: '', end: new Uint32Array(0) },
    strings: [],
    json: '[]',
  };
  const names = new TextColumnWriter(n);
  const codes = new Map<string, number>();
  const code = (text: string) => {
    let c = codes.get(text);
    if (c === undefined) {
      c = part.strings.length;
      part.strings.push(text);
      codes.set(text, c);
    }
    return c;
  };
  const others: Future[] = [];
  for (let i = 0; i < n; i++) {
    const f = futures[i];
    const shape = shapeOf(f);
    part.shape[i] = shape;
    if (shape === JSON_SHAPE) {
      others.push(f);
      names.add('');
      continue;
    }
    part.completionId[i] = f.completionId ?? NaN;
    part.signalIndex[i] = f.signalIndex ?? NaN;
    part.commandIndex[i] = nullToNaN(f.commandIndex);
    part.entryIndex[i] = nullToNaN(f.entryIndex);
    part.startMs[i] = nullToNaN(f.startMs);
    part.endMs[i] = nullToNaN(f.endMs);
    part.completionEntryIndex[i] = nullToNaN(f.completionEntryIndex);
    if (shape & ID_STRING) part.idCode[i] = code(f.id);
    part.kindCode[i] = code(f.kind);
    names.add(f.name);
    part.resultCode[i] = code(f.result);
  }
  part.names = names.finish();
  if (others.length) part.json = JSON.stringify(others);
  return part;
}

/** The buffers of a part, for postMessage's transfer list (the Worker gives them up). */
export function futurePartBuffers(part: FutureColumnsPart): ArrayBuffer[] {
  return [
    part.shape,
    part.completionId,
    part.signalIndex,
    part.commandIndex,
    part.entryIndex,
    part.startMs,
    part.endMs,
    part.completionEntryIndex,
    part.idCode,
    part.kindCode,
    part.resultCode,
    part.names.end,
  ].map((column) => column.buffer as ArrayBuffer);
}

/** Page side: the futures of a part, in order, as the objects JSON.parse would have given. */
export function futuresOfPart(part: FutureColumnsPart, into: Future[]): void {
  const others = JSON.parse(part.json) as Future[];
  let other = 0;
  const { shape, strings } = part;
  for (let i = 0; i < part.count; i++) {
    if (shape[i] === JSON_SHAPE) {
      into.push(others[other++]);
      continue;
    }
    const completionId = part.completionId[i] + 0;
    const signalIndex = part.signalIndex[i] + 0;
    const id = shape[i] & ID_STRING ? strings[part.idCode[i]] : `c${completionId}`;
    if (!(shape[i] & TAIL_KEYS)) {
      into.push({
        id,
        completionId,
        commandIndex: nanToNull(part.commandIndex[i]),
        entryIndex: nanToNull(part.entryIndex[i]),
        kind: strings[part.kindCode[i]],
        name: textAt(part.names, i),
        startMs: nanToNull(part.startMs[i]),
        endMs: nanToNull(part.endMs[i]),
        completionEntryIndex: nanToNull(part.completionEntryIndex[i]),
        result: strings[part.resultCode[i]] as Future['result'],
      });
      continue;
    }
    const future: Future = {
      id,
      commandIndex: nanToNull(part.commandIndex[i]),
      entryIndex: nanToNull(part.entryIndex[i]),
      kind: strings[part.kindCode[i]],
      name: textAt(part.names, i),
      startMs: nanToNull(part.startMs[i]),
      endMs: nanToNull(part.endMs[i]),
      completionEntryIndex: nanToNull(part.completionEntryIndex[i]),
      result: strings[part.resultCode[i]] as Future['result'],
    };
    if (!Number.isNaN(completionId)) future.completionId = completionId;
    if (!Number.isNaN(signalIndex)) future.signalIndex = signalIndex;
    into.push(future);
  }
}
