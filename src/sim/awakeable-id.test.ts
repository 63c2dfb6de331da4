import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { awakeableIdOf, parseAwakeableId } from './awakeable-id';

describe('awakeable ids (sdk-shared-core awakeable_id_str)', () => {
  it('sign_1 + URL-safe base64 without padding of the id bytes and the big-endian signal index', () => {
    // 'ab' + [0, 0, 0, 17] = 61 62 00 00 00 11 → YWIAAAAR
    expect(awakeableIdOf('ab', 17)).toBe('sign_1YWIAAAAR');
    // 'a' + [0, 0, 1, 2]: five bytes, seven characters, no '=' (the VM encodes without padding).
    expect(awakeableIdOf('a', 258)).toBe('sign_1YQAAAQI');
  });

  it('round trip for any non-empty id text and signal index (seed 14)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 0xffffffff }), (id, index) => {
        const text = new TextDecoder().decode(new TextEncoder().encode(id)); // lone surrogates become U+FFFD
        expect(parseAwakeableId(awakeableIdOf(text, index))).toEqual({ invocationId: text, signalIndex: index });
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('padding is accepted; another prefix, a foreign character or a too short body is not an awakeable id', () => {
    expect(parseAwakeableId('sign_1YWIAAAAR==')).toEqual({ invocationId: 'ab', signalIndex: 17 });
    expect(parseAwakeableId('prom_1YWIAAAAR')).toBeNull();
    expect(parseAwakeableId('sign_1YWIA+AAR')).toBeNull();
    expect(parseAwakeableId('sign_1AAAA')).toBeNull();
    expect(parseAwakeableId('inv_nope')).toBeNull();
  });
});
