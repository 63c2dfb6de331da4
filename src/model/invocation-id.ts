// A Restate invocation id as the server hands it to the SDK: the StartMessage's `id` is the id's 24 raw bytes (the
// partition key, big-endian, then the invocation's ULID, big-endian: restatedev/restate
// crates/types/src/identifiers.rs `encode_invocation_id`), and its `random_seed` (what `ctx.rand` starts from) is
// Rust's DefaultHasher over those bytes (`InvocationId::to_random_seed`, the fallback Restate 1.7 uses). Offline
// replay needs both to be exact: awakeable ids are made from the raw bytes, and `ctx.rand` from the seed, so a
// handler that journals either (an awakeable id passed to a call, a `ctx.rand.uuidv4()` in its output) replays as on
// the server. docs/sdk-replay.md, "What offline replay sends".

/**
 * The invocation id bytes the StartMessage carries, and awakeable ids are made of: a Restate id's 24 raw bytes; any
 * other id (a simulated run's `inv_sim_…`) is opaque, so its UTF-8 text, which the simulated server sends.
 */
export function invocationIdBytes(id: string): Uint8Array {
  return restateInvocationIdBytes(id) ?? new TextEncoder().encode(id);
}

/** Restate's base62 alphabet ([0-9a-zA-Z]; restatedev/restate crates/types/src/base62_util.rs). */
const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyz' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PREFIX = 'inv_1';
/** Fixed widths of the two base62 parts: a u64 takes 11 characters, a u128 22. */
const KEY_CHARS = 11;
const ULID_CHARS = 22;

/**
 * The 24 raw bytes of a Restate invocation id (`inv_1…`), or null when the text is not one (a simulated run's id).
 * Each part is written as the base62 number of its integer byte-swapped (Rust's `to_be()` on a little-endian
 * machine, crates/types/src/id_util.rs), so the number's little-endian bytes are the part's big-endian bytes.
 */
export function restateInvocationIdBytes(id: string): Uint8Array | null {
  if (id.length !== PREFIX.length + KEY_CHARS + ULID_CHARS || !id.startsWith(PREFIX)) return null;
  const key = base62(id.slice(PREFIX.length, PREFIX.length + KEY_CHARS));
  const ulid = base62(id.slice(PREFIX.length + KEY_CHARS));
  if (key === null || ulid === null || key >= 1n << 64n || ulid >= 1n << 128n) return null;
  const bytes = new Uint8Array(24);
  littleEndian(key, bytes, 0, 8);
  littleEndian(ulid, bytes, 8, 16);
  return bytes;
}

/** The partition key a Restate invocation id encodes (the `partition_key` column of its rows), as decimal text. */
export function restatePartitionKey(idBytes: Uint8Array): string {
  let key = 0n;
  for (let i = 0; i < 8; i++) key = (key << 8n) | BigInt(idBytes[i]);
  return key.toString();
}

/**
 * `InvocationId::to_random_seed`: `DefaultHasher::new()` (SipHash-1-3, keys 0, 0) after `bytes.hash(&mut h)`, which
 * for a byte array writes its length as a little-endian u64, then the bytes.
 */
export function restateRandomSeed(idBytes: Uint8Array): bigint {
  const message = new Uint8Array(8 + idBytes.length);
  littleEndian(BigInt(idBytes.length), message, 0, 8);
  message.set(idBytes, 8);
  return sipHash13(message);
}

function base62(digits: string): bigint | null {
  let n = 0n;
  for (const digit of digits) {
    const value = BASE62.indexOf(digit);
    if (value < 0) return null;
    n = n * 62n + BigInt(value);
  }
  return n;
}

function littleEndian(n: bigint, into: Uint8Array, at: number, width: number): void {
  for (let i = 0; i < width; i++, n >>= 8n) into[at + i] = Number(n & 0xffn);
}

const MASK = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & MASK;

/** SipHash-1-3 with both keys 0 (one compression round per block, three finalisation rounds). */
function sipHash13(message: Uint8Array): bigint {
  const v = [0x736f6d6570736575n, 0x646f72616e646f6dn, 0x6c7967656e657261n, 0x7465646279746573n];
  const round = () => {
    v[0] = (v[0] + v[1]) & MASK;
    v[1] = rotl(v[1], 13n) ^ v[0];
    v[0] = rotl(v[0], 32n);
    v[2] = (v[2] + v[3]) & MASK;
    v[3] = rotl(v[3], 16n) ^ v[2];
    v[0] = (v[0] + v[3]) & MASK;
    v[3] = rotl(v[3], 21n) ^ v[0];
    v[2] = (v[2] + v[1]) & MASK;
    v[1] = rotl(v[1], 17n) ^ v[2];
    v[2] = rotl(v[2], 32n);
  };
  const compress = (m: bigint) => {
    v[3] ^= m;
    round();
    v[0] ^= m;
  };
  const whole = message.length - (message.length % 8);
  for (let at = 0; at < whole; at += 8) compress(readLittleEndian(message, at, 8));
  const tail = readLittleEndian(message, whole, message.length - whole);
  compress(tail | (BigInt(message.length & 0xff) << 56n));
  v[2] ^= 0xffn;
  round();
  round();
  round();
  return v[0] ^ v[1] ^ v[2] ^ v[3];
}

function readLittleEndian(bytes: Uint8Array, at: number, width: number): bigint {
  let n = 0n;
  for (let i = width - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[at + i]);
  return n;
}
