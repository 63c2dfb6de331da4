// Error locations in words, for the error banner and the warnings list.
import type { ReaderErrorLocation } from '../../model';

/** "row 3, field entry_json, in journal.json": the parts the reader knows; the file only when it is not the subject. */
export function describeLocation(loc: ReaderErrorLocation, subject?: string): string {
  const parts: string[] = [];
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.line !== undefined)
    parts.push(loc.column !== undefined ? `line ${loc.line}, column ${loc.column}` : `line ${loc.line}`);
  if (loc.field) parts.push(`field ${loc.field}`);
  if (loc.offset !== undefined) parts.push(`offset ${loc.offset}`);
  if (loc.file && loc.file !== subject) parts.push(`in ${loc.file}`);
  return parts.join(', ');
}
