// simulate(scenario, options) → SimRun: runs attempts of the handler on a virtual clock until it finishes,
// suspends or hits a limit. A crash or a transient run failure ends an attempt; the server keeps appending what
// completes on its side while the handler is down; the next attempt replays the journal, then goes live.
import type { Attempt, Decision, FutureTree, RunOutput, SimRun } from '../model';
import type { AttemptResult } from './engine-types';
import type { Scenario } from './scenario';
import { Budget } from './budget';
import { Engine } from './engine';
import { describeEnd, transientEvent, TransientErrorDedup } from './attempt-events';
import { invocationRetryDelayMs } from './retry-policy';
import { SimError } from './errors';
import { completionOrder } from '../model/future-ids';
import { JournalWriter } from './journal-writer';
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
  /**
   * The invocation retry policy's max attempts, the first included (default 20; Restate's default is 70). When a
   * retry is needed after that many, the invocation is paused (Restate 1.7 `on-max-attempts = "pause"`). Attempts
   * retried with a delay chosen by a run's own retry policy do not count (the server skips its policy for them).
   */
  attemptsMax?: number;
  /** First delay of the invocation retry policy; doubles each retry, capped at 10 s (default 100 ms). */
  retryDelayMs?: number;
}

export const ATTEMPTS_MAX_DEFAULT = 20;
export const RETRY_DELAY_DEFAULT_MS = 100;

export function simulationInvocationId(scenarioName: string, seed: number): string {
  return `inv_sim_${scenarioName.replace(/[^A-Za-z0-9]+/g, '-')}_${seed}`;
}

/** One attempt as the attempt loop sees it: our engine's, or the real SDK's behind the simulated server. */
export interface AttemptRunner {
  run(): Promise<AttemptResult>;
  /** Commands this attempt appended (not replayed). */
  readonly appendedCommands: number;
  readonly decisions: Decision[];
}

/** What an attempt starts from. */
export interface AttemptStart {
  attempt: number;
  writer: JournalWriter;
  world: World;
  budget: Budget;
  invocationId: string;
  /** The input value, as it reads back from the Input command. */
  input: unknown;
  /** The server's `retry_count_since_last_stored_entry` for this attempt's StartMessage. */
  retryCountSinceLastCommand: number;
}

/** The scenario fields the attempt loop needs (both scenario forms have them). */
export interface SimulationSubject {
  name: string;
  /** The invocation's target as Restate names it (`Service/handler`, `Object/key/handler`); default `Sim/<name>`. */
  invocationTarget?: string;
  input?: unknown;
  world?: Scenario['world'];
  defaults?: Scenario['defaults'];
}

export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimRun> {
  if (!scenario || typeof scenario.handler !== 'function')
    throw new SimError('SIM_BAD_SCENARIO', 'simulate: pass a scenario made with defineScenario');
  return simulateAttempts(scenario, options, (start) => {
    const engine = new Engine({
      attempt: start.attempt,
      entries: start.writer.entries,
      commands: start.writer.commands,
      recordedCommands: start.writer.commands.length,
      invocationId: start.invocationId,
      budget: start.budget,
      writer: start.writer,
      world: start.world,
      runRetryDefault: scenario.defaults?.runRetry,
      retryCountAtStart: start.retryCountSinceLastCommand,
    });
    return {
      run: () => engine.run(scenario.handler, start.input),
      get appendedCommands() {
        return engine.appendedCommands;
      },
      decisions: engine.decisions,
    };
  });
}

/**
 * The server side of a simulation: the world, the journal, and attempts until the invocation finishes, suspends
 * or is paused. Each attempt is run by `startAttempt` (our engine, or the real SDK in src/sdk-sim).
 */
