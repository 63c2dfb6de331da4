// File bytes → text for the reader, the way the UI gets them (File.arrayBuffer()). Strict: invalid UTF-8 is a
// BINARY_INPUT error naming the offset of the first bad byte (a lenient TextDecoder would turn it into U+FFFD and the
// user would never learn the file is damaged), and well-known binary formats are named with what to do instead.
import type { ReaderErrorLocation } from '../model';
import { ReaderError } from './errors';
import type { ReaderLimits } from './input';
import { DEFAULT_LIMITS } from './input';

/** Magic numbers of files users pick by mistake (or compressed exports), and the advice for each. */
const SIGNATURES: { bytes: number[]; name: string; hint: string }[] = [
  {
    bytes: [0x1f, 0x8b],
    name: 'a gzip file',
    hint: 'this looks like a gzip file; unzip it first (gunzip file.json.gz) and open the .json inside',
  },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    name: 'a zip archive',
    hint: 'this looks like a zip archive; unzip it first and open the .json inside',
  },
  {
    bytes: [0x28, 0xb5, 0x2f, 0xfd],
    name: 'a zstd file',
    hint: 'this looks like a zstd-compressed file; decompress it first (zstd -d)',
  },
  {
    bytes: [0x42, 0x5a, 0x68],
    name: 'a bzip2 file',
    hint: 'this looks like a bzip2 file; decompress it first (bunzip2)',
  },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    name: 'an xz file',
    hint: 'this looks like an xz file; decompress it first (unxz)',
  },
  {
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    name: 'a 7z archive',
    hint: 'this looks like a 7z archive; extract it first',
  },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47],
    name: 'a PNG image',
    hint: 'this looks like a PNG image, not a journal export; pick the .json file',
  },
  {
    bytes: [0xff, 0xd8, 0xff],
    name: 'a JPEG image',
    hint: 'this looks like a JPEG image, not a journal export; pick the .json file',
  },
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    name: 'a PDF document',
    hint: 'this looks like a PDF document, not a journal export; pick the .json file',
  },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65],
    name: 'an SQLite database',
    hint: 'this looks like an SQLite database; export the journal with `restate sql --json` instead',
  },
  {
    bytes: [0x50, 0x41, 0x52, 0x31],
    name: 'a Parquet file',
    hint: 'this looks like a Parquet file; export the journal as JSON (`restate sql --json`) instead',
  },
  {
    bytes: [0x7f, 0x45, 0x4c, 0x46],
    name: 'an executable (ELF)',
    hint: 'this looks like a program, not a journal export; pick the .json file',
  },
];

/**
 * The size check to run before reading a file at all (the UI passes File.size): null when the size is accepted,
 * otherwise a TOO_LARGE ReaderError (not thrown) whose message names the limit and the actual size.
 */
export function checkSizeUpFront(
  byteLength: number,
  limits: Partial<ReaderLimits> = {},
  file?: string,
): ReaderError | null {
  const maxBytes = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (!Number.isFinite(byteLength) || byteLength < 0) {
    return new ReaderError(
      'BAD_FIELD_TYPE',
      withFileName({ field: 'size' }, file),
      `file size ${String(byteLength)} is not a size`,
    );
  }
  if (byteLength <= maxBytes) return null;
  return new ReaderError(
    'TOO_LARGE',
    withFileName({ offset: maxBytes }, file),
    `the file is ${formatBytes(byteLength)} (${byteLength} bytes); the limit is ${formatBytes(maxBytes)} (${maxBytes} bytes)`,
    `Export fewer invocations (e.g. WHERE id = 'inv_…'), or raise limits.maxBytes if this machine has the memory (reading needs about ${Math.round(BYTES_TO_HEAP)}× the file size while parsing).`,
  );
}

/** Peak JS heap while reading, per byte of /query text (measured: docs/robustness.md, "Reader"). */
export const BYTES_TO_HEAP = 3;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Bytes → text: size check, binary signatures, BOMs (UTF-8; UTF-16 is decoded), strict UTF-8. Throws ReaderError. */
export function decodeJournalBytes(bytes: Uint8Array, limits: Partial<ReaderLimits> = {}, file?: string): string {
  if (!(bytes instanceof Uint8Array))
    throw new ReaderError('BAD_FIELD_TYPE', withFileName({ offset: 0 }, file), 'the input is not a byte array');
  const tooLarge = checkSizeUpFront(bytes.length, limits, file);
  if (tooLarge) throw tooLarge;
  if (bytes.length === 0) throw new ReaderError('EMPTY_INPUT', withFileName({ offset: 0 }, file), '0 bytes');
  const binary = binarySignatureError(bytes, file);
  if (binary) throw binary;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict(bytes, 'utf-16le', 2, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict(bytes, 'utf-16be', 2, file);
  return decodeStrict(bytes, 'utf-8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0, file);
}

/** A BINARY_INPUT error (not thrown) when the first bytes are a known binary format's signature; null otherwise. */
export function binarySignatureError(bytes: Uint8Array, file?: string): ReaderError | null {
  for (const signature of SIGNATURES) {
    if (signature.bytes.length <= bytes.length && signature.bytes.every((b, i) => bytes[i] === b)) {
      return new ReaderError(
        'BINARY_INPUT',
        withFileName({ offset: 0 }, file),
        `${signature.name}, not JSON text`,
        signature.hint,
      );
    }
  }
  return null;
}

/** The BINARY_INPUT error for bytes that are not strict UTF-8, at the first bad byte (`base`: where `bytes` starts). */
export function invalidUtf8Error(bytes: Uint8Array, base: number, file?: string): ReaderError {
  const at = Math.max(0, firstInvalidUtf8(bytes, 0));
  const shown = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return new ReaderError(
    'BINARY_INPUT',
    withFileName({ offset: base + at }, file),
    `invalid UTF-8 at byte ${base + at} (bytes ${shown})`,
    'The file is not UTF-8 text: it may be damaged, compressed or another kind of file. Export the journal again as JSON.',
  );
}

function decodeStrict(bytes: Uint8Array, encoding: string, skip: number, file?: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(skip ? bytes.subarray(skip) : bytes);
  } catch {
    const offset = encoding === 'utf-8' ? firstInvalidUtf8(bytes, skip) : skip;
    const shown = Array.from(bytes.subarray(offset, offset + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ReaderError(
      'BINARY_INPUT',
      withFileName({ offset: Math.max(0, offset) }, file),
      encoding === 'utf-8'
        ? `invalid UTF-8 at byte ${offset} (bytes ${shown})`
        : `invalid ${encoding.toUpperCase()} text`,
      'The file is not UTF-8 text: it may be damaged, compressed or another kind of file. Export the journal again as JSON.',
    );
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF); -1 when valid. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // The first continuation byte has the narrowed range; the others are plain continuation bytes.
      if (i + k >= n || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function withFileName(location: ReaderErrorLocation, file?: string): ReaderErrorLocation {
  if (file) location.file = file;
  return location;
}
