import { describe, expect, it } from 'vitest';
import type { RunResult } from './loaded-run';
import { baseRecipe, exactRecipe, isResimulable, isSimulatedRecipe, loadedRun, runSourceOf } from './recipe';

const result = (fields: Partial<RunResult>) =>
  ({ seed: null, crashes: [], cancelAtMs: null, ...fields }) as unknown as RunResult;

describe('run recipes', () => {
  it('derives every run source from the recipe', () => {
    expect(runSourceOf({ source: { kind: 'example', name: 'fan-out' } })).toEqual({ kind: 'example', file: 'fan-out' });
    expect(runSourceOf({ source: { kind: 'kept-scenario' } })).toEqual({ kind: 'scenario' });
    expect(runSourceOf({ source: { kind: 'scenario', code: 'x' } })).toEqual({ kind: 'scenario' });
    expect(runSourceOf({ source: { kind: 'sdk-scenario', code: 'x' } })).toEqual({ kind: 'sdk-scenario' });
    expect(runSourceOf({ source: { kind: 'journal', text: '[]' } })).toEqual({
      kind: 'file',
      names: ['shared.journal.json'],
    });
    expect(runSourceOf({ source: { kind: 'kept-files', names: ['a', 'b'] } })).toEqual({
      kind: 'file',
      names: ['a', 'b'],
    });
    expect(runSourceOf({ source: { kind: 'url', url: 'https://x/j' } })).toEqual({ kind: 'url', url: 'https://x/j' });
  });

  it('a run made exact carries the seed, crashes and cancellation it used, and keeps every other field', () => {
    const run = loadedRun(result({ seed: 7, crashes: [100], cancelAtMs: 40 }), {
      source: { kind: 'example', name: 'fan-out' },
    });
    expect(run.source).toEqual({ kind: 'example', file: 'fan-out' });
    expect(exactRecipe(run)).toEqual({
      source: { kind: 'example', name: 'fan-out' },
      seed: 7,
      crashesMs: [100],
      cancelAtMs: 40,
    });
    // A parameter the recipe gains later passes through untouched.
    const future = { source: { kind: 'scenario', code: 'x' }, seed: 1, extra: true } as never;
    expect(exactRecipe(loadedRun(result({ seed: 1 }), future))).toEqual(future);
    // No crashes used: none written (absent means the scenario's own defaults).
    expect(
      exactRecipe(loadedRun(result({ seed: 2 }), { source: { kind: 'example', name: 'a' }, crashesMs: [] })),
    ).toEqual({
      source: { kind: 'example', name: 'a' },
      seed: 2,
    });
  });

  it('a journal recipe is not simulated and is its own exact recipe; baseRecipe drops the paired handler', () => {
    const recipe = { source: { kind: 'url', url: 'https://x/j' }, paired: { kind: 'example', name: 'a' } } as const;
    expect(isSimulatedRecipe(recipe)).toBe(false);
    expect(exactRecipe(loadedRun(result({ seed: 3 }), recipe))).toBe(recipe);
    expect(baseRecipe(recipe)).toEqual({ source: { kind: 'url', url: 'https://x/j' } });
  });

  it('only a simulation that is not paired with a journal can be simulated again', () => {
    const example = { source: { kind: 'example', name: 'a' } } as const;
    expect(isResimulable(loadedRun(result({ seed: 1 }), example))).toBe(true);
    expect(isResimulable(loadedRun(result({}), { source: { kind: 'sdk-scenario', code: 'x' } }))).toBe(true);
    expect(isResimulable(loadedRun(result({}), { ...example, paired: { kind: 'example', name: 'a' } }))).toBe(false);
    expect(isResimulable(loadedRun(result({}), { source: { kind: 'kept-files', names: ['j.json'] } }))).toBe(false);
  });
});
