// One `version = 2` sys_journal row → one Entry. entry_lite_json carries everything but payloads and failure details,
// so it is read first (common shapes through anchored regexes, 5× faster than JSON.parse on these short strings);
// payload bytes come from entry_json only when someone looks at them (a lazy, caching property).
import type { CommandEntry, Entry, EntryResult, NotificationEntry, Payload, UnknownEntry } from '../model';
import { ReaderError } from './errors';
import {
  COMMAND_TYPES,
  COMPLETION_TYPES,
  countErrorCode,
  failureFrom,
  isBeyondSafe,
  isCount,
  resultFromFull,
  signalIdFrom,
  targetFrom,
} from './entry-values';
import { decodeByteArray } from './payload';
import { scanFailure } from './payload-scan';
import type { LiteCall, LiteCommand, LiteNotification, LiteScanner } from './lite-scan';
import { LITE } from './lite-scan';
import { LazySuccess, setFullJsonPayloadReader } from './lazy-payload';
import type { RowRef } from './sources';
import { isObject, locate } from './sources';

export interface EntryNotes {
  unknownTypes: string[];
  missingDetail: boolean;
  withoutJson: boolean;
}

export function readV2Entry(ref: RowRef, index: number, appendedAtMs: number | null, notes: EntryNotes): Entry {
  const row = ref.row;
  const lite = row.entry_lite_json;
  const full = row.entry_json;
  if (typeof lite === 'string') {
    const fast = fastLite(ref, lite, index, appendedAtMs);
    if (fast) return fast;
    return fromParsed(ref, parseInner(ref, lite, 'entry_lite_json'), true, index, appendedAtMs, notes);
  }
  if (lite !== undefined && lite !== null)
    throw new ReaderError('BAD_FIELD_TYPE', locate(ref, 'entry_lite_json'), 'expected a JSON string');
  if (typeof full === 'string')
    return fromParsed(ref, parseInner(ref, full, 'entry_json'), false, index, appendedAtMs, notes);
  if (full !== undefined && full !== null)
    throw new ReaderError('BAD_FIELD_TYPE', locate(ref, 'entry_json'), 'expected a JSON string');
  notes.withoutJson = true;
  const type = typeof row.entry_type === 'string' ? row.entry_type : 'unknown';
  return unknownEntry(ref, index, appendedAtMs, type, 'the row has neither entry_json nor entry_lite_json');
}

const commandScan: LiteCommand = { completionId: -1, wakeUpTime: -1, name: null };
const notificationScan: LiteNotification = { type: '', id: -1, result: '' };
const callScan: LiteCall = {
  invocationId: '',
  service: '',
  handler: '',
  invocationIdCompletionId: -1,
  resultCompletionId: -1,
  name: null,
};

function fastLite(ref: RowRef, lite: string, index: number, appendedAtMs: number | null): Entry | null {
  const row = ref.row;
  return liteEntry(LITE, lite, row.entry_json, false, rowName(row), row, index, appendedAtMs);
}

/**
 * The entry of a row whose lite JSON has one of the common shapes (lite-scan.ts), or null. `lites` reads `lite` in its
 * form (plain, or escaped as it stands in the row's text: row-scan.ts); `entryJson` is the row's entry_json in the same
 * form (`jsonEscaped`), kept for a success payload to be read when shown. `rowName` is the row's name column ('' when
 * absent); `raw` becomes the entry's raw row. Both forms give the same entry for the same row.
 */
