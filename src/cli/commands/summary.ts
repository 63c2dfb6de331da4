// `replay-inspector summary <file|folder> [more…] [--format F]`: the JSON summary of each invocation in the input
// (the shape of expected.summary.json in the samples). A folder contributes its *.json / *.jsonl files; files in a
// folder that are not journal exports (expected.summary.json, case.json…) are skipped with a note on stderr.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReaderWarning, SourceFormat } from '../../model';
import {
  ReaderError,
  detectFormat,
  formatLocation,
  readJournalFiles,
  readJournalStream,
  summaryText,
} from '../../journal-reader';
import type { CliIo } from '../io';
import { parseArgs } from '../io';

const FORMATS: SourceFormat[] = ['restate-query', 'restate-sql-json', 'restate-sql-jsonl', 'bundle', 'native'];
const USAGE =
  'Usage: replay-inspector summary <file|folder> [more files] [--format restate-query|restate-sql-json|restate-sql-jsonl|bundle|native]\n';
const decoder = new TextDecoder('utf-8');

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(args);
  const format = flags.get('format')?.[0];
  if (positional.length === 0) {
    io.err(`replay-inspector summary: no input file.\n${USAGE}`);
    return 2;
  }
  if (format !== undefined && !FORMATS.includes(format as SourceFormat)) {
    io.err(`replay-inspector summary: unknown --format '${format}'.\n${USAGE}`);
    return 2;
  }
  if (positional.length === 1 && io.openRead && !(await isFolder(positional[0]))) {
    return summaryOfStream(positional[0], format as SourceFormat | undefined, io);
  }
  const files: { name: string; text: string }[] = [];
  try {
    for (const path of positional) {
      if ((await stat(path)).isDirectory()) files.push(...(await folderFiles(path, io)));
      else files.push({ name: path, text: decoder.decode(await io.readFile(path)) });
    }
  } catch (error) {
    io.err(`replay-inspector summary: cannot read input: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const result = readJournalFiles(files, { format: format as SourceFormat | undefined });
    for (const warning of result.warnings) {
      const where = warning.location ? formatLocation(warning.location) : '';
      io.err(`warning ${warning.code}: ${warning.message}${where ? ` (${where})` : ''}\n`);
    }
    io.out(summaryText(result.journals));
    return 0;
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    io.err(errorText(error));
    return 2;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** One file read as a byte stream (a 460 MB export is never one string); --format forces the whole-text reader. */
async function summaryOfStream(path: string, format: SourceFormat | undefined, io: CliIo): Promise<number> {
  let source: { size: number; chunks(): AsyncIterable<Uint8Array> };
  try {
    source = await io.openRead!(path);
  } catch (error) {
    io.err(`replay-inspector summary: cannot read input: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const result = format
      ? readJournalFiles([{ name: path, text: decoder.decode(await io.readFile(path)) }], { format })
      : await readJournalStream(source, { fileName: path });
    printWarnings(result.warnings, io);
    io.out(summaryText(result.journals));
    return 0;
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    io.err(errorText(error));
    return 2;
  }
}

function printWarnings(warnings: ReaderWarning[], io: CliIo): void {
  for (const warning of warnings) {
    const where = warning.location ? formatLocation(warning.location) : '';
    io.err(`warning ${warning.code}: ${warning.message}${where ? ` (${where})` : ''}\n`);
  }
}

export function errorText(error: ReaderError): string {
  const where = formatLocation(error.location);
  return (
    [
      `error ${error.code}: ${error.message}`,
      where ? `  at ${where}` : null,
      error.hint ? `  hint: ${error.hint}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n') + '\n'
  );
}

/** The journal exports in a folder, by name; other JSON files are skipped (said on stderr). */
export async function folderFiles(folder: string, io: CliIo): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(folder)).filter((n) => /\.jsonl?$/i.test(n)).sort();
  const files: { name: string; text: string }[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const text = decoder.decode(await io.readFile(path));
    try {
      detectFormat(text);
    } catch (error) {
      if (error instanceof ReaderError && (error.code === 'UNKNOWN_FORMAT' || error.code === 'EMPTY_INPUT')) {
        io.err(`note: skipped ${path}: not a journal export\n`);
        continue;
      }
      throw error;
    }
    files.push({ name: path, text });
  }
  return files;
}
