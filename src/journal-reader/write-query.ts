// Model journals → an admin API `/query` answer ({"rows":[…]}) in Restate 1.7's exact sys_journal row shape
// (version 2 rows: entry_type, name for commands, entry_json with payload byte arrays, entry_lite_json, appended_at).
// By default not written: partition_key (derived from the invocation id by the server; a synthetic journal has none) and
// raw / raw_length (the protobuf bytes; the reader never needs them): absent, as null columns are. With
// `{ restateColumns: true }` they are written as a real export has them (a 19-digit partition_key beyond 2^53, hex
// `raw` of plausible length), so that benchmarks and tests see the text a real server produces.
import type { CallTarget, CommandEntry, Entry, EntryResult, Journal, NotificationEntry } from '../model';
import { payloadBytes } from './payload';
import { toIso } from './time';
import { rawRowOf } from './lazy-row';

type Json = unknown;

export interface QueryTextOptions {
  /** Also write partition_key (exact 19-digit u64 text), raw (hex) and raw_length, like Restate 1.7's /query. */
  restateColumns?: boolean;
}

export function toRestateQueryText(journals: Journal[], options: QueryTextOptions = {}): string {
  const rows: string[] = [];
  for (const journal of journals) {
    const partitionKey = options.restateColumns ? partitionKeyOf(journal.invocationId) : '';
    for (const entry of journal.entries) {
      const row = rowFor(journal.invocationId, entry);
      if (!options.restateColumns) {
        rows.push(JSON.stringify(row));
        continue;
      }
      // Restate's column order: partition_key, id, index, entry_type, name, raw, raw_length, version, entry_json, …
      const { id, index, entry_type, name, ...rest } = row;
      const raw = rawHexOf(typeof rest.entry_json === 'string' ? rest.entry_json : String(entry_type));
      const head = JSON.stringify({ id, index, entry_type, name, raw, raw_length: raw.length / 2, ...rest });
      // JSON.stringify cannot write a u64 exactly: the digits are spliced in as text, as the server writes them.
      rows.push(`{"partition_key":${partitionKey},${head.slice(1)}`);
    }
  }
  return `{"rows":[${rows.join(',')}]}`;
}

/** A deterministic 19-digit u64 (far above 2^53, like real keys such as 4803830292491088408) derived from the id. */
export function partitionKeyOf(invocationId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < invocationId.length; i++) hash = Math.imul(hash ^ invocationId.charCodeAt(i), 0x01000193) >>> 0;
  return `1${String(hash).padStart(10, '0')}${String(Math.imul(hash, 2654435761) >>> 0)
    .padStart(10, '0')
    .slice(0, 8)}`;
}

/** Stand-in protobuf bytes as hex: a tag, then about a sixth as many bytes as the entry_json text (real ratio). */
function rawHexOf(entryJson: string): string {
  const length = Math.max(3, Math.floor(entryJson.length / 6));
  let hex = '';
  for (let i = 0; i < length; i++) {
    const byte = (entryJson.charCodeAt(i % entryJson.length) * 31 + i) & 0xff;
    hex += byte < 16 ? `0${byte.toString(16)}` : byte.toString(16);
  }
  return hex;
}

function rowFor(id: string, entry: Entry): Record<string, Json> {
  const row: Record<string, Json> = { id, index: entry.index };
  if (entry.kind === 'command') {
    row.entry_type = `Command: ${entry.type}`;
    row.name = entry.name;
    row.version = 2;
    const [full, lite] = commandJson(entry);
    row.entry_json = JSON.stringify({ Command: { [entry.type]: full } });
    row.entry_lite_json = JSON.stringify({ Command: { [entry.type]: lite } });
  } else if (entry.kind === 'notification') {
    row.entry_type = `Notification: ${entry.type}`;
    row.version = 2;
    row.entry_json = JSON.stringify({ Notification: notificationFull(entry) });
    row.entry_lite_json = JSON.stringify({ Notification: notificationLite(entry) });
  } else {
    const raw = (rawRowOf(entry.raw) ?? {}) as Record<string, Json>;
    row.entry_type = typeof raw.entry_type === 'string' ? raw.entry_type : entry.type;
    if (entry.name) row.name = entry.name;
    row.version = 2;
    if (typeof raw.entry_json === 'string') row.entry_json = raw.entry_json;
    if (typeof raw.entry_lite_json === 'string') row.entry_lite_json = raw.entry_lite_json;
  }
  const appendedAt = toIso(entry.appendedAtMs);
  if (appendedAt !== null) row.appended_at = appendedAt;
  return row;
}

function bytes(result: EntryResult | undefined): number[] {
  return result?.kind === 'success' ? Array.from(payloadBytes(result.payload)) : [];
}

function fullResult(result: EntryResult | undefined): Json {
  if (!result || result.kind === 'void') return 'Void';
  if (result.kind === 'failure') return { Failure: { code: result.failure.code, message: result.failure.message } };
  return { Success: bytes(result) };
}

function liteResult(result: EntryResult | undefined): string {
  if (!result || result.kind === 'void') return 'Void';
  if (result.kind === 'failure') return 'Failure';
  if (result.kind === 'invocation-id') return 'InvocationId';
  if (result.kind === 'state-keys') return 'StateKeys';
  return 'Success';
}

function invocationTarget(target: CallTarget | undefined): Json {
  if (!target) return { Service: { name: '', handler: '', scope: null } };
  if (target.key !== undefined)
    return {
      VirtualObject: { name: target.service, key: target.key, handler: target.handler, handler_ty: 'Exclusive' },
    };
  return { Service: { name: target.service, handler: target.handler, scope: null } };
}

