// `replay-inspector sdk-replay <handler-module> <journal file|bundle|folder> [--target Svc/handler] [--id inv_…] [--json]`
// replays a real journal with the real Restate SDK running the user's own code, offline (src/sdk-host), and
// `sdk-replay --endpoint http://host:9080 <journal>` sends the same replay to a running deployment of any SDK.
// Exit 0 replayed (or suspended where the journal ends), 1 mismatch or a diverging end, 3 stopped before a side
// effect, 2 bad input. See docs/sdk-replay.md.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Journal } from '../../model';
import { ReaderError, readJournalFiles } from '../../journal-reader';
import { definitionsOfModule } from '../../sdk-host/definitions';
import { loadNodeSdk } from '../../sdk-host/node-sdk';
import { sdkReplay, SdkReplayInputError, type SdkReplayResult } from '../../sdk-host/replay';
import { SdkVersionError } from '../../sdk-host/sdk-modules';
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { UserModuleError, importUserModule } from '../user-module';
import { replayOverHttp, sideEffectRisk } from './sdk-replay-endpoint';
import { reportText } from './sdk-replay-report';
import { errorText, folderFiles } from './summary';

const USAGE =
  'Usage: replay-inspector sdk-replay <handler-module> <journal file|bundle|folder> [--target Service/handler] [--id inv_…] [--json]\n' +
  '       replay-inspector sdk-replay --endpoint http://host:9080 <journal file|bundle|folder> [--target …] [--id …] [--json] [--allow-side-effects]\n';
const BOOLEAN_FLAGS = ['--json', '--allow-side-effects'];

export async function run(args: string[], io: CliIo): Promise<number> {
  const booleans = new Set(args.filter((a) => BOOLEAN_FLAGS.includes(a)));
  const { positional, flags } = parseArgs(args.filter((a) => !BOOLEAN_FLAGS.includes(a)));
  const endpoint = flags.get('endpoint')?.[0];
  const json = booleans.has('--json');
  if (positional.length !== (endpoint ? 1 : 2)) {
    io.err(
      `replay-inspector sdk-replay: expected ${endpoint ? 'a journal' : 'a handler module and a journal'}.\n${USAGE}`,
    );
    return 2;
  }
  const journalPath = positional[positional.length - 1];
  try {
    const journal = await readOneJournal(journalPath, flags.get('id')?.[0], io);
    const target = flags.get('target')?.[0] ?? journal.target;
    if (!target)
      throw new SdkReplayInputError(
        `the journal does not say which handler it belongs to: pass --target Service/handler`,
        'SDK_REPLAY_TARGET',
      );
    if (endpoint) {
      const risk = sideEffectRisk(journal);
      if (risk && !booleans.has('--allow-side-effects')) {
        io.err(
          `replay-inspector sdk-replay: refusing to replay against ${endpoint}: ${risk}; the deployment would execute it (pass --allow-side-effects to accept)\n`,
        );
        return 2;
      }
      const result = await replayOverHttp(endpoint, journal, target);
      return finish(result, journal, json, io);
    }
    const modulePath = resolve(positional[0]);
    const sdk = await loadNodeSdk(modulePath);
    const services = definitionsOfModule(
      await importUserModule(modulePath).catch((error: unknown) => {
        if (error instanceof UserModuleError)
          throw new SdkReplayInputError(`cannot load ${positional[0]}: ${error.message}`, 'SDK_REPLAY_MODULE');
        throw error;
      }),
    );
    if (services.length === 0)
      throw new SdkReplayInputError(
        `${positional[0]} exports no Restate service, object or workflow definition`,
        'SDK_REPLAY_NO_SERVICES',
      );
    return finish(await sdkReplay(sdk, services, journal, target), journal, json, io);
  } catch (error) {
    if (error instanceof ReaderError) {
      io.err(errorText(error));
      return 2;
    }
    if (error instanceof SdkReplayInputError || error instanceof SdkVersionError) {
      io.err(`replay-inspector sdk-replay: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof Error &&
      /Cannot find module|ERR_MODULE_NOT_FOUND|ENOENT/.test(
        `${error.message} ${(error as { code?: string }).code ?? ''}`,
      )
    ) {
      io.err(`replay-inspector sdk-replay: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function finish(result: SdkReplayResult, journal: Journal, json: boolean, io: CliIo): number {
  const code = exitCode(result, journal);
  if (json) io.out(JSON.stringify({ invocationId: journal.invocationId, ...result }, null, 2) + '\n');
  else io.out(reportText(result, journal));
  return code;
}

/** Suspended counts as clean only when the journal itself ends unfinished (no Output): the code waits where it did. */
export function exitCode(result: SdkReplayResult, journal: Journal): number {
  if (result.verdict === 'mismatch' || result.verdict === 'failed') return 1;
  if (result.verdict === 'stopped') return 3;
  const hasOutput = journal.entries.some((e) => e.kind === 'command' && e.type === 'Output');
  if (result.verdict === 'suspended') return hasOutput ? 1 : 0;
  return result.newCommands.length > 0 && hasOutput ? 1 : 0;
}

async function readOneJournal(path: string, wanted: string | undefined, io: CliIo): Promise<Journal> {
  let files: { name: string; text: string }[];
  try {
    files = (await stat(path)).isDirectory()
      ? await folderFiles(path, io)
      : [{ name: path, text: new TextDecoder().decode(await io.readFile(path)) }];
  } catch (error) {
    throw new SdkReplayInputError(
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
      'SDK_REPLAY_READ',
    );
  }
  const { journals } = readJournalFiles(files);
  const journal = wanted ? journals.find((j) => j.invocationId === wanted) : journals[0];
  if (!journal)
    throw new SdkReplayInputError(
      `no invocation ${wanted} in ${path} (it has ${journals.map((j) => j.invocationId).join(', ') || 'none'})`,
      'SDK_REPLAY_ID',
    );
  if (!wanted && journals.length > 1)
    io.err(`note: ${journals.length} invocations in ${path}; replaying ${journal.invocationId} (choose with --id)\n`);
  return journal;
}