export function liteEntry(
  lites: LiteScanner,
  lite: string,
  entryJson: unknown,
  jsonEscaped: boolean,
  rowName: string,
  raw: unknown,
  index: number,
  appendedAtMs: number | null,
): Entry | null {
  const kind = lite.charCodeAt(lites.kindAt);
  if (kind === 78 /* N */) {
    const n = notificationScan;
    if (!lites.notification(lite, n)) return null;
    const result = fastResult(n.result, entryJson, jsonEscaped);
    if (!result) return null;
    if (n.type === 'Signal')
      return { kind: 'notification', index, type: 'Signal', name: '', appendedAtMs, raw, result, signalIndex: n.id };
    return { kind: 'notification', index, type: n.type, name: '', appendedAtMs, raw, result, completionId: n.id };
  }
  if (kind !== 67 /* C */) return null;
  // Dispatch on the command name (after `{"Command":{"`) so that only one reader is tried.
  const c = commandScan;
  if (lites.isCommand(lite, 'Run')) {
    if (lites.run(lite, c)) return command(raw, index, appendedAtMs, 'Run', c.name ?? rowName, [c.completionId]);
  } else if (lites.isCommand(lite, 'Sleep')) {
    // Written whole (the fields in the order the general path adds them): an entry grown after its literal gets an
    // out-of-object property store, one more object per entry for the collector to copy.
    if (lites.sleep(lite, c)) {
      const name = c.name ?? rowName;
      const completionIds = [c.completionId];
      const wakeUpAtMs = c.wakeUpTime;
      const type = 'Sleep';
      return { kind: 'command', index, type, name, appendedAtMs, raw, commandIndex: -1, completionIds, wakeUpAtMs };
    }
  } else if (lites.isCommand(lite, 'Call')) {
    const m = callScan;
    if (lites.call(lite, m)) {
      const completionIds = [m.invocationIdCompletionId, m.resultCompletionId];
      const name = m.name ?? rowName;
      const invocationId = m.invocationId;
      const target = { service: m.service, handler: m.handler };
      const type = 'Call';
      return {
        kind: 'command',
        index,
        type,
        name,
        appendedAtMs,
        raw,
        commandIndex: -1,
        completionIds,
        invocationId,
        target,
      };
    }
  }
  if (lite === lites.input) {
    const entry = command(raw, index, appendedAtMs, 'Input', rowName, []);
    entry.result = successFrom(entryJson, true, jsonEscaped);
    return entry;
  }
  if (lite === lites.outputSuccess) {
    const entry = command(raw, index, appendedAtMs, 'Output', rowName, []);
    entry.result = successFrom(entryJson, false, jsonEscaped);
    return entry;
  }
  return null;
}

/** Result of a lite notification on the fast path; null sends the row to the general path. */
function fastResult(kind: string, entryJson: unknown, jsonEscaped: boolean): EntryResult | null {
  if (kind === 'Void') return { kind: 'void' };
  if (kind === 'Success') return successFrom(entryJson, false, jsonEscaped);
  if (kind === 'InvocationId') return { kind: 'invocation-id' };
  // A failure's message is read from the unescaped entry_json: an escaped row is parsed instead (rare).
  if (kind !== 'Failure' || jsonEscaped) return null;
  const failure = typeof entryJson === 'string' ? scanFailure(entryJson) : undefined;
  return failure ? { kind: 'failure', failure } : null;
}

function command(
  raw: unknown,
  index: number,
  appendedAtMs: number | null,
  type: string,
  name: string,
  completionIds: number[],
): CommandEntry {
  return { kind: 'command', index, type, name, appendedAtMs, raw, commandIndex: -1, completionIds };
}

function rowName(row: Record<string, unknown>): string {
  return typeof row.name === 'string' ? row.name : '';
}

function parseInner(ref: RowRef, text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReaderError(
      'BAD_ENTRY_JSON',
      locate(ref, field),
      error instanceof Error ? error.message.slice(0, 160) : undefined,
    );
  }
}

/** A success result whose payload is read from entry_json when first looked at (see lazy-payload.ts). */
function successFrom(entryJson: unknown, isInput = false, escaped = false): EntryResult {
  return typeof entryJson === 'string' ? new LazySuccess(entryJson, isInput, escaped) : { kind: 'success' };
}

