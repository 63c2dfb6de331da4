// Restate invocation ids as the server hands them to the SDK: the raw bytes decoded from the `inv_1…` text agree
// with the partition key of every real capture's rows, and the random seed is Rust's DefaultHasher over them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationIdBytes, restateInvocationIdBytes, restatePartitionKey, restateRandomSeed } from './invocation-id';

const fixtures = join(__dirname, '../../test/fixtures/restate-1.7.12');

describe('restateInvocationIdBytes', () => {
  // partition_key exceeds 2^53: read as the server's digits, never as a JSON number.
  const pairs = readdirSync(fixtures)
    .filter((c) => existsSync(join(fixtures, c, 'journal.query.json')))
    .flatMap((name) => {
      const rows = readFileSync(join(fixtures, name, 'journal.query.json'), 'utf8');
      const seen = new Map<string, string>();
      for (const m of rows.matchAll(/"partition_key":(\d+),"id":"(inv_\w+)"/g)) seen.set(m[2], m[1]);
      return [...seen].map(([id, key]) => [name, id, key] as const);
    });

  it('the captures hold ids to check', () => expect(pairs.length).toBeGreaterThan(20));

  it.each(pairs)('%s %s: the id decodes to the partition key its rows carry', (_name, id, key) => {
    const bytes = restateInvocationIdBytes(id);
    expect(bytes).toHaveLength(24);
    expect(restatePartitionKey(bytes!)).toBe(key);
  });

  it('is null for text that is not a Restate invocation id', () => {
    for (const id of [
      'inv_sim_llm-race_1',
      '',
      'inv_1',
      'inv_2jcPhSapwJs70aDjlJhN20YXQxAWyOKV77',
      'inv_1jcPhSapwJs70aDjlJhN20YXQxAWyOKV7!',
    ])
      expect(restateInvocationIdBytes(id)).toBeNull();
    // 11 characters hold more than a u64: a key part over 2^64 is not an id.
    expect(restateInvocationIdBytes('inv_1ZZZZZZZZZZZ0000000000000000000000')).toBeNull();
  });
});

describe('restateRandomSeed', () => {
  // Vectors printed by Rust 1.95: `let mut h = DefaultHasher::new(); id.hash(&mut h); h.finish()` for `id: [u8; 24]`.
  it('is DefaultHasher over the 24 bytes (vectors from rustc)', () => {
    expect(restateRandomSeed(new Uint8Array(24))).toBe(4877446713163382248n);
    expect(restateRandomSeed(Uint8Array.from({ length: 24 }, (_, i) => i))).toBe(8435221926840062131n);
  });
});

describe('invocationIdBytes', () => {
  it("is a Restate id's raw bytes, or the UTF-8 text of any other id", () => {
    const real = 'inv_1jcPhSapwJs70aDjlJhN20YXQxAWyOKV77';
    expect(invocationIdBytes(real)).toEqual(restateInvocationIdBytes(real));
    expect(invocationIdBytes('inv_sim_llm-race_1')).toEqual(new TextEncoder().encode('inv_sim_llm-race_1'));
  });
});
