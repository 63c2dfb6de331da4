// Every built-in scenario simulates to completion and replays without mismatch; the deliberate pair gives 570.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate, replay } from '../src/sim';
import { endsPaused, mismatchPairs, scenarios } from './index';

const lastAttempt = <T extends { attempt: number }>(items: T[]) => {
  const last = Math.max(...items.map((d) => d.attempt));
  return items.filter((d) => d.attempt === last).map(({ attempt: _a, ...rest }) => rest);
};

describe('built-in scenarios', () => {
  it('there are at least 12, with unique names and a description each', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.description.length).toBeGreaterThan(40);
  });

  for (const s of scenarios) {
    it(`${s.name}: simulates to completion and replays without mismatch`, async () => {
      const run = await simulate(s);
      // Plain data: it crosses a Worker boundary and is saved as JSON.
      expect(structuredClone(run)).toEqual(run);
      expect(JSON.parse(JSON.stringify(run.decisions))).toEqual(run.decisions);
      const paused = endsPaused.has(s);
      expect(run.journal.status).toBe(paused ? 'paused' : 'completed');
      if (paused) expect(run.output).toBeNull();
      else expect(run.output).not.toBeNull();
      const r = await replay(s, run.journal);
      expect(r.mismatch).toBeNull();
      expect(r.output).toEqual(run.output);
      expect(r.decisions.map(({ attempt: _a, ...d }) => d)).toEqual(lastAttempt(run.decisions));
    });

    it(`${s.name}: file follows the convention (plain JS, imports only ../src/sim, default export)`, () => {
      const text = readFileSync(join(__dirname, `${s.name}.ts`), 'utf8');
      expect(text.startsWith("import { defineScenario")).toBe(true);
      expect(text).toMatch(/from '\.\.\/src\/sim';\n/);
      expect(text.match(/^import /gm)).toHaveLength(1);
      expect(text).toMatch(/export default defineScenario\(\{[\s\S]*\}\);\n$/);
      expect(text).not.toMatch(/\bas (const|any|unknown|string|number)\b|: (string|number|unknown|any)\b|\binterface\b/);
    });
  }

  it('replaying the original journal with the changed handler gives a 570 journal mismatch', async () => {
    for (const { original, changed } of mismatchPairs) {
      const run = await simulate(original);
      const r = await replay(changed, run.journal);
      expect(r.mismatch).toMatchObject({ code: 570, commandIndex: 1, expected: "Run 'create-account'", actual: "Run 'fraud-check'" });
    }
  });

  it('run-retry-exhausted: two failed attempts, then the run fails terminally and the handler falls back', async () => {
    const s = scenarios.find((x) => x.name === 'run-retry-exhausted')!;
    const run = await simulate(s);
    expect(run.attempts.map((a) => [a.end, a.startMs])).toEqual([['transient-failure', 0], ['transient-failure', 95], ['done', 225]]);
    expect(run.output).toEqual({ value: { order: 'o-17', paid: false, reason: '[500] gateway timeout', invoice: 'inv-o-17' } });
    // Identical consecutive errors are recorded once, as the server does; the first attempt wrote commands.
    expect(run.journal.events.map((e) => e.type)).toEqual(['TransientError']);
  });

  it('handler-transient-error: every attempt fails the same way on replay, then the invocation is paused', async () => {
    const s = scenarios.find((x) => x.name === 'handler-transient-error')!;
    const run = await simulate(s);
    expect(run.attempts.map((a) => a.end)).toEqual(['transient-failure', 'transient-failure', 'transient-failure', 'limit']);
    expect(run.journal.events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
    expect(new Set(run.decisions.map((d) => d.winner))).toEqual(new Set(['c2']));
  });

  it('the crash scenario crashes once and its race goes the other way on replay', async () => {
    const s = scenarios.find((x) => x.name === 'crash-and-replay')!;
    const run = await simulate(s);
    expect(run.attempts.map((a) => a.end)).toEqual(['crash', 'done']);
    expect(run.output).toEqual({ value: { timedOut: true } });
    const noCrash = await simulate(s, { crashes: [] });
    expect(noCrash.output).toEqual({ value: { report: 'report' } });
  });
});
