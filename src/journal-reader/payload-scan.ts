// Fast extraction of a success payload / failure from an entry_json string without JSON.parse of the whole entry.
// Safe on valid JSON: the key patterns searched for start with an unescaped quote after '{' or ',', which cannot occur
// inside a JSON string. Anything unexpected returns undefined and the caller falls back to JSON.parse.
import type { Failure, Payload } from '../model';
import { PAYLOAD_BYTES_MAX, decodePayload } from './payload';

/** Reused scratch buffer for scanned bytes (grown on demand): no per-byte allocation on the hot path. */
let scratch = new Uint8Array(4096);

/** The bytes after `{"Success":[` (or `,"payload":[` for Input) decoded to a Payload. */
export function scanSuccessPayload(entryJson: string, isInput: boolean): Payload | undefined {
  const key = isInput ? ',"payload":[' : '{"Success":[';
  const at = entryJson.indexOf(key);
  if (at < 0) return undefined;
  let i = at + key.length;
  const end = entryJson.length;
  let count = 0;
  let ascii = true;
  if (entryJson.charCodeAt(i) === 93 /* ] */) return decodePayload([]);
  for (;;) {
    let value = 0;
    let digits = 0;
    let c = entryJson.charCodeAt(i);
    while (c >= 48 && c <= 57 && digits < 4) {
      value = value * 10 + (c - 48);
      digits++;
      c = entryJson.charCodeAt(++i);
    }
    if (digits === 0 || value > 255 || i >= end || count >= PAYLOAD_BYTES_MAX) return undefined;
    if (count === scratch.length) {
      const grown = new Uint8Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[count++] = value;
    if (value >= 128) ascii = false;
    if (c === 44 /* , */) {
      i++;
      continue;
    }
    if (c === 93 /* ] */) break;
    return undefined;
  }
  const bytes = scratch.subarray(0, count);
  if (!ascii || count > 8192) return decodePayload(bytes.slice());
  return asciiPayload(String.fromCharCode.apply(null, bytes as unknown as number[]));
}

/** ASCII bytes are valid UTF-8 as they are: skip the decoder, keep the JSON check. */
function asciiPayload(text: string): Payload {
  const first = text.charCodeAt(0);
  // JSON values start with { [ " - digit t f n (leading whitespace is rare in payloads; decodePayload handles it).
  if (
    first === 123 ||
    first === 91 ||
    first === 34 ||
    first === 45 ||
    (first >= 48 && first <= 57) ||
    first === 116 ||
    first === 102 ||
    first === 110
  ) {
    try {
      JSON.parse(text);
      return { encoding: 'json', text, byteLength: text.length };
    } catch {
      return { encoding: 'text', text, byteLength: text.length };
    }
  }
  if (first === 32 || first === 9 || first === 10 || first === 13)
    return decodePayload(Array.from(text, (ch) => ch.charCodeAt(0)));
  return { encoding: 'text', text, byteLength: text.length };
}

const FAILURE = /"Failure":\{"code":(\d{1,9}),"message":"((?:[^"\\]|\\.)*)"/;

/** `"Failure":{"code":422,"message":"…"}` inside an entry_json string. */
export function scanFailure(entryJson: string): Failure | undefined {
  const m = FAILURE.exec(entryJson);
  if (!m) return undefined;
  let message = m[2];
  if (message.includes('\\')) {
    try {
      message = JSON.parse(`"${message}"`) as string;
    } catch {
      return undefined;
    }
  }
  return { code: Number(m[1]), message };
}
