// Bytes → text: strict UTF-8 with the offset of the first bad byte, binary signatures with advice, BOMs, size limits.
import fc from 'fast-check';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, checkSizeUpFront, firstInvalidUtf8, readJournalBytes, readJournals } from './index';
import { outcomeOf, readerErrorOf } from './hostile-test-kit';
import { sampleFile } from './test-files';

const encode = (text: string) => new TextEncoder().encode(text);
const sample = sampleFile('race-timeout', 'journal.query.json').text;

describe('readJournalBytes', () => {
  it('reads UTF-8 bytes, with or without a BOM, to the same result as the text', () => {
    const expected = readJournals(sample);
    expect(readJournalBytes(encode(sample))).toEqual(expected);
    expect(readJournalBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(sample)]))).toEqual(expected);
  });

  it('decodes UTF-16 text that starts with a BOM', () => {
    const le = new Uint8Array(2 + sample.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < sample.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, sample.charCodeAt(i), true);
    expect(readJournalBytes(le).journals[0].entries.length).toBe(readJournals(sample).journals[0].entries.length);
  });

  it('invalid UTF-8 is BINARY_INPUT at the offset of the first bad byte', () => {
    const bytes = encode(sample);
    const broken = new Uint8Array(bytes);
    broken[1234] = 0xff;
    const error = readerErrorOf(() => readJournalBytes(broken, { fileName: 'j.json' }));
    expect(error.code).toBe('BINARY_INPUT');
    expect(error.location).toEqual({ offset: 1234, file: 'j.json' });
    expect(error.message).toContain('byte 1234');
    // A truncated multi-byte character at the very end.
    const cut = encode('{"rows":[]} é').slice(0, -1);
    expect(readerErrorOf(() => readJournalBytes(cut)).location.offset).toBe(cut.length - 1);
  });

  it.each([
    ['gzip', () => gzipSync(encode(sample)), 'gzip file; unzip it first'],
    ['zip', () => zipSync({ 'journal.json': encode(sample) }), 'zip archive; unzip it first'],
    ['PNG', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'PNG image'],
    ['PDF', () => encode('%PDF-1.7\n%âãÏÓ\n'), 'PDF document'],
    ['SQLite', () => encode('SQLite format 3\u0000'), 'SQLite database'],
  ])('a %s file is BINARY_INPUT with a hint that names it', (_name, make, hint) => {
    const error = readerErrorOf(() => readJournalBytes(make()));
    expect(error.code).toBe('BINARY_INPUT');
    expect(error.hint).toContain(hint);
    expect(error.location.offset).toBe(0);
  });

  it('empty, whitespace-only and NUL-filled bytes are clear errors', () => {
    expect(readerErrorOf(() => readJournalBytes(new Uint8Array(0))).code).toBe('EMPTY_INPUT');
    expect(readerErrorOf(() => readJournalBytes(encode(' \n\t\r\n  '))).code).toBe('EMPTY_INPUT');
    expect(readerErrorOf(() => readJournalBytes(new Uint8Array(4096))).code).toBe('BINARY_INPUT');
    expect(readerErrorOf(() => readJournalBytes('{}' as unknown as Uint8Array)).code).toBe('BAD_FIELD_TYPE');
  });

  it('a file over limits.maxBytes is TOO_LARGE before it is decoded', () => {
    const error = readerErrorOf(() => readJournalBytes(encode(sample), { limits: { maxBytes: 1000 } }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain(`${encode(sample).length} bytes`);
    expect(error.message).toContain('1000 bytes');
  });

  it('random bytes read or fail with a ReaderError (seed 2468)', () => {
    const prefix = fc.constantFrom(
      new Uint8Array(0),
      encode('{"rows":['),
      encode(sample.slice(0, 300)),
      new Uint8Array([0x1f, 0x8b]),
    );
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 400 }), (head, tail) => {
        const bytes = new Uint8Array([...head, ...tail]);
        outcomeOf(() => readJournalBytes(bytes));
      }),
      { seed: 2468, numRuns: 400 },
    );
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a fatal TextDecoder on random bytes (seed 1357)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constantFrom(0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0x80, 0xbf, 0xa0, 0x9f, 0x90, 0x8f),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (list) => {
        const bytes = new Uint8Array(list);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(bytes);
        expect(at === -1).toBe(valid);
        if (!valid) {
          // Everything before the reported byte decodes; the reported byte starts the bad sequence.
          expect(() => fatal.decode(bytes.subarray(0, at))).not.toThrow();
        }
      }),
      { seed: 1357, numRuns: 2000 },
    );
  });

  it('accepts every kind of valid character and rejects surrogates and overlongs', () => {
    expect(firstInvalidUtf8(encode('a é € 𝄞 \u{10ffff}'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xf4, 0x90, 0x80, 0x80]))).toBe(2);
  });
});

describe('checkSizeUpFront', () => {
  it('accepts sizes up to the limit (a 460 MB export fits) and refuses a 2 GB file naming the limit and the size', () => {
    expect(checkSizeUpFront(0)).toBeNull();
    expect(checkSizeUpFront(460_000_000)).toBeNull();
    expect(checkSizeUpFront(DEFAULT_LIMITS.maxBytes)).toBeNull();
    const error = checkSizeUpFront(2_000_000_000, undefined, 'huge.json');
    expect(error?.code).toBe('TOO_LARGE');
    expect(error?.message).toContain('1.9 GiB (2000000000 bytes)');
    expect(error?.message).toContain(`1.0 GiB (${DEFAULT_LIMITS.maxBytes} bytes)`);
    expect(error?.location).toEqual({ offset: DEFAULT_LIMITS.maxBytes, file: 'huge.json' });
    expect(error?.hint).toContain('limits.maxBytes');
  });

  it('uses the given limits and rejects sizes that are not sizes', () => {
    expect(checkSizeUpFront(2048, { maxBytes: 1024 })?.message).toContain(
      '2.0 KiB (2048 bytes); the limit is 1.0 KiB (1024 bytes)',
    );
    expect(checkSizeUpFront(2048, { maxBytes: 4096 })).toBeNull();
    expect(checkSizeUpFront(Number.NaN)?.code).toBe('BAD_FIELD_TYPE');
    expect(checkSizeUpFront(-1)?.code).toBe('BAD_FIELD_TYPE');
  });
});
