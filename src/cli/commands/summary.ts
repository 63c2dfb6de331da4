// Placeholder until the owning work lands: fails loudly rather than pretending to work.
import type { CliIo } from '../io';

export async function run(_args: string[], io: CliIo): Promise<number> {
  io.err('replay-inspector summary: not available in this build yet.\n');
  return 3;
}
