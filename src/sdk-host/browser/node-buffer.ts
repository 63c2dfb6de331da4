// Browser stand-in for `node:buffer`, aliased in vite.config.ts for the engine Worker's SDK chunk only. The SDK 1.17
// uses exactly two things (read from its dist/): `Buffer.alloc(16)` + `writeBigUInt64LE` + indexing in
// utils/rand.js (ctx.rand.uuidv4), and `Buffer.from(base64, 'base64')` in the WASM bindings when
// `Uint8Array.fromBase64` is missing (older browsers). Nothing else of Node's Buffer is provided.
/** The bytes `Buffer.alloc` gives: a Uint8Array with the one writer the SDK calls. */
export class BufferBytes extends Uint8Array {
  writeBigUInt64LE(value: bigint, offset = 0): number {
    new DataView(this.buffer, this.byteOffset, this.byteLength).setBigUint64(offset, value, true);
    return offset + 8;
  }
}

export const Buffer = {
  alloc(size: number): BufferBytes {
    return new BufferBytes(size);
  },
  from(value: unknown, encoding?: unknown): BufferBytes {
    if (typeof value !== 'string' || encoding !== 'base64')
      throw new Error('node:buffer shim: only Buffer.from(text, "base64") is available in the browser');
    const binary = atob(value);
    const out = new BufferBytes(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  },
};

export default { Buffer };
