// The differential oracle: random durable handlers (./program.ts: runs, sleeps, calls, awakeables and their
// completion from inside, promises, sends, attaches, named signals, failures, all/any/race/allSettled, orTimeout, nesting, crashes
// at random times, a cancel) rendered once with our scenario API and once as real SDK code, simulated by our engine
// and by the real SDK behind the simulated server: the same journal (entries, events, attempts, status, output) and
// the same decisions, await for await, nested ones included (src/sdk-sim/compare-runs.ts). The count is fixed (not a time budget); every difference found is pinned below
// and written down in docs/restate-semantics-notes.md §8.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SimRun } from '../../model';
import { simulate } from '../../sim';
import { simulateSdk } from '../server';
import { nodeSdkSimHost } from '../node-host';
import { comparableRun, decisionDifference, hasPreSettledTie } from '../compare-runs';
import { attachCases } from './coverage';
import { attachProgramArb, programArb, sharesLeafAcrossChildren, signalProgramArb, type Program } from './program';
import { scenarioOf } from './render-ours';
import { sdkScenarioOf } from './render-sdk';

export const PROGRAMS = 600;
/** Programs built around an attach (attachProgramArb), on top of PROGRAMS. */
export const ATTACH_PROGRAMS = 200;
/** Programs with named signals (signalProgramArb), on top of those. */
export const SIGNAL_PROGRAMS = 200;
const host = nodeSdkSimHost(import.meta.filename);

type Outcome = { run: SimRun } | { error: string };

async function outcome(simulateIt: () => Promise<SimRun>): Promise<Outcome> {
  try {
    return { run: await simulateIt() };
  } catch (error) {
    return { error: String((error as { code?: string }).code ?? error) };
  }
}

async function bothEngines(program: Program): Promise<{ ours: Outcome; real: Outcome }> {
  const options = { seed: program.seed, crashes: program.crashes, cancelAtMs: program.cancelAtMs, attemptsMax: 6 };
  const ours = await outcome(() => simulate(scenarioOf(program, 'diff'), options));
  const sdk = await host;
  const real = await outcome(() => simulateSdk(sdk, sdkScenarioOf(program, 'diff'), options));
  return { ours, real };
}

async function expectSame(program: Program, skipTies = false): Promise<SimRun | undefined> {
  const { ours, real } = await bothEngines(program);
  // A documented difference (hasPreSettledTie): fast-check draws another program instead.
  if (skipTies && 'run' in ours) fc.pre(!hasPreSettledTie(ours.run));
  if ('error' in ours || 'error' in real) {
    expect(real).toEqual(ours);
    return undefined;
  }
  expect(comparableRun(real.run)).toEqual(comparableRun(ours.run));
  expect(decisionDifference(ours.run, real.run)).toBeNull();
  return real.run;
}

const leaf = (pick: number) => ({ kind: 'leaf' as const, pick });

