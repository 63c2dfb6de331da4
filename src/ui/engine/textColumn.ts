// Many short strings (entry and future names, payload texts) sent across the Worker boundary as ONE text and where
// each ends (issue 15). Interning them in a Map cost the Worker ~170 ms of a 1,000,000-entry load (every name is
// different: hashing, then a table), and a structured clone of an array of strings writes each one on its own; one
// joined string is a single copy, and its ends a transferable buffer. Code units are kept exactly (lone surrogates too).

export interface TextColumn {
  text: string;
  /** end[i]: where string i ends in `text`; it starts where string i − 1 ends (0 for the first). */
  end: Uint32Array;
}

/** Worker side: add the strings in order, one per row (a row without a string adds ''). */
export class TextColumnWriter {
  private readonly pieces: string[] = [];
  private length = 0;
  private readonly end: Uint32Array;
  private row = 0;

  constructor(rows: number) {
    this.end = new Uint32Array(rows);
  }

  add(text: string): void {
    if (text.length) {
      this.pieces.push(text);
      this.length += text.length;
    }
    this.end[this.row++] = this.length;
  }

  finish(): TextColumn {
    return { text: this.pieces.join(''), end: this.end };
  }
}

/** Page side: string i of the column. */
export function textAt(column: TextColumn, i: number): string {
  const start = i === 0 ? 0 : column.end[i - 1];
  const end = column.end[i];
  return start === end ? '' : column.text.slice(start, end);
}
