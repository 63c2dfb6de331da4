// Awakeable ids as the SDK's VM writes them (sdk-shared-core `src/vm/mod.rs`, `awakeable_id_str`): `sign_1` then
// the URL-safe base64 (no padding) of the invocation id bytes the StartMessage carried followed by the signal index
// as a big-endian u32. Restate decodes it back into (invocation id, signal index) and notifies that signal
// (restatedev/restate `crates/worker/src/partition/state_machine/entries/complete_awakeable_command.rs`). The id
// bytes are `invocationIdBytes` (src/model/invocation-id.ts): a Restate id's raw bytes, so a real journal's awakeable
// ids come out as on the server; a simulated id's UTF-8 text, which is what the simulated server sends.
import { invocationIdBytes } from '../model/invocation-id';

const PREFIX = 'sign_1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function awakeableIdOf(invocationId: string, signalIndex: number): string {
  const id = invocationIdBytes(invocationId);
  const bytes = new Uint8Array(id.length + 4);
  bytes.set(id);
  new DataView(bytes.buffer).setUint32(id.length, signalIndex);
  return PREFIX + base64Url(bytes);
}

/** The invocation and signal an awakeable id names; null when it is not an awakeable id of this format. */
export function parseAwakeableId(awakeableId: string): { invocationId: string; signalIndex: number } | null {
  const target = awakeableTarget(awakeableId);
  if (!target) return null;
  try {
    return {
      invocationId: new TextDecoder('utf-8', { fatal: true }).decode(target.idBytes),
      signalIndex: target.signalIndex,
    };
  } catch {
    return null;
  }
}

/** The signal index an awakeable id names when it is an awakeable of `invocationId` (its bytes compared), else null. */
export function ownAwakeableSignal(awakeableId: string, invocationId: string): number | null {
  const target = awakeableTarget(awakeableId);
  if (!target) return null;
  const own = invocationIdBytes(invocationId);
  const same = own.length === target.idBytes.length && own.every((byte, i) => byte === target.idBytes[i]);
  return same ? target.signalIndex : null;
}

function awakeableTarget(awakeableId: string): { idBytes: Uint8Array; signalIndex: number } | null {
  if (typeof awakeableId !== 'string' || !awakeableId.startsWith(PREFIX)) return null;
  const bytes = fromBase64Url(awakeableId.slice(PREFIX.length));
  if (!bytes || bytes.length < 5) return null;
  const signalIndex = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
  return { idBytes: bytes.subarray(0, bytes.length - 4), signalIndex };
}

function base64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Padding is accepted and ignored, as the VM's decoder does (`DecodePaddingMode::Indifferent`). */
function fromBase64Url(text: string): Uint8Array | null {
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
