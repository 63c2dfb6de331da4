// simulate(scenario, options) → SimRun: runs attempts of the handler on a virtual clock until it finishes,
// suspends or hits a limit. A crash or a transient run failure ends an attempt; the server keeps appending what
// completes on its side while the handler is down; the next attempt replays the journal, then goes live.
import type { Attempt, AttemptEnd, Decision, FutureTree, RunOutput, SimRun } from '../model';
import type { Scenario } from './scenario';
import { Budget } from './budget';
import { Engine, type AttemptResult } from './engine';
import { SimError } from './errors';
import { JournalWriter, notificationFutureId } from './journal-writer';
import { successResult, valueOfPayload } from './payload';
import { World } from './world';

export interface SimulateOptions {
  /** Seed of the PRNG that draws latencies (default: scenario.defaults.seed, else 1). */
  seed?: number;
  /** End the attempt running at each of these virtual times (default: scenario.defaults.crashes). */
  crashes?: { atMs: number }[];
  /** Cancel the invocation from outside at this virtual time (default: scenario.defaults.cancelAtMs). */
  cancelAtMs?: number;
  /** Limit on events + notifications processed (default 1,000,000): SimError SIM_STEPS_EXCEEDED beyond. */
  stepsMax?: number;
  /** Limit on attempts (default 20): the invocation is left backing off after that. */
  attemptsMax?: number;
  /** First retry delay; doubles each attempt, capped at 10 s (default 100 ms). */
  retryDelayMs?: number;
}

export const ATTEMPTS_MAX_DEFAULT = 20;
export const RETRY_DELAY_DEFAULT_MS = 100;
const RETRY_DELAY_CAP_MS = 10_000;

export function simulationInvocationId(scenarioName: string, seed: number): string {
  return `inv_sim_${scenarioName.replace(/[^A-Za-z0-9]+/g, '-')}_${seed}`;
}

export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimRun> {
  if (!scenario || typeof scenario.handler !== 'function') throw new SimError('SIM_BAD_SCENARIO', 'simulate: pass a scenario made with defineScenario');
  const defaults = scenario.defaults ?? {};
  const seed = checkInt('seed', options.seed ?? defaults.seed ?? 1);
  const crashes = (options.crashes ?? defaults.crashes ?? []).map((c, i) => checkInt(`crashes[${i}].atMs`, c?.atMs));
  const cancelAtMs = options.cancelAtMs ?? defaults.cancelAtMs;
  if (cancelAtMs !== undefined) checkInt('cancelAtMs', cancelAtMs);
  const attemptsMax = checkInt('attemptsMax', options.attemptsMax ?? ATTEMPTS_MAX_DEFAULT);
  const retryDelayMs = checkInt('retryDelayMs', options.retryDelayMs ?? RETRY_DELAY_DEFAULT_MS);
  const budget = new Budget(options.stepsMax);
  const writer = new JournalWriter();
  const invocationId = simulationInvocationId(scenario.name, seed);
  const world = new World(scenario.world ?? {}, seed, writer, budget, crashes);
  if (cancelAtMs !== undefined) world.scheduleCancel(cancelAtMs);
  const inputEntry = writer.appendCommand({ type: 'Input', name: '', completionIds: [], result: successResult(scenario.input) });
  const input = inputEntry.result?.kind === 'success' ? valueOfPayload(inputEntry.result.payload) : undefined;

  const attempts: Attempt[] = [];
  const decisions: Decision[] = [];
  let output: RunOutput | null = null;
  let status: string;
  let awaiting: FutureTree | null = null;
  for (let n = 1; ; n++) {
    const startMs = writer.nowMs;
    const startEntryIndex = writer.entries.length;
    const engine = new Engine({
      attempt: n,
      entries: writer.entries,
      commands: writer.commands,
      recordedCommands: writer.commands.length,
      invocationId,
      budget,
      writer,
      world,
    });
    const result = await engine.run(scenario.handler, input);
    for (const decision of engine.decisions) decisions.push(decision);
    const { end, reason } = describeEnd(result);
    attempts.push({ attempt: n, startMs, endMs: writer.nowMs, end, reason, startEntryIndex, endEntryIndex: writer.entries.length });
    if (result.end === 'done') {
      output = result.output;
      status = 'completed';
      break;
    }
    if (result.end === 'suspension') {
      status = 'suspended';
      awaiting = result.awaiting;
      writer.addEvent({ type: 'Suspended', afterEntryIndex: writer.lastIndex, appendedAtMs: writer.nowMs, ...(awaiting ? { awaitingOn: awaiting } : {}) });
      break;
    }
    if (result.end === 'mismatch') {
      status = 'paused';
      break;
    }
    writer.addEvent(transientEvent(writer, result));
    if (n >= attemptsMax) {
      status = 'backing-off';
      attempts[attempts.length - 1].reason += ` (attemptsMax ${attemptsMax} reached: simulation stopped)`;
      break;
    }
    world.advanceWhileDown(writer.nowMs + Math.min(retryDelayMs * 2 ** (n - 1), RETRY_DELAY_CAP_MS));
  }

  const journal = writer.toJournal({
    invocationId,
    target: `Sim/${scenario.name}`,
    status,
    output: output ? ('value' in output ? 'success' : 'failure') : null,
  });
  if (status === 'suspended') journal.awaiting = awaiting;
  if (output && 'failure' in output) journal.completionFailure = `[${output.failure.code}] ${output.failure.message}`;
  const completionOrder: string[] = [];
  for (const entry of writer.entries) {
    if (entry.kind !== 'notification') continue;
    const id = notificationFutureId(entry);
    if (id) completionOrder.push(id);
  }
  return { journal, decisions, attempts, output, completionOrder, seed };
}

function describeEnd(result: AttemptResult): { end: AttemptEnd; reason: string } {
  switch (result.end) {
    case 'done':
      if ('failure' in result.output && result.output.failure.code === 409) return { end: 'cancelled', reason: 'the invocation was cancelled (409)' };
      return { end: 'done', reason: 'value' in result.output ? 'the handler returned' : `the handler failed: ${result.output.failure.message}` };
    case 'crash':
      return { end: 'crash', reason: `simulated crash at ${result.atMs} ms: runs in flight are lost` };
    case 'transient':
      return { end: 'transient-failure', reason: `run '${result.name}' failed transiently (execution ${result.execution} of ${result.failures} failing)` };
    case 'suspension':
      return { end: 'suspension', reason: result.reason };
    case 'mismatch':
      return { end: 'limit', reason: result.mismatch.message };
  }
}

function transientEvent(writer: JournalWriter, result: AttemptResult) {
  const base = { type: 'TransientError' as const, afterEntryIndex: writer.lastIndex, appendedAtMs: writer.nowMs, code: 500 };
  if (result.end === 'transient') {
    const command = writer.commands.find((c) => c.type === 'Run' && c.completionIds[0] === result.completionId);
    return {
      ...base,
      message: `run '${result.name}' failed with a retryable error (simulated, execution ${result.execution})`,
      relatedCommandIndex: command?.commandIndex,
      relatedCommandName: result.name,
      relatedCommandType: 'Run',
    };
  }
  return { ...base, message: 'simulated crash: the handler process died (stream closed)', docCode: 'RT0010' };
}

function checkInt(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SimError('SIM_BAD_OPTIONS', `${name} must be an integer ≥ 0, got ${JSON.stringify(value)}`);
  }
  return value;
}
