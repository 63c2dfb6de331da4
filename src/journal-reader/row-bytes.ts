// Where each entry's row is in the file, in bytes (the stream reader, stream.ts): with these, a raw row can be read
// again by slicing the File (Blob.slice) instead of keeping every chunk's text alive. Kept beside the journal (a
// table keyed by the Journal object), not on it: the Journal and its entries stay exactly what the other readers give.

/** Start and end (exclusive) byte offsets of each entry's row, by entry position; -1 where not known. */
export interface RowBytes {
  start: Float64Array;
  end: Float64Array;
}

const rowBytes = new WeakMap<object, RowBytes>();

/** The byte offsets of the rows of a journal read by the stream reader (undefined for other readers). */
export function rowBytesOf(journal: object): RowBytes | undefined {
  return rowBytes.get(journal);
}

export function setRowBytes(journal: object, starts: number[], ends: number[]): void {
  rowBytes.set(journal, { start: Float64Array.from(starts), end: Float64Array.from(ends) });
}

/**
 * Byte offsets of characters of one chunk's text whose first character is at byte `base` of the file, asked in
 * increasing order (rows come in order). ASCII text (as many characters as bytes) needs no counting; otherwise the
 * UTF-8 length of each character is counted from the last place asked.
 */
export class ByteOffsets {
  private char = 0;
  private byte: number;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly ascii: boolean,
  ) {
    this.byte = base;
  }

  at(charIndex: number): number {
    if (this.ascii) return this.base + charIndex;
    if (charIndex < this.char) {
      this.char = 0;
      this.byte = this.base;
    }
    const text = this.text;
    let byte = this.byte;
    for (let i = this.char; i < charIndex; i++) {
      const c = text.charCodeAt(i);
      // A surrogate pair is 4 bytes: counted at its first half (strictly decoded text has no lone halves).
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xdc00 && c <= 0xdfff ? 0 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    }
    this.char = charIndex;
    this.byte = byte;
    return byte;
  }
}
