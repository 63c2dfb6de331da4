// Payload bytes → text for people: JSON when the bytes are UTF-8 JSON, text when UTF-8, hex otherwise.
import type { Payload } from '../model';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** The longest payload decoded (bytes); longer byte arrays are cut and marked, so a huge payload cannot stall the reader. */
export const PAYLOAD_BYTES_MAX = 16 * 1024 * 1024;

export function decodePayload(bytes: ArrayLike<number>): Payload {
  const length = bytes.length;
  const array = bytes instanceof Uint8Array ? bytes : Uint8Array.from({ length }, (_, i) => Number(bytes[i]) & 0xff);
  let text: string;
  try {
    text = strictUtf8.decode(array);
  } catch {
    return { encoding: 'hex', text: toHex(array), byteLength: length };
  }
  if (looksLikeJson(text)) {
    try {
      JSON.parse(text);
      return { encoding: 'json', text, byteLength: length };
    } catch {
      // not JSON after all: plain text
    }
  }
  return { encoding: 'text', text, byteLength: length };
}

/** Validates a JSON byte array (numbers 0–255) and decodes it; undefined when it is not one. */
export function decodeByteArray(value: unknown): Payload | undefined {
  if (!Array.isArray(value) || value.length > PAYLOAD_BYTES_MAX) return undefined;
  const array = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const byte = value[i];
    if (typeof byte !== 'number' || !(byte >= 0 && byte <= 255) || (byte | 0) !== byte) return undefined;
    array[i] = byte;
  }
  return decodePayload(array);
}

/** The bytes a payload stands for (inverse of decodePayload). */
export function payloadBytes(payload: Payload | undefined): Uint8Array {
  if (!payload) return new Uint8Array(0);
  if (payload.encoding === 'hex') return fromHex(payload.text);
  return utf8Encoder.encode(payload.text);
}

function looksLikeJson(text: string): boolean {
  // JSON.parse accepts leading whitespace; a quick first-character check avoids throwing on plain text.
  const first = text.trimStart().charAt(0);
  return first !== '' && '{["-0123456789tfn'.includes(first);
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return out;
}

export function fromHex(text: string): Uint8Array {
  const clean = text.length % 2 === 0 ? text : text.slice(0, -1);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) {
    const byte = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
    out[i] = Number.isNaN(byte) ? 0 : byte;
  }
  return out;
}
