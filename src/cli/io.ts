// The CLI's window on the world, injected so commands can be tested without spawning processes.
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** The file as a stream of bytes, and its size (the reader's readJournalStream: never one string). Optional: test
   *  doubles without it make commands read the whole file. */
  openRead?(path: string): Promise<{ size: number; chunks(): AsyncIterable<Uint8Array> }>;
}

export const nodeIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path),
  writeFile: (path, data) => writeFile(path, data),
  openRead: async (path) => ({
    size: (await stat(path)).size,
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }),
  }),
};

/** Parses `--flag value`, `--flag=value`, `-o value` and positional arguments. Repeated flags collect into arrays. */
export function parseArgs(
  args: string[],
  aliases: Record<string, string> = {},
): { positional: string[]; flags: Map<string, string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    let name = arg.replace(/^--?/, '');
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else if (i + 1 < args.length && !args[i + 1].startsWith('--')) {
      value = args[++i];
    } else {
      value = 'true';
    }
    name = aliases[name] ?? name;
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags };
}
