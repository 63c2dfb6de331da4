// Small converters shared by the V2 entry readers: results, targets, signal ids. Restate's JSON shapes come from serde
// on crates/types/src/journal_v2/{command,notification,lite}.rs (unit variants as strings, Bytes as number arrays).
import type { CallTarget, EntryResult, Failure } from '../model';
import { decodeByteArray } from './payload';
import { isObject } from './sources';

/** A full (entry_json) result: "Void", {"Success":[bytes]}, {"Failure":{"code":…,"message":…}}. */
export function resultFromFull(value: unknown): EntryResult | undefined {
  if (value === 'Void') return { kind: 'void' };
  if (!isObject(value)) return undefined;
  if ('Success' in value) {
    const payload = decodeByteArray(value.Success);
    return payload ? { kind: 'success', payload } : { kind: 'success' };
  }
  if ('Failure' in value) return { kind: 'failure', failure: failureFrom(value.Failure) };
  return undefined;
}

export function failureFrom(value: unknown): Failure {
  if (!isObject(value)) return { code: 0, message: '' };
  const code = typeof value.code === 'number' ? value.code : Number(value.code);
  return { code: Number.isFinite(code) ? code : 0, message: typeof value.message === 'string' ? value.message : '' };
}

/** `{"Service":{"name":"Worker","handler":"slow","scope":null}}`, `{"VirtualObject":{"name","key","handler"}}`, … */
export function targetFrom(value: unknown): CallTarget | undefined {
  if (!isObject(value)) return undefined;
  for (const kind in value) {
    const body = value[kind];
    if (!isObject(body)) continue;
    const service =
      typeof body.name === 'string' ? body.name : typeof body.service_name === 'string' ? body.service_name : undefined;
    const handler = typeof body.handler === 'string' ? body.handler : undefined;
    if (service === undefined || handler === undefined) continue;
    const target: CallTarget = { service, handler };
    if (typeof body.key === 'string') target.key = body.key;
    return target;
  }
  return undefined;
}

/** `{"Index":17}` / `{"Name":"x"}` (SignalId) or `{"SignalIndex":17}` / `{"SignalName":"x"}` (NotificationId). */
export function signalIdFrom(value: unknown): { index?: number; name?: string } | undefined {
  if (!isObject(value)) return undefined;
  const index = value.Index ?? value.SignalIndex;
  if (isCount(index)) return { index };
  const name = value.Name ?? value.SignalName;
  if (typeof name === 'string') return { name };
  return undefined;
}

/**
 * The error code for a value that should have been a count: a whole number beyond 2^53 has already been rounded by
 * JSON.parse, so it is NUMBER_TOO_LARGE (never used silently), anything else missing or of the wrong type.
 */
export function countErrorCode(value: unknown): 'MISSING_FIELD' | 'NUMBER_TOO_LARGE' | 'BAD_FIELD_TYPE' {
  if (value === undefined) return 'MISSING_FIELD';
  return isBeyondSafe(value) ? 'NUMBER_TOO_LARGE' : 'BAD_FIELD_TYPE';
}

export function isBeyondSafe(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value) && !Number.isSafeInteger(value);
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export const COMMAND_TYPES = new Set([
  'Input',
  'Output',
  'GetLazyState',
  'GetLazyStateKeys',
  'GetEagerState',
  'GetEagerStateKeys',
  'SetState',
  'ClearState',
  'ClearAllState',
  'GetPromise',
  'PeekPromise',
  'CompletePromise',
  'Sleep',
  'Call',
  'OneWayCall',
  'SendSignal',
  'Run',
  'AttachInvocation',
  'GetInvocationOutput',
  'CompleteAwakeable',
]);

export const COMPLETION_TYPES = new Set([
  'GetLazyState',
  'GetLazyStateKeys',
  'GetPromise',
  'PeekPromise',
  'CompletePromise',
  'Sleep',
  'CallInvocationId',
  'Call',
  'Run',
  'AttachInvocation',
  'GetInvocationOutput',
]);
