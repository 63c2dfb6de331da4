// `replay-inspector simulate <scenario-file> [--seed N] [--crash-at MS]... [--cancel-at MS] [--steps-max N]
// [--target Service/handler] [--input JSON] [-o out.json]`
// Simulates a scenario and writes its journal as a native journal file (src/model/files.ts), to stdout without -o.
// A real-SDK module (defineSdkScenario, or bare restate.service definitions with --target) is simulated by the real
// SDK behind the simulated server (src/sdk-sim, docs/sdk-simulation.md).
import type { NativeJournalFile } from '../../model';
import { simulate, SimError, type SimulateOptions } from '../../sim';
import { simRunRecord } from '../../run/run-record';
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { loadAnyScenario, ScenarioLoadError } from './scenario-loader';
import { simulateSdk } from '../../sdk-sim/server';
import { nodeSdkSimHost } from '../../sdk-sim/node-host';

const USAGE =
  'Usage: replay-inspector simulate <scenario-file> [--seed N] [--crash-at MS]... [--cancel-at MS] [--steps-max N] [--target Service/handler] [--input JSON] [-o out.json]\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(args, { o: 'output' });
  if (positional.length !== 1) {
    io.err(`replay-inspector simulate: expected one scenario file.\n${USAGE}`);
    return 2;
  }
  const options: SimulateOptions = {};
  let input: { value: unknown } | undefined;
  try {
    // The handler's input: a handler file from Restate's documentation has no scenario around it to give one.
    const inputText = flags.get('input')?.at(-1);
    if (inputText !== undefined) input = { value: parseInput(inputText) };
    const seed = intFlag(flags, 'seed');
    if (seed !== undefined) options.seed = seed;
    const crashes = (flags.get('crash-at') ?? []).map((v) => toInt('crash-at', v));
    if (crashes.length > 0) options.crashes = crashes.map((atMs) => ({ atMs }));
    const cancelAtMs = intFlag(flags, 'cancel-at');
    if (cancelAtMs !== undefined) options.cancelAtMs = cancelAtMs;
    const stepsMax = intFlag(flags, 'steps-max');
    if (stepsMax !== undefined) options.stepsMax = stepsMax;
  } catch (error) {
    io.err(`replay-inspector simulate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const loaded = await loadAnyScenario(positional[0], flags.get('target')?.[0]);
    const withInput = <T extends object>(scenario: T): T => (input ? { ...scenario, input: input.value } : scenario);
    const scenario = loaded.scenario;
    const sim =
      loaded.kind === 'ours'
        ? await simulate(withInput(loaded.scenario), options)
        : await simulateSdk(await nodeSdkSimHost(loaded.path), withInput(loaded.scenario), options);
    const file: NativeJournalFile = {
      format: 'replay-inspector/journal',
      version: 1,
      journal: sim.journal,
      run: simRunRecord(scenario.name, sim),
    };
    const text = JSON.stringify(file, null, 2) + '\n';
    const output = flags.get('output')?.[0];
    if (output) {
      await io.writeFile(output, text);
      const attempts = sim.attempts.map((a) => a.end).join(', ');
      io.out(
        `wrote ${output}: ${sim.journal.entries.length} entries, ${sim.decisions.length} decisions, attempts: ${attempts}, status ${sim.journal.status}, output ${JSON.stringify(sim.output)}\n`,
      );
    } else io.out(text);
    return 0;
  } catch (error) {
    if (error instanceof ScenarioLoadError) {
      io.err(`replay-inspector simulate: ${error.message}\n`);
      return 2;
    }
    if (error instanceof SimError) {
      io.err(`replay-inspector simulate: error ${error.code}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function parseInput(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`--input must be JSON (${(error as Error).message}), got '${text.slice(0, 80)}'`, { cause: error });
  }
}

function intFlag(flags: Map<string, string[]>, name: string): number | undefined {
  const values = flags.get(name);
  if (!values) return undefined;
  return toInt(name, values[values.length - 1]);
}

function toInt(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`--${name} needs a whole number ≥ 0, got '${value}'`);
  return Number(value);
}
