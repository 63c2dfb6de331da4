import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../run/loaded-run';
import { loadedRun } from '../../run/recipe';
import type { RunRecipe } from '../../share/view-state';
import { encodeViewHash } from '../../share/view-link';
import { addressBarView } from './addressBarView';

const run = (recipe: RunRecipe, fields: Partial<RunResult>) =>
  loadedRun({ seed: null, crashes: [], cancelAtMs: null, ...fields } as RunResult, recipe);

describe('address bar view', () => {
  it('names a simulated example with its seed, crashes and cancellation', () => {
    const view = addressBarView({
      run: run({ source: { kind: 'example', name: 'llm-race' } }, { seed: 1, crashes: [150], cancelAtMs: 40 }),
      cursor: 2,
      selection: 'c2',
    });
    expect(encodeViewHash(view!, 'compact')).toBe('src=example%3Allm-race&seed=1&crash=150&cancel=40&cursor=2&sel=c2');
  });

  it('names a journal by its files and leaves out what only simulations have', () => {
    const view = addressBarView({
      run: run({ source: { kind: 'kept-files', names: ['journal.query.json'] } }, { seed: 7 }),
      cursor: 4,
      selection: 'c1',
    });
    expect(encodeViewHash(view!, 'compact')).toBe('src=file%3Ajournal.query.json&cursor=4&sel=c1');
  });

  it('names edited code as the scenario this tab keeps, and nothing without a run', () => {
    const view = addressBarView({
      run: run({ source: { kind: 'scenario', code: 'export default 5' } }, { seed: 5 }),
      cursor: 0,
      selection: null,
    });
    expect(view).toEqual({ recipe: { source: { kind: 'kept-scenario' }, seed: 5 }, cursor: 0 });
    expect(addressBarView({ run: null, cursor: 0, selection: null })).toBeNull();
  });

  it('names a journal that came as text (a share link, Connect) by its file name, without its text or replay', () => {
    const journal = run(
      { source: { kind: 'journal', text: '[]', fileName: 'inv.json' }, paired: { kind: 'example', name: 'fan-out' } },
      {},
    );
    expect(addressBarView({ run: journal, cursor: 1, selection: null })).toEqual({
      recipe: { source: { kind: 'kept-files', names: ['inv.json'] } },
      cursor: 1,
    });
  });

  it('names a real-SDK simulation as the handler code this tab keeps (its code travels only in Copy link)', () => {
    const sdk = run({ source: { kind: 'sdk-scenario', code: 'x' } }, { seed: 1, crashes: [500] });
    const view = addressBarView({ run: sdk, cursor: 3, selection: null });
    expect(view).toEqual({ recipe: { source: { kind: 'kept-sdk-scenario' }, seed: 1, crashesMs: [500] }, cursor: 3 });
    expect(encodeViewHash(view!, 'compact')).toBe('src=sdk-scenario&seed=1&crash=500&cursor=3');
  });
});
