// Shared helpers for the simulator's tests (not exported from the package).
import type { Decision, SimRun } from '../model';
import { defineScenario, type Behaviour, type ScenarioSpec, type Scenario } from './scenario';

export function scenario(
  world: Record<string, Behaviour | Behaviour[]>,
  handler: ScenarioSpec['handler'],
  extra: Partial<ScenarioSpec> = {},
): Scenario {
  return defineScenario({ name: 'test', world, handler, ...extra });
}

/** Decisions without the attempt number (to compare a replay with a simulated attempt). */
export function stripAttempt(decisions: Decision[]): Omit<Decision, 'attempt'>[] {
  return decisions.map(({ attempt: _attempt, ...rest }) => rest);
}

export function lastAttemptDecisions(run: SimRun): Decision[] {
  const last = run.attempts[run.attempts.length - 1].attempt;
  return run.decisions.filter((d) => d.attempt === last);
}

/** Compact journal log: `Type name` for commands, `=> id result` for notifications. */
export function journalLog(run: SimRun): string[] {
  return run.journal.entries.map((e) => {
    if (e.kind === 'command') return `${e.appendedAtMs} ${e.type}${e.name ? ' ' + e.name : ''}`;
    if (e.kind === 'notification') {
      const id = e.completionId !== undefined ? `c${e.completionId}` : `s${e.signalIndex}`;
      const r = e.result;
      const what =
        r.kind === 'failure'
          ? `failure ${r.failure.code}`
          : r.kind === 'success'
            ? `success ${r.payload?.text ?? ''}`
            : r.kind;
      return `${e.appendedAtMs} => ${id} ${what}`;
    }
    return 'unknown';
  });
}
