// Values ⇄ journal payloads. Every value crossing the journal goes through JSON, so a live run and its
// replay hand the handler equal values (a replay only has the bytes).
import type { EntryResult, Payload } from '../model';

const encoder = new TextEncoder();

export function jsonPayload(value: unknown): Payload | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text === undefined) return undefined;
  return { encoding: 'json', text, byteLength: encoder.encode(text).length };
}

export function successResult(value: unknown): EntryResult {
  const payload = jsonPayload(value);
  return payload ? { kind: 'success', payload } : { kind: 'success' };
}

/** The value a handler sees for a success payload (undefined when there is none or it is not JSON). */
export function valueOfPayload(payload: Payload | undefined): unknown {
  if (!payload) return undefined;
  if (payload.encoding === 'json') return JSON.parse(payload.text);
  return payload.text;
}

/** A plain, structured-cloneable copy of an output value (undefined → null). */
export function plainValue(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}
