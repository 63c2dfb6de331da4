import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeShareState,
  encodeShareState,
  fromBase64Url,
  SHARE_PREFIX,
  ShareLinkError,
  toBase64Url,
  type ShareState,
} from './link-codec';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ShareLinkError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('share link codec', () => {
  it('round-trips a view exactly', () => {
    const state: ShareState = {
      source: { kind: 'example', name: 'race-timeout' },
      seed: 7,
      crashesMs: [120],
      cursor: 4,
      selection: 'c2',
    };
    const hash = encodeShareState(state);
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(decodeShareState('#' + hash)).toEqual(state);
  });

  it('round-trips a real handler paired with a journal, and refuses a malformed one', () => {
    const state: ShareState = {
      source: { kind: 'journal', text: '[]', fileName: 'bundle.json' },
      cursor: 3,
      pairedScenario: {
        kind: 'sdk',
        code: "export default restate.service({ name: 'Lab', handlers: {} });",
        target: 'Lab/race',
        label: 'lab.ts',
      },
    };
    expect(decodeShareState(encodeShareState(state))).toEqual(state);
    const objectTarget: ShareState = {
      ...state,
      pairedScenario: { kind: 'sdk', code: 'x', target: 'Counter/key-1/add' },
    };
    expect(decodeShareState(encodeShareState(objectTarget)).pairedScenario).toMatchObject({
      target: 'Counter/key-1/add',
    });
    const encodeRaw = (value: unknown) =>
      SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(value))));
    const bads = [{ code: 1 }, { code: 'x', target: 'no-slash' }, { code: 'x', target: 7 }, { code: 'x', label: 1 }];
    for (const bad of bads)
      expect(codeOf(() => decodeShareState(encodeRaw({ ...state, pairedScenario: { kind: 'sdk', ...bad } })))).toBe(
        'LINK_BAD_DATA',
      );
  });

  it('round-trips real handler code simulated with its input, and refuses an input that is not text', () => {
    const state: ShareState = {
      source: { kind: 'sdk-scenario', code: 'export const b = 1', target: 'Booking/run', input: '{"flight":"LH 1"}' },
      seed: 3,
      crashesMs: [40],
    };
    expect(decodeShareState(encodeShareState(state))).toEqual(state);
    const withoutInput: ShareState = { source: { kind: 'sdk-scenario', code: 'x' } };
    expect(decodeShareState(encodeShareState(withoutInput))).toEqual(withoutInput);
    const encodeRaw = (value: unknown) =>
      SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(value))));
    for (const input of [7, { flight: 'LH 1' }, 'x'.repeat(100_001)])
      expect(codeOf(() => decodeShareState(encodeRaw({ source: { kind: 'sdk-scenario', code: 'x', input } })))).toBe(
        'LINK_BAD_DATA',
      );
  });

  it('compresses a loaded journal well below its size', () => {
    const text = JSON.stringify({
      rows: Array.from({ length: 200 }, (_, i) => ({
        id: 'inv_1',
        index: i,
        entry_type: 'Command: Run',
        name: `step-${i}`,
      })),
    });
    const hash = encodeShareState({ source: { kind: 'journal', text, fileName: 'j.json' } });
    expect(hash.length).toBeLessThan(text.length / 5);
    expect(decodeShareState(hash).source).toEqual({ kind: 'journal', text, fileName: 'j.json' });
  });

  it('base64url round-trips any bytes (seed 11)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('rejects damaged, foreign, future and hostile links with a stable code', () => {
    expect(codeOf(() => decodeShareState('#hello'))).toBe('LINK_BAD_ENCODING');
    expect(codeOf(() => decodeShareState('#v1.@@@'))).toBe('LINK_BAD_ENCODING');
    expect(codeOf(() => decodeShareState('#v1.AAAA'))).toBe('LINK_BAD_ENCODING');
    expect(codeOf(() => decodeShareState('#v9.abc'))).toBe('LINK_UNSUPPORTED_VERSION');
    const json = (v: unknown) => SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(v))));
    expect(codeOf(() => decodeShareState(json({ source: { kind: 'script', src: 'x' } })))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(json({ source: { kind: 'example', name: 'a' }, seed: -1 })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(
      codeOf(() => decodeShareState(json({ source: { kind: 'example', name: 'a' }, cursor: '1; alert(1)' }))),
    ).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(json([1, 2])))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe])))))).toBe(
      'LINK_BAD_DATA',
    );
  });

  it('round-trips a cancellation time and an open compare view, for every kind of second run', () => {
    const runs: NonNullable<ShareState['compare']>['run'][] = [
      { kind: 'seed', seed: 4 },
      { kind: 'without-crashes' },
      { kind: 'example', name: 'llm-race', seed: 2 },
      { kind: 'example', name: 'llm-race' },
      { kind: 'replay', name: 'journal-mismatch-changed' },
      { kind: 'journal', text: '{"rows":[]}', fileName: 'b.query.json' },
    ];
    for (const run of runs) {
      const state: ShareState = {
        source: { kind: 'example', name: 'cancel-from-outside' },
        seed: 1,
        cancelAtMs: 40,
        cursor: 3,
        compare: { run, cursorA: 5, cursorB: 2 },
      };
      expect(decodeShareState(encodeShareState(state))).toEqual(state);
    }
  });

  it('validates the compare view like every other field: bad kinds, seeds, cursors and names are refused', () => {
    const json = (v: unknown) => SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(v))));
    const withCompare = (compare: unknown) => json({ source: { kind: 'example', name: 'a' }, compare });
    expect(codeOf(() => decodeShareState(withCompare('seed 4')))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(withCompare({})))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'url', url: 'https://evil' } })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'seed', seed: 1.5 } })))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'example', name: 'x'.repeat(201) } })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'example', name: 'x', seed: -2 } })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'journal', text: 5 } })))).toBe('LINK_BAD_DATA');
    expect(codeOf(() => decodeShareState(withCompare({ run: { kind: 'without-crashes' }, cursorB: -1 })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(codeOf(() => decodeShareState(json({ source: { kind: 'example', name: 'a' }, cancelAtMs: -5 })))).toBe(
      'LINK_BAD_DATA',
    );
    expect(codeOf(() => decodeShareState(json({ source: { kind: 'example', name: 'a' }, cancelAtMs: '100' })))).toBe(
      'LINK_BAD_DATA',
    );
    // Unknown fields inside the compare view are dropped, and a long file name is cut.
    const decoded = decodeShareState(
      withCompare({ run: { kind: 'journal', text: 'x', fileName: 'f'.repeat(400), html: '<i>' }, extra: 1 }),
    );
    expect(decoded.compare).toEqual({ run: { kind: 'journal', text: 'x', fileName: 'f'.repeat(300) } });
  });

  it('refuses a deflate bomb without inflating it whole', () => {
    const bomb = SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array(80 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(codeOf(() => decodeShareState(bomb))).toBe('LINK_TOO_LARGE');
  });

  it('drops unknown fields instead of passing them on', () => {
    const hash =
      SHARE_PREFIX +
      toBase64Url(
        deflateSync(
          new TextEncoder().encode(JSON.stringify({ source: { kind: 'example', name: 'a', html: '<b>' }, evil: 1 })),
        ),
      );
    expect(decodeShareState(hash)).toEqual({ source: { kind: 'example', name: 'a' } });
  });

  it('never throws anything but ShareLinkError on random input (seed 12)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const hash of [s, SHARE_PREFIX + s]) {
          try {
            decodeShareState(hash);
          } catch (error) {
            expect(error).toBeInstanceOf(ShareLinkError);
          }
        }
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});
