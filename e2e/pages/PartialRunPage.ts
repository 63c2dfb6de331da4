// Page object for the first rows of a large file while the rest still reads (issue 15): the "reading… showing n of
// ~m entries" note beside the progress bar, the error banner a failed full read ends in, and the files it opens.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { writeLargeQueryExport } from '../../test/large-export';
import { InspectorPage } from './InspectorPage';

export class PartialRunPage extends InspectorPage {
  readonly partialNote: Locator;
  readonly progressBar: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    super(page);
    this.partialNote = page.getByRole('note', { name: 'Partial run' });
    this.progressBar = page.getByRole('progressbar');
    this.error = page.getByRole('alert', { name: 'Error' });
  }

  /** Writes a /query export of `entries` rows (Restate 1.7's row shape) to `file`. */
  async writeExport(file: string, entries: number): Promise<void> {
    await writeLargeQueryExport(file, entries);
  }

  /**
   * The same export with a second comma after row `row`'s index, far past the first rows: no JSON. Resolves to the
   * character offset of that comma (the file is ASCII), where the reader says the text stops being JSON.
   */
  async writeBrokenExport(file: string, entries: number, row: number): Promise<number> {
    await writeLargeQueryExport(file, entries);
    const text = readFileSync(file, 'utf8');
    const field = `"index":${row},`;
    writeFileSync(file, text.replace(field, `${field},`));
    return text.indexOf(field) + field.length;
  }

  /** The count the note says was read so far ("showing 2,290 of ~300,000"). */
  async entriesShown(): Promise<number> {
    const text = (await this.partialNote.textContent()) ?? '';
    return Number(/showing ([\d,]+)/.exec(text)?.[1].replaceAll(',', '') ?? NaN);
  }
}
