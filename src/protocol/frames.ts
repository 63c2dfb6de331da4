// Framing of service-protocol messages: an 8-byte header (type u16, flags u16, length u32, big-endian) then the
// protobuf payload. Restate stores a V5+ journal row's `raw` as the payload alone (restatedev/restate
// crates/invoker-impl service_protocol_runner_v4.rs writes the header on the wire), so replay re-frames each row.

export interface Frame {
  type: number;
  flags: number;
  payload: Uint8Array;
}

export const HEADER_BYTES = 8;

export function encodeFrames(frames: Frame[]): Uint8Array<ArrayBuffer> {
  const total = frames.reduce((sum, f) => sum + HEADER_BYTES + f.payload.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const frame of frames) {
    view.setUint16(at, frame.type);
    view.setUint16(at + 2, frame.flags);
    view.setUint32(at + 4, frame.payload.length);
    out.set(frame.payload, at + HEADER_BYTES);
    at += HEADER_BYTES + frame.payload.length;
  }
  return out;
}

export class FrameError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Splits a byte stream into frames; a truncated header or payload is an error naming its offset. */
export function decodeFrames(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + HEADER_BYTES > bytes.length) throw new FrameError(`truncated frame header at byte ${at}`, at);
    const type = view.getUint16(at);
    const flags = view.getUint16(at + 2);
    const length = view.getUint32(at + 4);
    const start = at + HEADER_BYTES;
    if (start + length > bytes.length)
      throw new FrameError(`frame at byte ${at} claims ${length} bytes, ${bytes.length - start} left`, at);
    frames.push({ type, flags, payload: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

/** Bytes of a hex string as Restate's /query prints `raw` (lower-case, no prefix); null when it is not hex. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
