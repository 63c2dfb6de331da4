import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import cancelFromOutside from '../../scenarios/cancel-from-outside';
import fanOut from '../../scenarios/fan-out';
import { readJournals } from '../journal-reader';
import { replay, simulate } from '../sim';
import { RunAssemblyError, runFromRead, runFromReplay, runFromSim } from './assemble';
import { simRunRecord } from './run-record';

describe('run assembly', () => {
  it('builds a simulated run with the crashes and cancellation it was made with', async () => {
    const sim = await simulate(cancelFromOutside, { seed: 3 });
    const run = runFromSim(sim, { title: 'cancel', crashes: [], cancelAtMs: 100 });
    expect(run).toMatchObject({ title: 'cancel', seed: 3, format: 'simulation', cancelAtMs: 100, mismatch: null });
    expect(run.futures.map((f) => f.id)).toContain('s1');
    expect(run.decisions).toBe(sim.decisions);
  });

  it('reads back what it wrote: a native file of a simulated run keeps its decisions and seed', async () => {
    const sim = await simulate(fanOut, { seed: 5 });
    const text = JSON.stringify({
      format: 'replay-inspector/journal',
      version: 1,
      journal: sim.journal,
      run: simRunRecord('fan-out', sim),
    });
    const run = runFromRead(readJournals(text, { fileName: 'fan-out.journal.json' }));
    expect(run.format).toBe('native');
    expect(run.seed).toBe(5);
    expect(run.decisions).toEqual(sim.decisions);
    expect(run.futures).toEqual(runFromSim(sim, { title: '', crashes: [], cancelAtMs: null }).futures);
    expect(run.title).toBe(`${sim.journal.target} · ${sim.journal.invocationId}`);
  });

  it('names the first invocation and warns about the others', async () => {
    const sim = await simulate(fanOut, { seed: 1 });
    const second = { ...sim.journal, invocationId: 'inv_second' };
    const run = runFromRead({ format: 'bundle', journals: [sim.journal, second], warnings: [] });
    expect(run.journal).toBe(sim.journal);
    expect(run.warnings).toEqual([
      { code: 'MANY_INVOCATIONS', message: expect.stringContaining(`showing the first (${sim.journal.invocationId})`) },
    ]);
  });

  it('refuses a file without a journal with a stable code and a hint', () => {
    const empty = () => runFromRead({ format: 'restate-query', journals: [], warnings: [] });
    expect(empty).toThrow(RunAssemblyError);
    expect(empty).toThrow(expect.objectContaining({ code: 'EMPTY', hint: expect.stringContaining('sys_journal') }));
  });

  it('builds a replay run from the recorded journal: same decisions as the simulation, no mismatch', async () => {
    const sim = await simulate(fanOut, { seed: 2 });
    const run = runFromReplay(await replay(fanOut, sim.journal), sim.journal, 'fan-out');
    expect(run).toMatchObject({ format: 'replay', replayedWith: 'fan-out', mismatch: null, seed: null });
    expect(run.title).toBe(`${sim.journal.target} replayed with fan-out`);
    expect(run.decisions.map((d) => [d.combinator, d.winner])).toEqual(
      sim.decisions.map((d) => [d.combinator, d.winner]),
    );
  });

  it('is deterministic: the same scenario and seed give a byte-identical run (fast-check seed 19)', async () => {
    const as = { title: 'fan-out', crashes: [], cancelAtMs: null };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000 }), async (seed) => {
        const first = JSON.stringify(runFromSim(await simulate(fanOut, { seed }), as));
        expect(JSON.stringify(runFromSim(await simulate(fanOut, { seed }), as))).toBe(first);
      }),
      { seed: 19, numRuns: 20 },
    );
  });
});