export async function simulateAttempts(
  scenario: SimulationSubject,
  options: SimulateOptions,
  startAttempt: (start: AttemptStart) => AttemptRunner,
): Promise<SimRun> {
  const defaults = scenario.defaults ?? {};
  const seed = checkInt('seed', options.seed ?? defaults.seed ?? 1);
  const crashes = (options.crashes ?? defaults.crashes ?? []).map((c, i) => checkInt(`crashes[${i}].atMs`, c?.atMs));
  const cancelAtMs = options.cancelAtMs ?? defaults.cancelAtMs;
  if (cancelAtMs !== undefined) checkInt('cancelAtMs', cancelAtMs);
  const attemptsMax = Math.max(
    1,
    checkInt('attemptsMax', options.attemptsMax ?? defaults.attemptsMax ?? ATTEMPTS_MAX_DEFAULT),
  );
  const retryDelayMs = checkInt(
    'retryDelayMs',
    options.retryDelayMs ?? defaults.retryDelayMs ?? RETRY_DELAY_DEFAULT_MS,
  );
  const budget = new Budget(options.stepsMax);
  const writer = new JournalWriter();
  const invocationId = simulationInvocationId(scenario.name, seed);
  const world = new World(scenario.world ?? {}, seed, writer, budget, crashes);
  if (cancelAtMs !== undefined) world.scheduleCancel(cancelAtMs);
  const inputEntry = writer.appendCommand({
    type: 'Input',
    name: '',
    completionIds: [],
    result: successResult(scenario.input),
  });
  const input = inputEntry.result?.kind === 'success' ? valueOfPayload(inputEntry.result.payload) : undefined;

  const attempts: Attempt[] = [];
  const decisions: Decision[] = [];
  let output: RunOutput | null = null;
  let status: string;
  let awaiting: FutureTree | null = null;
  // The server's retry bookkeeping (restate `crates/invoker-impl/src/invocation_state_machine.rs`): attempts counted
  // by the invocation retry policy, and the retry count since the last stored command sent in the StartMessage.
  let policyAttempts = 1;
  let retryCountSinceLastCommand = 0;
  const dedup = new TransientErrorDedup();
  for (let n = 1; ; n++) {
    const startMs = writer.nowMs;
    const startEntryIndex = writer.entries.length;
    const engine = startAttempt({
      attempt: n,
      writer,
      world,
      budget,
      invocationId,
      input,
      retryCountSinceLastCommand,
    });
    const result = await engine.run();
    if (engine.appendedCommands > 0) {
      retryCountSinceLastCommand = 0;
      dedup.commandWritten();
    }
    for (const decision of engine.decisions) decisions.push(decision);
    const { end, reason } = describeEnd(result);
    attempts.push({
      attempt: n,
      startMs,
      endMs: writer.nowMs,
      end,
      reason,
      startEntryIndex,
      endEntryIndex: writer.entries.length,
    });
    if (result.end === 'done') {
      output = result.output;
      status = 'completed';
      break;
    }
    if (result.end === 'suspension') {
      status = 'suspended';
      awaiting = result.awaiting;
      writer.addEvent({
        type: 'Suspended',
        afterEntryIndex: writer.lastIndex,
        appendedAtMs: writer.nowMs,
        ...(awaiting ? { awaitingOn: awaiting } : {}),
      });
      break;
    }
    if (result.end === 'mismatch') {
      status = 'paused';
      break;
    }
    const event = transientEvent(writer, result);
    if (event && dedup.shouldEmit(event)) writer.addEvent(event);
    retryCountSinceLastCommand++;
    const delayOverrideMs = result.end === 'transient' ? result.delayMs : null;
    if (delayOverrideMs === null && policyAttempts >= attemptsMax) {
      status = 'paused';
      const last = attempts[attempts.length - 1];
      last.end = 'limit';
      last.reason += `; attemptsMax ${attemptsMax} reached: the invocation is paused (Restate default-retry-policy on-max-attempts = "pause")`;
      // A real Paused event carries the last failure (test/fixtures/restate-1.7.12/paused/events.query.json).
      const lastFailure = event ? `[${event.code}] ${event.message}` : last.reason;
      writer.addEvent({
        type: 'Paused',
        afterEntryIndex: writer.lastIndex,
        appendedAtMs: writer.nowMs,
        message: `max attempts (${attemptsMax}) reached; last failure: ${lastFailure}`,
      });
      break;
    }
    let delayMs: number;
    if (delayOverrideMs !== null) delayMs = delayOverrideMs;
    else delayMs = invocationRetryDelayMs(retryDelayMs, policyAttempts++);
    world.advanceWhileDown(writer.nowMs + delayMs);
  }

  const journal = writer.toJournal({
    invocationId,
    target: scenario.invocationTarget ?? `Sim/${scenario.name}`,
    status,
    output: output ? ('value' in output ? 'success' : 'failure') : null,
  });
  if (status === 'suspended') journal.awaiting = awaiting;
  if (output && 'failure' in output) journal.completionFailure = `[${output.failure.code}] ${output.failure.message}`;
  return { journal, decisions, attempts, output, completionOrder: completionOrder(writer.entries), seed };
}

function checkInt(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SimError('SIM_BAD_OPTIONS', `${name} must be an integer ≥ 0, got ${JSON.stringify(value)}`);
  }
  return value;
}
