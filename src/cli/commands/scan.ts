// `replay-inspector scan <file> [--progress]`: the headless check of a huge journal for CI. The file is read as a byte
// stream (never one string: a 1,000,000-entry /query export is ~460 MB), each invocation's entries become typed-array
// columns, and one JSON line per invocation says what is in it (journal-reader/column-stats.ts): counts, futures by
// kind and result, the first pending futures, the time span. --progress prints `reading NN %` lines on stderr.
// Exit 0 when read, 2 on a reader error (code, location and hint on stderr, as `summary`).
import { ReaderError, columnStats, readJournalStream, toColumns } from '../../journal-reader';
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { errorText } from './summary';

const USAGE = 'Usage: replay-inspector scan <file> [--progress]\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (positional.length !== 1 || !io.openRead) {
    io.err(`replay-inspector scan: give one file.\n${USAGE}`);
    return 2;
  }
  const path = positional[0];
  let source: Awaited<ReturnType<NonNullable<CliIo['openRead']>>>;
  try {
    source = await io.openRead(path);
  } catch (error) {
    io.err(`replay-inspector scan: cannot read input: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let shown = -1;
  const onProgress = flags.has('progress')
    ? (fraction: number) => {
        const tenth = Math.floor(fraction * 10);
        if (tenth > shown) io.err(`reading ${(shown = tenth) * 10} %\n`);
      }
    : undefined;
  try {
    const result = await readJournalStream(source, { fileName: path, onProgress });
    for (const warning of result.warnings) io.err(`warning ${warning.code}: ${warning.message}\n`);
    for (const journal of result.journals) {
      const columns = toColumns(journal.entries);
      // The objects are not needed past this point: let them go before the next invocation's columns are built.
      journal.entries = [];
      io.out(JSON.stringify(columnStats(journal, columns)) + '\n');
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    io.err(errorText(error));
    return 2;
  }
}