/** The inner body of an entry_json string, or undefined when it is not readable JSON of a known shape. */
function parsedInnerBody(entryJson: string): ReturnType<typeof innerBody> | undefined {
  try {
    return innerBody(JSON.parse(entryJson));
  } catch {
    return undefined;
  }
}

/** The success payload inside a full entry_json (undefined when unreadable: the payload then shows as absent). */
export function payloadFromEntryJson(entryJson: string): Payload | undefined {
  const body = parsedInnerBody(entryJson);
  if (!body) return undefined;
  if (body.type === 'Input') return decodeByteArray(body.value.payload);
  const result = resultFromFull(body.value.result ?? body.value.value);
  return result?.kind === 'success' ? result.payload : undefined;
}

/** `{"Command":{"Run":{…}}}` → Run; `{"Notification":{"Completion":{"Call":{…}}}}` → Call; Signal → Signal. */
setFullJsonPayloadReader((json) => payloadFromEntryJson(json));

function innerBody(parsed: unknown): { type: string; value: Record<string, unknown>; command: boolean } | undefined {
  if (!isObject(parsed)) return undefined;
  const outer = isObject(parsed.Command)
    ? parsed.Command
    : isObject(parsed.Notification)
      ? parsed.Notification
      : undefined;
  if (!outer) return undefined;
  const command = outer === parsed.Command;
  if (!command && isObject(outer.Completion)) return single(outer.Completion, false);
  if (!command && isObject(outer.Signal)) return { type: 'Signal', value: outer.Signal, command };
  return single(outer, command);
}

function single(
  object: Record<string, unknown>,
  command: boolean,
): { type: string; value: Record<string, unknown>; command: boolean } | undefined {
  for (const type in object) {
    const value = object[type];
    return { type, value: isObject(value) ? value : {}, command };
  }
  return undefined;
}

function fromParsed(
  ref: RowRef,
  parsed: unknown,
  isLite: boolean,
  index: number,
  appendedAtMs: number | null,
  notes: EntryNotes,
): Entry {
  const field = isLite ? 'entry_lite_json' : 'entry_json';
  if (isObject(parsed) && isObject(parsed.Notification) && 'ty' in parsed.Notification) {
    return liteNotification(ref, parsed.Notification, index, appendedAtMs, notes);
  }
  const body = innerBody(parsed);
  if (!body)
    throw new ReaderError('BAD_ENTRY_JSON', locate(ref, field), 'expected {"Command":{…}} or {"Notification":{…}}');
  if (body.command) return commandFrom(ref, body.type, body.value, isLite, index, appendedAtMs, notes);
  return fullNotification(ref, body.type, body.value, index, appendedAtMs, notes);
}