function withName(lite: Record<string, Json>, name: string): Record<string, Json> {
  if (name !== '') lite.name = name;
  return lite;
}

/** [entry_json body, entry_lite_json body] of a command (serde shapes of journal_v2 command.rs / lite.rs). */
function commandJson(e: CommandEntry): [Json, Json] {
  const name = e.name;
  const id0 = e.completionIds[0] ?? 0;
  const key = typeof e.detail?.key === 'string' ? e.detail.key : '';
  const invocationId = e.invocationId ?? '';
  switch (e.type) {
    case 'Input':
      return [{ headers: [], payload: bytes(e.result), name }, {}];
    case 'Output':
      return [{ result: fullResult(e.result), name }, { result: e.result?.kind === 'failure' ? 'Failure' : 'Success' }];
    case 'Run':
      return [{ completion_id: id0, name }, withName({ completion_id: id0 }, name)];
    case 'Sleep':
      return [
        { wake_up_time: e.wakeUpAtMs ?? 0, completion_id: id0, name },
        withName({ wake_up_time: e.wakeUpAtMs ?? 0, completion_id: id0 }, name),
      ];
    case 'Call': {
      const request = {
        invocation_id: invocationId,
        invocation_target: invocationTarget(e.target),
        parameter: [],
        headers: [],
        idempotency_key: null,
      };
      const ids = { invocation_id_completion_id: id0, result_completion_id: e.completionIds[1] ?? 0 };
      return [
        { request, ...ids, name },
        withName({ invocation_id: invocationId, invocation_target: invocationTarget(e.target), ...ids }, name),
      ];
    }
    case 'OneWayCall': {
      const invokeTime = typeof e.detail?.invokeTimeMs === 'number' ? e.detail.invokeTimeMs : 0;
      const request = {
        invocation_id: invocationId,
        invocation_target: invocationTarget(e.target),
        parameter: [],
        headers: [],
        idempotency_key: null,
      };
      return [
        { request, invoke_time: invokeTime, invocation_id_completion_id: id0, name },
        withName(
          {
            invocation_id: invocationId,
            invocation_target: invocationTarget(e.target),
            invoke_time: invokeTime,
            invocation_id_completion_id: id0,
          },
          name,
        ),
      ];
    }
    case 'SendSignal': {
      const signalId = e.signal?.name !== undefined ? { Name: e.signal.name } : { Index: e.signal?.index ?? 1 };
      const target = e.signal?.targetInvocationId ?? '';
      return [
        { target_invocation_id: target, signal_id: signalId, result: fullResult(e.result), name },
        { target_invocation_id: target, signal_id: signalId, result: liteResult(e.result) },
      ];
    }
    case 'GetLazyState':
    case 'GetPromise':
    case 'PeekPromise':
      return [
        { key, completion_id: id0, name },
        { key, completion_id: id0 },
      ];
    case 'CompletePromise':
      return [
        { key, value: fullResult(e.result), completion_id: id0, name },
        { key, completion_id: id0 },
      ];
    case 'SetState':
      return [{ key, value: bytes(e.result), name }, { key }];
    case 'ClearState':
      return [{ key, name }, { key }];
    case 'ClearAllState':
      return [{ name }, {}];
    case 'GetLazyStateKeys':
      return [{ completion_id: id0, name }, { completion_id: id0 }];
    case 'GetEagerState':
      return [
        { key, result: fullResult(e.result), name },
        { key, result: liteResult(e.result) },
      ];
    case 'GetEagerStateKeys':
      return [{ state_keys: e.result?.kind === 'state-keys' ? (e.result.keys ?? []) : [], name }, {}];
    case 'AttachInvocation':
    case 'GetInvocationOutput':
      return [
        { target: { InvocationId: invocationId }, completion_id: id0, name },
        { target: { InvocationId: invocationId }, completion_id: id0 },
      ];
    case 'CompleteAwakeable': {
      const id = typeof e.detail?.awakeableId === 'string' ? e.detail.awakeableId : '';
      return [
        { id, result: fullResult(e.result), name },
        { id, result: liteResult(e.result) },
      ];
    }
    default:
      return [withName({ completion_id: id0 }, name), withName({ completion_id: id0 }, name)];
  }
}

function notificationFull(n: NotificationEntry): Json {
  if (n.completionId === undefined) {
    const id = n.signalName !== undefined ? { Name: n.signalName } : { Index: n.signalIndex ?? 0 };
    return { Signal: { id, result: fullResult(n.result) } };
  }
  const body: Record<string, Json> = { completion_id: n.completionId };
  if (n.result.kind === 'invocation-id') body.invocation_id = n.result.invocationId ?? '';
  else if (n.result.kind === 'state-keys') body.state_keys = n.result.keys ?? [];
  else if (n.type !== 'Sleep' || n.result.kind !== 'void') body.result = fullResult(n.result);
  return { Completion: { [n.type]: body } };
}

function notificationLite(n: NotificationEntry): Json {
  const id =
    n.completionId !== undefined
      ? { CompletionId: n.completionId }
      : n.signalName !== undefined
        ? { SignalName: n.signalName }
        : { SignalIndex: n.signalIndex ?? 0 };
  return { ty: n.completionId !== undefined ? { Completion: n.type } : 'Signal', id, result: liteResult(n.result) };
}
