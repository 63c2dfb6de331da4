import { describe, expect, it } from 'vitest';
import type { LoadedRun } from '../../run/loaded-run';
import { encodeViewHash } from '../../share/view-link';
import { addressBarView } from './addressBarView';

const run = (fields: Partial<LoadedRun>) =>
  ({ seed: null, crashes: [], cancelAtMs: null, ...fields }) as unknown as LoadedRun;

describe('address bar view', () => {
  it('names a simulated example with its seed, crashes and cancellation', () => {
    const view = addressBarView({
      run: run({ source: { kind: 'example', file: 'llm-race' }, seed: 1, crashes: [150], cancelAtMs: 40 }),
      cursor: 2,
      selection: 'c2',
    });
    expect(encodeViewHash(view!, 'compact')).toBe('src=example%3Allm-race&seed=1&crash=150&cancel=40&cursor=2&sel=c2');
  });

  it('names a journal by its files and leaves out what only simulations have', () => {
    const view = addressBarView({
      run: run({ source: { kind: 'file', names: ['journal.query.json'] }, seed: 7 }),
      cursor: 4,
      selection: 'c1',
    });
    expect(encodeViewHash(view!, 'compact')).toBe('src=file%3Ajournal.query.json&cursor=4&sel=c1');
  });

  it('names edited code as the scenario this tab keeps, and nothing without a run', () => {
    const view = addressBarView({ run: run({ source: { kind: 'scenario' }, seed: 5 }), cursor: 0, selection: null });
    expect(view).toEqual({ recipe: { source: { kind: 'kept-scenario' }, seed: 5 }, cursor: 0 });
    expect(addressBarView({ run: null, cursor: 0, selection: null })).toBeNull();
  });
});