function commandFrom(
  ref: RowRef,
  type: string,
  b: Record<string, unknown>,
  isLite: boolean,
  index: number,
  appendedAtMs: number | null,
  notes: EntryNotes,
): Entry {
  const row = ref.row;
  const field = isLite ? 'entry_lite_json' : 'entry_json';
  if (!COMMAND_TYPES.has(type)) {
    notes.unknownTypes.push(`Command: ${type}`);
    const entry = unknownEntry(ref, index, appendedAtMs, type, `unknown command type '${type}'`);
    entry.reason = `unknown command type '${type}'`;
    return entry;
  }
  const ids = completionIdsOf(ref, type, b, field);
  const entry = command(
    row,
    index,
    appendedAtMs,
    type,
    typeof b.name === 'string' && b.name !== '' ? b.name : rowName(row),
    ids,
  );
  const request = isObject(b.request) ? b.request : undefined;
  const target = targetFrom(b.invocation_target ?? request?.invocation_target);
  if (target) entry.target = target;
  const attachTarget = isObject(b.target) ? b.target : undefined;
  const invocationId = b.invocation_id ?? request?.invocation_id ?? attachTarget?.InvocationId;
  if (typeof invocationId === 'string') entry.invocationId = invocationId;
  if (type === 'Sleep' && typeof b.wake_up_time === 'number')
    entry.wakeUpAtMs = exactTime(ref, b.wake_up_time, `${field}.wake_up_time`);
  if (type === 'SendSignal') {
    const signal: CommandEntry['signal'] = { ...signalIdFrom(b.signal_id) };
    if (typeof b.target_invocation_id === 'string') signal.targetInvocationId = b.target_invocation_id;
    entry.signal = signal;
  }
  const detail: Record<string, string | number | boolean | null> = {};
  if (typeof b.key === 'string') detail.key = b.key;
  if (typeof b.id === 'string') detail.awakeableId = b.id;
  if (typeof b.invoke_time === 'number') detail.invokeTimeMs = exactTime(ref, b.invoke_time, `${field}.invoke_time`);
  if (Object.keys(detail).length > 0) entry.detail = detail;
  const resultValue =
    type === 'Input' ? undefined : type === 'CompletePromise' || type === 'SetState' ? b.value : b.result;
  if (type === 'Input') {
    entry.result = isLite ? successFrom(row.entry_json, true) : successOf(b.payload);
  } else if (resultValue !== undefined) {
    entry.result = isLite ? liteResult(ref, resultValue, notes) : resultFromFull(resultValue);
    if (!entry.result) delete entry.result;
  }
  return entry;
}

/** Epoch ms beyond 2^53 were rounded by JSON.parse (and lie 285,000 years ahead): an error, never a silent value. */
function exactTime(ref: RowRef, value: number, field: string): number {
  if (isBeyondSafe(value) || !Number.isFinite(value)) {
    throw new ReaderError(
      'NUMBER_TOO_LARGE',
      locate(ref, field),
      `${String(value)} is beyond 2^53 ms and cannot be read exactly`,
    );
  }
  return value;
}

function successOf(bytes: unknown): EntryResult {
  const payload = decodeByteArray(bytes);
  return payload ? { kind: 'success', payload } : { kind: 'success' };
}

function completionIdsOf(ref: RowRef, type: string, b: Record<string, unknown>, field: string): number[] {
  const names =
    type === 'Call'
      ? ['invocation_id_completion_id', 'result_completion_id']
      : type === 'OneWayCall'
        ? ['invocation_id_completion_id']
        : ['completion_id'];
  const ids: number[] = [];
  for (const name of names) {
    const value = b[name];
    if (value === undefined && name === 'completion_id') continue;
    if (!isCount(value)) {
      const code = countErrorCode(value);
      throw new ReaderError(
        code,
        locate(ref, `${field}.${name}`),
        code === 'NUMBER_TOO_LARGE'
          ? `${name} ${String(value)} is beyond 2^53 and cannot be read exactly`
          : `${type} needs a whole-number ${name}`,
      );
    }
    ids.push(value);
  }
  return ids;
}

/** A lite result is only a kind ("Success", "Failure", …); details come from entry_json. */
function liteResult(ref: RowRef, kind: unknown, notes: EntryNotes): EntryResult | undefined {
  const row = ref.row;
  switch (kind) {
    case 'Void':
      return { kind: 'void' };
    case 'Success':
      return successFrom(row.entry_json);
    case 'InvocationId':
      return { kind: 'invocation-id' };
    case 'Failure':
    case 'StateKeys': {
      const fullResult = typeof row.entry_json === 'string' ? detailFromEntryJson(row.entry_json) : undefined;
      if (fullResult) return fullResult;
      notes.missingDetail = true;
      return kind === 'Failure' ? { kind: 'failure', failure: { code: 0, message: '' } } : { kind: 'state-keys' };
    }
    default:
      throw new ReaderError(
        'BAD_ENTRY_JSON',
        locate(ref, 'entry_lite_json.result'),
        `unknown result kind ${JSON.stringify(kind)}`,
      );
  }
}

