// Values ⇄ journal payloads. Every value crossing the journal goes through JSON, so a live run and its
// replay hand the handler equal values (a replay only has the bytes).
//
// `undefined` is the void value, as in the TypeScript SDK (@restatedev/restate-sdk-core `serde_api.js`, JsonSerde:
// serialize(undefined) → 0 bytes, deserialize(0 bytes) → undefined): a run whose closure returns nothing and a
// handler that returns nothing journal an empty value, and an empty value reads back as undefined. A Void
// notification (a sleep, a cancel signal) resolves to undefined too (`context_impl.js`, VoidAsUndefined).
import type { EntryResult, Payload } from '../model';

const encoder = new TextEncoder();

/** The empty value (0 bytes), exactly as the journal reader decodes one (`decodePayload([])`). */
export function emptyPayload(): Payload {
  return { encoding: 'text', text: '', byteLength: 0 };
}

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

/**
 * The result journaled for a value the handler produced (a run closure's value, the handler's output): its JSON, or
 * the empty value for undefined (and for what JSON cannot write, as the SDK's `TextEncoder.encode(undefined)`).
 */
export function valueResult(value: unknown): EntryResult {
  return { kind: 'success', payload: jsonPayload(value) ?? emptyPayload() };
}

/** The value a handler sees for a success payload: undefined when there is none or it is empty; text when not JSON. */
export function valueOfPayload(payload: Payload | undefined): unknown {
  if (!payload || payload.text === '') return undefined;
  if (payload.encoding === 'json') return JSON.parse(payload.text);
  return payload.text;
}

/** A plain, structured-cloneable copy of a value, as it reads back from the journal (undefined stays undefined). */
export function plainValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}
