// Entry point of the headless `replay-inspector` command: parses the subcommand and dispatches.
// Each subcommand lives in ./commands/<name>.ts and exports `run(args, io): Promise<number>` (the exit code).
import type { CliIo } from './io';
import { nodeIo } from './io';

interface CommandInfo {
  summary: string;
  usage: string;
  load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>;
}

const commands: Record<string, CommandInfo> = {
  summary: {
    summary: 'Print a JSON summary of a journal export (any supported format).',
    usage: 'replay-inspector summary <file> [--format restate-query|restate-sql-json|restate-sql-jsonl|bundle|native]',
    load: () => import('./commands/summary'),
  },
  scan: {
    summary:
      'Read a huge journal export as a stream (1,000,000 entries fine) and print one JSON line per invocation: counts, futures by kind and result, what is pending.',
    usage: 'replay-inspector scan <file> [--progress]',
    load: () => import('./commands/scan'),
  },
  follow: {
    summary:
      'Follow a running invocation on a Restate server (only new journal rows fetched, kept as columns): one JSON line per change, a final line at the end (exit 0 success, 1 failure, 3 timeout).',
    usage: 'replay-inspector follow --admin <url> --id <inv_…> [--interval-ms N] [--timeout-ms N] [--page-rows N]',
    load: () => import('./commands/follow'),
  },
  export: {
    summary: 'Export invocations from a running Restate server into a bundle file.',
    usage:
      'replay-inspector export --admin <url> (--id <inv_…> [--id …] | --target <Service/handler|Object/key/handler> [--limit N] [--status S]) -o <file|-> [--timeout-ms N]',
    load: () => import('./commands/export'),
  },
  simulate: {
    summary:
      'Simulate a scenario, or a real Restate handler file on the real SDK, and write its journal (native format).',
    usage:
      'replay-inspector simulate <scenario-or-handler-file> [--seed N] [--crash-at MS]... [--cancel-at MS] [--steps-max N] [--target Service/handler] [--input JSON] [-o out.json]',
    load: () => import('./commands/simulate'),
  },
  replay: {
    summary:
      'Replay a journal against a scenario or a real handler file; print the decisions (exit 1 on a 570 journal mismatch).',
    usage: 'replay-inspector replay <scenario-or-handler-file> <journal-file>',
    load: () => import('./commands/replay'),
  },
  'sdk-replay': {
    summary:
      'Replay a real journal with the real Restate SDK running your handler code, offline (exit 1 mismatch, 3 stopped before a side effect).',
    usage:
      'replay-inspector sdk-replay <handler-module> <journal|bundle|folder> [--target Service/handler] [--id inv_…] [--json]  |  sdk-replay --endpoint <url> <journal> [--allow-side-effects]',
    load: () => import('./commands/sdk-replay'),
  },
  serve: {
    summary: 'Serve the built app with a same-origin proxy to a Restate admin API.',
    usage: 'replay-inspector serve [--admin http://localhost:9070] [--port N]',
    load: () => import('./commands/serve'),
  },
};

export function helpText(): string {
  const lines = [
    'replay-inspector: see durable execution. Read Restate journals, simulate scenarios, replay decisions.',
    '',
    'Usage: replay-inspector <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}\n             ${c.usage}`),
    '',
    'Options:',
    "  -h, --help   Show this help (or a command's usage with `<command> --help`).",
  ];
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText() + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`replay-inspector: unknown command '${name}'.\n\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\nUsage: ${command.usage}\n`);
    return 0;
  }
  const module = await command.load();
  return module.run(rest, io);
}