function detailFromEntryJson(entryJson: string): EntryResult | undefined {
  const body = parsedInnerBody(entryJson);
  if (!body) return undefined;
  if (Array.isArray(body.value.state_keys))
    return { kind: 'state-keys', keys: body.value.state_keys.filter((k): k is string => typeof k === 'string') };
  return resultFromFull(body.value.result ?? body.value.value);
}

function liteNotification(
  ref: RowRef,
  n: Record<string, unknown>,
  index: number,
  appendedAtMs: number | null,
  notes: EntryNotes,
): Entry {
  const ty = n.ty;
  const type =
    ty === 'Signal' ? 'Signal' : isObject(ty) && typeof ty.Completion === 'string' ? ty.Completion : undefined;
  if (type === undefined)
    throw new ReaderError('BAD_ENTRY_JSON', locate(ref, 'entry_lite_json.ty'), 'unknown notification type');
  const result = liteResult(ref, n.result, notes) ?? { kind: 'void' };
  return notification(ref, type, n.id, result, index, appendedAtMs, notes, 'entry_lite_json.id');
}

function fullNotification(
  ref: RowRef,
  type: string,
  b: Record<string, unknown>,
  index: number,
  appendedAtMs: number | null,
  notes: EntryNotes,
): Entry {
  let result: EntryResult | undefined;
  if (type === 'Sleep') result = { kind: 'void' };
  else if (type === 'CallInvocationId')
    result =
      typeof b.invocation_id === 'string'
        ? { kind: 'invocation-id', invocationId: b.invocation_id }
        : { kind: 'invocation-id' };
  else if (Array.isArray(b.state_keys))
    result = { kind: 'state-keys', keys: b.state_keys.filter((k): k is string => typeof k === 'string') };
  else result = resultFromFull(b.result);
  if (!result)
    throw new ReaderError(
      'BAD_ENTRY_JSON',
      locate(ref, 'entry_json.result'),
      `cannot read the result of a ${type} notification`,
    );
  const id = type === 'Signal' ? b.id : { CompletionId: b.completion_id };
  return notification(ref, type, id, result, index, appendedAtMs, notes, 'entry_json');
}

function notification(
  ref: RowRef,
  type: string,
  id: unknown,
  result: EntryResult,
  index: number,
  appendedAtMs: number | null,
  notes: EntryNotes,
  field: string,
): Entry {
  const entry: NotificationEntry = { kind: 'notification', index, type, name: '', appendedAtMs, raw: ref.row, result };
  if (type !== 'Signal' && !COMPLETION_TYPES.has(type)) notes.unknownTypes.push(`Notification: ${type}`);
  if (isObject(id) && 'CompletionId' in id) {
    if (!isCount(id.CompletionId)) {
      const code = id.CompletionId === undefined ? 'BAD_FIELD_TYPE' : countErrorCode(id.CompletionId);
      throw new ReaderError(
        code,
        locate(ref, `${field}.CompletionId`),
        code === 'NUMBER_TOO_LARGE'
          ? `CompletionId ${String(id.CompletionId)} is beyond 2^53`
          : 'expected a whole number',
      );
    }
    entry.completionId = id.CompletionId;
    return entry;
  }
  const signal = signalIdFrom(id);
  if (!signal)
    throw new ReaderError(
      'BAD_ENTRY_JSON',
      locate(ref, field),
      'a notification names a CompletionId, SignalIndex or SignalName',
    );
  if (signal.index !== undefined) entry.signalIndex = signal.index;
  if (signal.name !== undefined) {
    entry.signalName = signal.name;
    entry.name = signal.name;
  }
  return entry;
}

export function unknownEntry(
  ref: RowRef,
  index: number,
  appendedAtMs: number | null,
  type: string,
  reason: string,
): UnknownEntry {
  return { kind: 'unknown', index, type, name: rowName(ref.row), appendedAtMs, raw: ref.row, reason };
}

export { failureFrom };
