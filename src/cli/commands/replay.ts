// `replay-inspector replay <scenario-file> <journal-file> [--id inv_…]`: replays a journal (native file or any
// Restate export the reader knows) against a scenario's handler; prints each decision on a line, then the output.
// Exit 1 with the mismatch on a 570 journal mismatch; 2 on bad input. A real-SDK module is replayed by the real SDK
// (src/sdk-host/replay.ts; a simulated journal without raw rows is framed from its entries, src/sdk-sim/entries.ts):
// exit 3 when it stops before a run the journal has no result for.
import type { Decision, RunOutput } from '../../model';
import { ReaderError, readJournals } from '../../journal-reader';
import { replay, SimError } from '../../sim';
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { loadAnyScenario, ScenarioLoadError } from './scenario-loader';
import { sdkReplay, SdkReplayInputError } from '../../sdk-host/replay';
import { loadNodeSdk } from '../../sdk-host/node-sdk';
import { framesOfSimulatedJournal } from '../../sdk-sim/entries';
import type { SdkScenario } from '../../sdk-sim/sdk-scenario';
import type { Journal } from '../../model';
import { errorText } from './summary';

const USAGE = 'Usage: replay-inspector replay <scenario-file> <journal-file> [--id inv_…] [--target Service/handler]\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (positional.length !== 2) {
    io.err(`replay-inspector replay: expected a scenario file and a journal file.\n${USAGE}`);
    return 2;
  }
  const [scenarioPath, journalPath] = positional;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await io.readFile(journalPath));
  } catch (error) {
    io.err(
      `replay-inspector replay: cannot read ${journalPath}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  try {
    const loaded = await loadAnyScenario(scenarioPath, flags.get('target')?.[0]);
    const { journals } = readJournals(text, { fileName: journalPath });
    const wanted = flags.get('id')?.[0];
    const journal = wanted ? journals.find((j) => j.invocationId === wanted) : journals[0];
    if (!journal) {
      io.err(
        `replay-inspector replay: no invocation ${wanted} in ${journalPath} (it has ${journals.map((j) => j.invocationId).join(', ')})\n`,
      );
      return 2;
    }
    if (!wanted && journals.length > 1)
      io.err(
        `note: ${journals.length} invocations in the file; replaying ${journal.invocationId} (choose with --id)\n`,
      );
    if (loaded.kind === 'sdk') return await replayWithSdk(loaded.scenario, loaded.path, journal, io);
    const scenario = loaded.scenario;
    const result = await replay(scenario, journal);
    io.out(
      `replay of ${journal.invocationId} with scenario '${scenario.name}': ${result.decisions.length} decisions\n`,
    );
    result.decisions.forEach((d, i) => io.out(decisionLine(d, i) + '\n'));
    if (result.mismatch) {
      const m = result.mismatch;
      io.out(
        `journal mismatch ${m.code} at command ${m.commandIndex}: expected ${m.expected}, actual ${m.actual}\n  ${m.message}\n`,
      );
      return 1;
    }
    for (const note of result.notes ?? []) io.out(`note: ${note}\n`);
    io.out(`output: ${outputText(result.output)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ReaderError) {
      io.err(errorText(error));
      return 2;
    }
    if (error instanceof ScenarioLoadError) {
      io.err(`replay-inspector replay: ${error.message}\n`);
      return 2;
    }
    if (error instanceof SimError || error instanceof SdkReplayInputError) {
      io.err(`replay-inspector replay: error ${error.code}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** The real SDK replays the journal (offline, runs never executed): decisions from its VM, then its verdict. */
async function replayWithSdk(scenario: SdkScenario, path: string, journal: Journal, io: CliIo): Promise<number> {
  const { service, handler, key } = scenario.target;
  const target = key ? `${service}/${key}/${handler}` : `${service}/${handler}`;
  const hasRaw = journal.entries.every((e) => e.raw !== undefined);
  const frames = hasRaw ? undefined : framesOfSimulatedJournal(journal.entries);
  const result = await sdkReplay(await loadNodeSdk(path), scenario.services, journal, target, frames);
  io.out(
    `replay of ${journal.invocationId} with the real SDK ${result.sdkVersion} (${target}): ${result.decisions.length} decisions\n`,
  );
  result.decisions.forEach((d, i) => io.out(decisionLine(d, i) + '\n'));
  if (result.mismatch) {
    const m = result.mismatch;
    io.out(`journal mismatch 570 at command ${m.commandIndex}: ${m.message}\n`);
    return 1;
  }
  if (result.stoppedAt) {
    io.out(`stopped before executing run '${result.stoppedAt.run}' (command ${result.stoppedAt.commandIndex})\n`);
    return 3;
  }
  if (result.error) {
    io.out(`failed: [${result.error.code}] ${result.error.message}\n`);
    return 1;
  }
  io.out(`verdict: ${result.verdict}\n`);
  return 0;
}

/** e.g. `#2 entry 8: select(c4, c5) → c4 won (key c); completed c4; pending c5 [success]` */
export function decisionLine(d: Decision, i: number): string {
  const parts = [`#${i + 1} entry ${d.entryIndex}: ${d.combinator}(${d.futures.join(', ')})`];
  if (d.winner) parts[0] += ` → ${d.winner} won${d.key !== undefined ? ` (key ${d.key})` : ''}`;
  parts.push(`completed ${d.completed.join(', ') || '-'}`);
  parts.push(`pending ${d.pending.join(', ') || '-'}`);
  return `${parts.join('; ')} [${d.outcome ?? 'success'}]${d.note ? ` ${d.note}` : ''}`;
}

function outputText(output: RunOutput | null): string {
  if (output === null)
    return 'none (the journal ends before the handler finished, or the handler failed with a retryable error)';
  if ('value' in output) return JSON.stringify(output.value);
  return `failure ${output.failure.code}: ${output.failure.message}`;
}