describe('differential: our engine against the real SDK', () => {
  it(`${PROGRAMS} random programs: the same journal, decisions and output (seed 14)`, async () => {
    await fc.assert(
      fc.asyncProperty(programArb, async (program) => {
        await expectSame(program, true);
      }),
      { seed: 14, numRuns: PROGRAMS },
    );
  });

  it(`${ATTACH_PROGRAMS} programs around an attach: the same journal, decisions and output (seed 14)`, async () => {
    await fc.assert(
      fc.asyncProperty(attachProgramArb, async (program) => {
        await expectSame(program, true);
      }),
      { seed: 14, numRuns: ATTACH_PROGRAMS },
    );
  });

  it(`${SIGNAL_PROGRAMS} programs with named signals: the same journal, decisions and output (seed 14)`, async () => {
    await fc.assert(
      fc.asyncProperty(signalProgramArb, async (program) => {
        await expectSame(program, true);
      }),
      { seed: 14, numRuns: SIGNAL_PROGRAMS },
    );
  });

  it('the programs reach promises (gets, peeks, listeners, 409s), delayed sends, attaches, awakeables woken by the handler and named signals (seed 14)', async () => {
    const programs = [
      ...fc.sample(programArb, { seed: 14, numRuns: PROGRAMS }),
      ...fc.sample(attachProgramArb, { seed: 14, numRuns: ATTACH_PROGRAMS }),
      ...fc.sample(signalProgramArb, { seed: 14, numRuns: SIGNAL_PROGRAMS }),
    ];
    const seen = new Map<string, number>();
    const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
    for (const program of programs) {
      const { ours } = await bothEngines(program);
      if (!('run' in ours)) continue;
      for (const what of attachCases(ours.run)) count(what);
      for (const entry of ours.run.journal.entries) {
        if (entry.kind === 'command' && entry.type === 'OneWayCall' && entry.detail?.invokeAtMs !== undefined)
          count('delayed send');
        if (entry.kind === 'command' && entry.type === 'CompleteAwakeable') {
          const next = ours.run.journal.entries[entry.index + 1];
          count(
            next?.kind === 'notification' && next.type === 'Signal' ? 'awakeable woken' : 'awakeable already completed',
          );
        }
        if (entry.kind === 'command' && entry.type === 'SendSignal' && entry.signal?.name !== undefined) {
          const next = ours.run.journal.entries[entry.index + 1];
          const self = entry.signal.targetInvocationId === ours.run.journal.invocationId;
          count(
            !self
              ? 'signal to a stranger'
              : next?.kind === 'notification' && next.signalName === entry.signal.name
                ? 'signal sent to itself'
                : 'signal already completed',
          );
        }
        if (entry.kind === 'notification' && entry.signalName !== undefined) count('named signal received');
        if (entry.kind !== 'notification') continue;
        if (entry.type === 'GetPromise') count('get answered');
        if (entry.type === 'PeekPromise') count(entry.result.kind === 'void' ? 'peek empty' : 'peek completed');
        if (entry.type === 'CompletePromise') count(entry.result.kind === 'failure' ? '409' : 'completed');
      }
    }
    const cases = ['delayed send', 'get answered', 'peek empty', 'peek completed', '409', 'completed'];
    cases.push('awakeable woken', 'awakeable already completed');
    cases.push('signal to a stranger', 'signal sent to itself', 'signal already completed', 'named signal received');
    cases.push(
      'attach to a call',
      'attach to a send',
      'attach failed',
      'attach raced a sleep',
      'attach across a crash',
    );
    for (const what of cases) expect(seen.get(what) ?? 0, what).toBeGreaterThan(5);
  });

  describe('pinned differences (each fixed in our engine, docs/restate-semantics-notes.md §8)', () => {
    it('CANCEL sends a cancel to every call made so far, also one that already completed (seed 1, #19)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'call', latencyMs: 7, outcome: 'terminal' } },
          { kind: 'await', expr: { kind: 'timeout', child: leaf(0), ms: 11 } },
          { kind: 'create', leaf: { op: 'call', latencyMs: 120, outcome: 'value' } },
          { kind: 'await', expr: leaf(1) },
        ],
        seed: 6840,
        crashes: [],
        cancelAtMs: 34,
      });
    });

    it('a future awaited when CANCEL came throws 409 at every later await (seed 2, #96 and #74)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'call', latencyMs: 91, outcome: 'terminal' } },
          { kind: 'create', leaf: { op: 'run', latencyMs: 33, outcome: 'value', transientFailures: 1, retryMax: 2 } },
          { kind: 'await', expr: leaf(0) },
          { kind: 'await', expr: leaf(0) },
          { kind: 'await', expr: leaf(1) },
        ],
        seed: 9,
        crashes: [],
        cancelAtMs: 6,
      });
    });

    it('a suspension after a handled CANCEL still awaits signal 1 (seed 3, #458)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'call', latencyMs: 107, outcome: 'terminal' } },
          { kind: 'await', expr: { kind: 'timeout', child: { kind: 'timeout', child: leaf(0), ms: 13 }, ms: 57 } },
          { kind: 'create', leaf: { op: 'awakeable', atMs: null, outcome: 'value' } },
          { kind: 'await', expr: leaf(1) },
        ],
        seed: 2807,
        crashes: [{ atMs: 118 }],
        cancelAtMs: 0,
      });
    });

    it('a run under a combinator that already settled is not started (seed 14, #575)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'run', latencyMs: 0, outcome: 'value', transientFailures: 2, retryMax: null } },
          { kind: 'create', leaf: { op: 'run', latencyMs: 0, outcome: 'value', transientFailures: 0, retryMax: null } },
          { kind: 'create', leaf: { op: 'sleep', ms: 0 } },
          {
            kind: 'await',
            expr: {
              kind: 'combine',
              combinator: 'allSettled',
              children: [
                leaf(1),
                { kind: 'combine', combinator: 'all', children: [{ kind: 'timeout', child: leaf(0), ms: 0 }] },
              ],
            },
          },
        ],
        seed: 0,
        crashes: [],
      });
    });

    it('a suspension awaits only what is still pending: a settled child is not in the tree (seed 5, #2088)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'call', latencyMs: 62, outcome: 'terminal' } },
          { kind: 'await', expr: leaf(0) },
          { kind: 'create', leaf: { op: 'awakeable', atMs: null, outcome: 'terminal' } },
          {
            kind: 'await',
            expr: {
              kind: 'combine',
              combinator: 'any',
              children: [{ kind: 'combine', combinator: 'all', children: [leaf(0)] }, leaf(1)],
            },
          },
        ],
        seed: 1,
        crashes: [],
      });
    });

    it('run retry delays in f32 milliseconds: 20 ms, then 39 ms (transient-policy)', async () => {
      await expectSame({
        steps: [
          { kind: 'create', leaf: { op: 'run', latencyMs: 10, outcome: 'value', transientFailures: 2, retryMax: 5 } },
          { kind: 'await', expr: leaf(0) },
        ],
        seed: 1,
        crashes: [],
      });
    });
  });

  describe('nested awaits: the trace settles the await tree the SDK hands its VM (src/sdk-host/await-tree.ts)', () => {
    const run = (latencyMs: number) => ({
      kind: 'create' as const,
      leaf: { op: 'run' as const, latencyMs, outcome: 'value' as const, transientFailures: 0, retryMax: null },
    });
    const decided = (real: SimRun | undefined) =>
      real?.decisions.map(({ combinator, winner, entryIndex, outcome }) => ({
        combinator,
        winner,
        entryIndex,
        outcome,
      }));

    it('race(all(a, b), c): the leaf that settled the inner all wins the race', async () => {
      const real = await expectSame({
        steps: [
          run(10),
          run(30),
          { kind: 'create', leaf: { op: 'sleep', ms: 100 } },
          {
            kind: 'await',
            expr: {
              kind: 'combine',
              combinator: 'race',
              children: [{ kind: 'combine', combinator: 'all', children: [leaf(0), leaf(1)] }, leaf(2)],
            },
          },
        ],
        seed: 1,
        crashes: [],
      });
      // Journal: Input, Run c1, Run c2, Sleep c3, the runs' notifications (#4 c1, #5 c2), Output.
      expect(decided(real)).toEqual([{ combinator: 'race', winner: 'c2', entryIndex: 5, outcome: 'success' }]);
    });

    it("a later await of the same combinator over a settled await's pending leaf is a decision of its own", async () => {
      const real = await expectSame({
        steps: [
          run(10),
          { kind: 'create', leaf: { op: 'sleep', ms: 50 } },
          { kind: 'await', expr: { kind: 'combine', combinator: 'race', children: [leaf(0), leaf(1)] } },
          { kind: 'await', expr: { kind: 'combine', combinator: 'race', children: [leaf(1)] } },
        ],
        seed: 1,
        crashes: [],
      });
      // Journal: Input, Run c1, Sleep c2, #3 c1, #4 c2, Output. Grouping awaits by shrinking trees merged the two.
      expect(decided(real)).toEqual([
        { combinator: 'race', winner: 'c1', entryIndex: 3, outcome: 'success' },
        { combinator: 'race', winner: 'c2', entryIndex: 4, outcome: 'success' },
      ]);
    });

    it('any over a failed orTimeout is decided (failure, no winner) while its timers are still pending', async () => {
      const real = await expectSame({
        steps: [
          {
            kind: 'create',
            leaf: { op: 'run', latencyMs: 10, outcome: 'terminal', transientFailures: 0, retryMax: null },
          },
          {
            kind: 'await',
            expr: {
              kind: 'combine',
              combinator: 'any',
              children: [{ kind: 'timeout', child: { kind: 'timeout', child: leaf(0), ms: 80 }, ms: 70 }],
            },
          },
        ],
        seed: 1,
        crashes: [],
      });
      expect(real?.decisions).toMatchObject([{ combinator: 'any', pending: ['c2', 'c3'], outcome: 'failure' }]);
      expect(real?.decisions[0].winner).toBeUndefined();
    });
  });

  describe('documented, not compared (docs/restate-semantics-notes.md §8)', () => {
    it('several candidates completed before the await: the SDK takes the first JS promise to settle (seed 14, #112)', async () => {
      const tie: Program = {
        steps: [
          { kind: 'create', leaf: { op: 'awakeable', atMs: 0, outcome: 'terminal' } },
          {
            kind: 'create',
            leaf: { op: 'run', latencyMs: 0, outcome: 'terminal', transientFailures: 1, retryMax: null },
          },
          { kind: 'await', expr: leaf(1) },
          {
            kind: 'await',
            expr: {
              kind: 'combine',
              combinator: 'all',
              children: [
                { kind: 'timeout', child: leaf(0), ms: 0 },
                { kind: 'timeout', child: leaf(1), ms: 0 },
              ],
            },
          },
        ],
        seed: 0,
        crashes: [],
      };
      const { ours, real } = await bothEngines(tie);
      if (!('run' in ours) || !('run' in real)) throw new Error('both engines should finish');
      expect(hasPreSettledTie(ours.run)).toBe(true);
      // Ours: the awakeable's failure (first in the journal); the SDK: the run's (its promise had settled before).
      expect(ours.run.output).toEqual({
        value: [
          { error: 401, message: 'leaf 1 failed' },
          { error: 400, message: 'leaf 0 failed' },
        ],
      });
      expect(real.run.output).toEqual({
        value: [
          { error: 401, message: 'leaf 1 failed' },
          { error: 401, message: 'leaf 1 failed' },
        ],
      });
    });

    it('a CANCEL journaled before an awaited result that is already known: the SDK returns the result and never acts on the cancel (attach programs, seed 21, #151)', async () => {
      // Crash at 0 ms, so every await happens on replay, with the whole journal known: the cancel (40 ms) comes
      // before the call's result (41 ms) in the journal. Ours takes the cancel first (journal order): 409 and a
      // CANCEL to every call made. The SDK's await finds the call's notification already there and takes it without
      // asking its VM's do_progress, the only place a CANCEL is acted on; the handler returns before any await has to
      // wait, so the cancel is never acted on.
      const program: Program = {
        steps: [
          { kind: 'create', leaf: { op: 'send', delayMs: 0, calleeLatencyMs: 40, calleeOutcome: 'value' } },
          { kind: 'create', leaf: { op: 'call', latencyMs: 41, outcome: 'value' } },
          { kind: 'create', leaf: { op: 'attach', of: 0 } },
          { kind: 'await', expr: leaf(2) },
          { kind: 'create', leaf: { op: 'call', latencyMs: 0, outcome: 'value' } },
          { kind: 'await', expr: leaf(13) },
          { kind: 'create', leaf: { op: 'call', latencyMs: 0, outcome: 'value' } },
        ],
        seed: 0,
        crashes: [{ atMs: 0 }],
        cancelAtMs: 40,
        promises: [
          { atMs: null, outcome: 'value' },
          { atMs: null, outcome: 'value' },
        ],
      };
      const { ours, real } = await bothEngines(program);
      if (!('run' in ours) || !('run' in real)) throw new Error('both engines should finish');
      const cancels = (run: SimRun) =>
        run.journal.entries.filter((e) => e.kind === 'command' && e.type === 'SendSignal').length;
      expect(ours.run.output).toEqual({
        value: [{ ok: 'value of leaf 0' }, { error: 409, message: 'Cancelled' }],
      });
      expect(cancels(ours.run)).toBe(2);
      expect(real.run.output).toEqual({ value: [{ ok: 'value of leaf 0' }, { ok: 'value of leaf 1' }] });
      expect(cancels(real.run)).toBe(0);
    });

    it('one leaf under two children of a combinator is excluded from the programs', () => {
      const shared: Program = {
        steps: [
          { kind: 'create', leaf: { op: 'sleep', ms: 68 } },
          { kind: 'await', expr: { kind: 'combine', combinator: 'any', children: [leaf(0), leaf(1)] } },
        ],
        seed: 1,
        crashes: [],
      };
      expect(sharesLeafAcrossChildren(shared)).toBe(true);
      fc.assert(
        fc.property(programArb, (p) => !sharesLeafAcrossChildren(p)),
        { seed: 14, numRuns: 200 },
      );
    });
  });
});
