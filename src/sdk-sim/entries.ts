// Journal entries ⇄ service-protocol frames for the simulated server: the SDK's command messages become the same
// model entries our own engine writes (src/sim/context.ts), and the notifications the server appends are encoded
// as the frames Restate sends (every notification shares NotificationTemplate's fields, protocol.proto).
import type { CommandEntry, Entry, EntryResult, Payload } from '../model';
import type { CommandFields, NotificationFields } from '../sim/journal-writer';
import { decodePayload } from '../journal-reader/payload';
import { encodeMessage, type MessageObject } from '../protocol/codec';
import type { Frame } from '../protocol/frames';
import { SIGNAL_NOTIFICATION_TYPE } from '../protocol/message-types';

/** Sleep wake-up times are absolute: the SDK reads the clock, which the simulated server sets to this + virtual ms. */
export const VIRTUAL_EPOCH_MS = 1_700_000_000_000;

const NOTIFICATION_TYPES: Record<string, number> = {
  GetLazyState: 0x8002,
  GetLazyStateKeys: 0x8006,
  Sleep: 0x800c,
  Call: 0x800d,
  CallInvocationId: 0x800e,
  GetPromise: 0x8009,
  PeekPromise: 0x800a,
  CompletePromise: 0x800b,
  Run: 0x8011,
  AttachInvocation: 0x8012,
  Signal: SIGNAL_NOTIFICATION_TYPE,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytes(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(0);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A success payload as our engine journals it: the JSON text as written, the empty value for 0 bytes. */
export function payloadOf(content: Uint8Array): Payload {
  return decodePayload(content);
}

/** What a Run / Output result message (`value` / `failure`) says. */
export function resultOf(message: MessageObject): EntryResult {
  const failure = message.failure as MessageObject | undefined;
  if (message.void !== undefined && message.void !== null) return { kind: 'void' };
  if (failure) return { kind: 'failure', failure: { code: Number(failure.code ?? 0), message: text(failure.message) } };
  const value = message.value;
  const content = value instanceof Uint8Array ? value : bytes((value as MessageObject | undefined)?.content);
  return { kind: 'success', payload: payloadOf(content) };
}

/** The model fields of a command the SDK wrote, or null for a command type the simulated server does not serve. */
export function commandFieldsOf(
  type: string,
  message: MessageObject,
  calleeId: (resultCompletionId: number) => string,
): CommandFields | null {
  const name = text(message.name);
  switch (type) {
    case 'Run':
      return { type, name, completionIds: [Number(message.result_completion_id)] };
    case 'Sleep':
      return {
        type,
        name,
        completionIds: [Number(message.result_completion_id)],
        wakeUpAtMs: Number(message.wake_up_time ?? 0) - VIRTUAL_EPOCH_MS,
      };
    case 'Call': {
      const resultId = Number(message.result_completion_id);
      const key = text(message.key);
      const parameter = bytes(message.parameter);
      return {
        type,
        name,
        completionIds: [Number(message.invocation_id_notification_idx), resultId],
        target: {
          service: text(message.service_name),
          handler: text(message.handler_name),
          ...(key ? { key } : {}),
        },
        invocationId: calleeId(resultId),
        ...(parameter.length ? { detail: { parameter: decoder.decode(parameter) } } : {}),
      };
    }
    case 'OneWayCall': {
      const id = Number(message.invocation_id_notification_idx);
      const key = text(message.key);
      const parameter = bytes(message.parameter);
      const invokeTime = Number(message.invoke_time ?? 0);
      const detail = {
        ...(parameter.length ? { parameter: decoder.decode(parameter) } : {}),
        ...(invokeTime > 0 ? { invokeAtMs: invokeTime - VIRTUAL_EPOCH_MS } : {}),
      };
      return {
        type,
        name,
        completionIds: [id],
        target: { service: text(message.service_name), handler: text(message.handler_name), ...(key ? { key } : {}) },
        invocationId: calleeId(id),
        ...(Object.keys(detail).length ? { detail } : {}),
      };
    }
    case 'AttachInvocation':
      return {
        type,
        name,
        completionIds: [Number(message.result_completion_id)],
        invocationId: text(message.invocation_id),
      };
    case 'SendSignal':
      // A named signal (`ctx.invocation(id).signal(name).resolve(…)` / `.reject(…)`) carries its value or failure,
      // as the Restate journal's SendSignal does (test/fixtures/restate-1.7.12/self-signal); the cancel signal is void.
      if (text(message.signal_name) !== '')
        return {
          type,
          name: text(message.entry_name),
          completionIds: [],
          signal: { name: text(message.signal_name), targetInvocationId: text(message.target_invocation_id) },
          result: resultOf(message),
        };
      return {
        type,
        name: text(message.entry_name),
        completionIds: [],
        signal: { index: Number(message.idx ?? 0), targetInvocationId: text(message.target_invocation_id) },
      };
    case 'Output':
      return { type, name, completionIds: [], result: resultOf(message) };
    case 'GetLazyState':
      return {
        type,
        name,
        completionIds: [Number(message.result_completion_id)],
        detail: { key: decoder.decode(bytes(message.key)) },
      };
    case 'GetLazyStateKeys':
      return { type, name, completionIds: [Number(message.result_completion_id)] };
    case 'SetState':
    case 'ClearState':
      return { type, name, completionIds: [], detail: { key: decoder.decode(bytes(message.key)) } };
    case 'ClearAllState':
      return { type, name, completionIds: [] };
    case 'GetPromise':
    case 'PeekPromise':
      return { type, name, completionIds: [Number(message.result_completion_id)], detail: { key: text(message.key) } };
    case 'CompletePromise':
      return {
        type,
        name,
        completionIds: [Number(message.result_completion_id)],
        detail: { key: text(message.key) },
        result: resultOf({ value: message.completion_value, failure: message.completion_failure }),
      };
    case 'CompleteAwakeable':
      return {
        type,
        name,
        completionIds: [],
        detail: { awakeableId: text(message.awakeable_id) },
        result: resultOf(message),
      };
    default:
      return null;
  }
}

/** The frame Restate sends the SDK for a notification the server appended. */
export function notificationFrame(fields: NotificationFields): Frame {
  const type = NOTIFICATION_TYPES[fields.type];
  if (type === undefined) throw new Error(`sdk-sim: no frame for a '${fields.type}' notification`);
  const message: MessageObject = {};
  if (fields.completionId !== undefined) message.completion_id = fields.completionId;
  if (fields.signalIndex !== undefined) message.signal_id = fields.signalIndex;
  if (fields.signalName !== undefined) message.signal_name = fields.signalName;
  const result = fields.result;
  if (result.kind === 'void') message.void = {};
  else if (result.kind === 'failure') message.failure = { code: result.failure.code, message: result.failure.message };
  else if (result.kind === 'invocation-id') message.invocation_id = result.invocationId ?? '';
  else if (result.kind === 'state-keys')
    message.state_keys = { keys: (result.keys ?? []).map((k) => encoder.encode(k)) };
  else if (result.kind === 'success') message.value = { content: encoder.encode(result.payload?.text ?? '') };
  return { type, flags: 0, payload: encodeMessage('NotificationTemplate', message) };
}

/** The Input command frame of a new invocation. */
export function inputFrame(input: EntryResult | undefined): Frame {
  const content = input?.kind === 'success' ? encoder.encode(input.payload?.text ?? '') : new Uint8Array(0);
  return { type: 0x0400, flags: 0, payload: encodeMessage('InputCommandMessage', { value: { content } }) };
}

/** The frame of a command our engines journaled (no `raw` row): what a replay by the real SDK sends for it. */
export function commandFrame(entry: CommandEntry): Frame {
  const name = entry.name;
  const result = (r: EntryResult | undefined): MessageObject =>
    r?.kind === 'failure'
      ? { failure: { code: r.failure.code, message: r.failure.message } }
      : { value: { content: encoder.encode(r?.kind === 'success' ? (r.payload?.text ?? '') : '') } };
  switch (entry.type) {
    case 'Input':
      return inputFrame(entry.result);
    case 'Output':
      return {
        type: 0x0401,
        flags: 0,
        payload: encodeMessage('OutputCommandMessage', { ...result(entry.result), name }),
      };
    case 'Run':
      return {
        type: 0x0411,
        flags: 0,
        payload: encodeMessage('RunCommandMessage', { result_completion_id: entry.completionIds[0], name }),
      };
    case 'Sleep':
      return {
        type: 0x040c,
        flags: 0,
        payload: encodeMessage('SleepCommandMessage', {
          wake_up_time: String(VIRTUAL_EPOCH_MS + (entry.wakeUpAtMs ?? 0)),
          result_completion_id: entry.completionIds[0],
          name,
        }),
      };
    case 'Call': {
      const parameter = entry.detail?.parameter;
      return {
        type: 0x040d,
        flags: 0,
        payload: encodeMessage('CallCommandMessage', {
          service_name: entry.target?.service ?? '',
          handler_name: entry.target?.handler ?? '',
          parameter: encoder.encode(typeof parameter === 'string' ? parameter : ''),
          key: entry.target?.key ?? '',
          invocation_id_notification_idx: entry.completionIds[0],
          result_completion_id: entry.completionIds[1],
          name,
        }),
      };
    }
    case 'OneWayCall': {
      const parameter = entry.detail?.parameter;
      const invokeAt = entry.detail?.invokeAtMs;
      return {
        type: 0x040e,
        flags: 0,
        payload: encodeMessage('OneWayCallCommandMessage', {
          service_name: entry.target?.service ?? '',
          handler_name: entry.target?.handler ?? '',
          parameter: encoder.encode(typeof parameter === 'string' ? parameter : ''),
          ...(typeof invokeAt === 'number' ? { invoke_time: String(VIRTUAL_EPOCH_MS + invokeAt) } : {}),
          key: entry.target?.key ?? '',
          invocation_id_notification_idx: entry.completionIds[0],
          name,
        }),
      };
    }
    case 'AttachInvocation':
      return {
        type: 0x0412,
        flags: 0,
        payload: encodeMessage('AttachInvocationCommandMessage', {
          invocation_id: entry.invocationId ?? '',
          result_completion_id: entry.completionIds[0],
          name,
        }),
      };
    case 'SendSignal':
      return {
        type: 0x0410,
        flags: 0,
        payload: encodeMessage(
          'SendSignalCommandMessage',
          entry.signal?.name !== undefined
            ? {
                target_invocation_id: entry.signal.targetInvocationId ?? '',
                signal_name: entry.signal.name,
                ...(entry.result?.kind === 'void' ? { void: {} } : result(entry.result)),
                entry_name: name,
              }
            : {
                target_invocation_id: entry.signal?.targetInvocationId ?? '',
                idx: entry.signal?.index ?? 1,
                void: {},
                entry_name: name,
              },
        ),
      };
    case 'GetPromise':
    case 'PeekPromise':
      return {
        type: entry.type === 'GetPromise' ? 0x0409 : 0x040a,
        flags: 0,
        payload: encodeMessage(`${entry.type}CommandMessage`, {
          key: String(entry.detail?.key ?? ''),
          result_completion_id: entry.completionIds[0],
          name,
        }),
      };
    case 'CompletePromise': {
      const r = entry.result;
      const completion =
        r?.kind === 'failure'
          ? { completion_failure: { code: r.failure.code, message: r.failure.message } }
          : { completion_value: { content: encoder.encode(r?.kind === 'success' ? (r.payload?.text ?? '') : '') } };
      return {
        type: 0x040b,
        flags: 0,
        payload: encodeMessage('CompletePromiseCommandMessage', {
          key: String(entry.detail?.key ?? ''),
          ...completion,
          result_completion_id: entry.completionIds[0],
          name,
        }),
      };
    }
    case 'CompleteAwakeable':
      return {
        type: 0x0414,
        flags: 0,
        payload: encodeMessage('CompleteAwakeableCommandMessage', {
          awakeable_id: String(entry.detail?.awakeableId ?? ''),
          ...result(entry.result),
          name,
        }),
      };
    default:
      throw new Error(`sdk-sim: cannot frame a '${entry.type}' command of a simulated journal`);
  }
}

/** Every entry of a journal our engines wrote, framed (for a journal without `raw` rows). */
export function framesOfSimulatedJournal(entries: Entry[]): Frame[] {
  return entries.map((entry) => {
    if (entry.kind === 'command') return commandFrame(entry);
    if (entry.kind === 'notification') return notificationFrame(entry);
    throw new Error(`sdk-sim: journal entry ${entry.index} is of an unknown kind`);
  });
}
