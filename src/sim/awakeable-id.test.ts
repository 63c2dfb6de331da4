import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { awakeableIdOf, ownAwakeableSignal, parseAwakeableId } from './awakeable-id';

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

  it("a Restate id's awakeables carry its raw bytes, and only its own awakeables name a signal of it", () => {
    const real = 'inv_1jcPhSapwJs70aDjlJhN20YXQxAWyOKV77';
    const id = awakeableIdOf(real, 17);
    // 24 raw bytes + 4 of the index = 28 bytes: 38 base64 characters (the text's UTF-8 would be 41 bytes).
    expect(id).toHaveLength('sign_1'.length + 38);
    expect(ownAwakeableSignal(id, real)).toBe(17);
    expect(ownAwakeableSignal(id, 'inv_1jcPhSapwJs70aDjlJhN20YXQxAWyOKV78')).toBeNull();
    expect(ownAwakeableSignal(awakeableIdOf('inv_sim_x_1', 18), 'inv_sim_x_1')).toBe(18);
    expect(ownAwakeableSignal(awakeableIdOf('inv_sim_x_1', 18), 'inv_sim_x_2')).toBeNull();
    expect(ownAwakeableSignal('prom_1YWIAAAAR', 'ab')).toBeNull();
  });
});
