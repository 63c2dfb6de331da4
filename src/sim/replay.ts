// replay(scenario, journal) → ReplayRun: re-executes the handler against a recorded journal with no live world.
// Commands are matched by command index; notifications are popped in journal order; a difference, or an await
// with no notification left while recorded commands remain, is a 570 journal mismatch (facts §3).
import type { CommandEntry, Journal, ReplayRun } from '../model';
import type { Scenario } from './scenario';
import { Budget } from './budget';
import { Engine } from './engine';
import { SimError } from './errors';
import { describeCommand } from './matching';
import { valueOfPayload } from './payload';

export interface ReplayOptions {
  /** Limit on notifications popped (default 1,000,000). */
  stepsMax?: number;
  /** The attempt number written on the decisions (default 1). */
  attempt?: number;
  /**
   * Compare success payloads (the Output value, a call's parameter) as Restate does by default (true). false mirrors
   * sdk-shared-core `NonDeterministicChecksOption::PayloadChecksDisabled` (sdk-typescript with a journal codec):
   * a differing Output value is then only reported in `notes`.
   */
  payloadChecks?: boolean;
}

export async function replay(scenario: Scenario, journal: Journal, options: ReplayOptions = {}): Promise<ReplayRun> {
  if (!scenario || typeof scenario.handler !== 'function')
    throw new SimError('SIM_BAD_SCENARIO', 'replay: pass a scenario made with defineScenario');
  if (!journal || !Array.isArray(journal.entries))
    throw new SimError('SIM_BAD_OPTIONS', 'replay: the journal has no entries array');
  const commands = journal.entries.filter((e): e is CommandEntry => e.kind === 'command');
  const first = commands[0];
  if (!first || first.type !== 'Input') {
    const expected = first ? describeCommand(first) : 'no command at all';
    return {
      decisions: [],
      output: null,
      mismatch: {
        code: 570,
        commandIndex: 0,
        expected,
        actual: 'Input',
        message: `Journal mismatch (570) at command 0: a journal starts with Input, this one has ${expected}.`,
      },
    };
  }
  const input = first.result?.kind === 'success' ? valueOfPayload(first.result.payload) : undefined;
  const engine = new Engine({
    attempt: options.attempt ?? 1,
    entries: journal.entries,
    commands,
    recordedCommands: commands.length,
    invocationId: journal.invocationId,
    budget: new Budget(options.stepsMax),
    payloadChecks: options.payloadChecks ?? true,
  });
  const result = await engine.run(scenario.handler, input);
  const notes = [...engine.notes];
  if (result.end === 'handler-error')
    notes.push(
      `the handler threw a retryable error (the attempt would fail and be retried): ${result.failure.message}`,
    );
  const run: ReplayRun = {
    decisions: engine.decisions,
    output: result.end === 'done' ? result.output : null,
    mismatch: result.end === 'mismatch' ? result.mismatch : null,
  };
  if (notes.length > 0) run.notes = notes;
  return run;
}
