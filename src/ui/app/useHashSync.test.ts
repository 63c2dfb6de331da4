// restoreFromHash (the address bar's way back) against a fake restoreView: a foreign source is an error, the same run
// only moves the cursor and selection, another run is made again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedRun } from '../../run/loaded-run';
import { decodeCompactHash } from '../../share/view-hash';
import { raceFutures, raceJournal } from '../derive/fixtures.test-helpers';
import { useStore } from '../store/store';
import { restoreFromHash } from './useHashSync';

const restore = vi.hoisted(() => ({ restoreView: vi.fn() }));
vi.mock('../share/restoreView', () => restore);
vi.mock('../source/loaders', () => ({ openUrl: vi.fn() }));

const shown = {
  recipe: { source: { kind: 'example', name: 'timeout-race' } },
  source: { kind: 'example', file: 'timeout-race' },
  title: 'timeout-race',
  journal: raceJournal(),
  futures: raceFutures(),
  decisions: [],
  attempts: [],
  output: null,
  mismatch: null,
  seed: 1,
  crashes: [],
  warnings: [],
  format: 'simulation',
} as LoadedRun;

beforeEach(() => {
  restore.restoreView.mockReset();
  useStore.setState({ run: null, error: null });
});

describe('restoreFromHash', () => {
  it('refuses a source that is not an example, a file or a URL, with BAD_LINK', async () => {
    await restoreFromHash(decodeCompactHash('#src=javascript%3Aalert(1)'));
    expect(useStore.getState().error).toMatchObject({ code: 'BAD_LINK', location: { field: 'src' } });
    expect(restore.restoreView).not.toHaveBeenCalled();
  });

  it('moves only the cursor and selection when the hash names the run on screen', async () => {
    useStore.getState().setRun(shown);
    await restoreFromHash(decodeCompactHash('#src=example:timeout-race&seed=1&cursor=2&sel=c1'));
    expect(restore.restoreView).not.toHaveBeenCalled();
    expect(useStore.getState()).toMatchObject({ cursor: 2, selection: 'c1' });
  });

  it('makes the run again when the hash names another one (another seed is another run)', async () => {
    useStore.getState().setRun(shown);
    await restoreFromHash(decodeCompactHash('#src=example:timeout-race&seed=2&cursor=2'));
    expect(restore.restoreView).toHaveBeenCalledWith({
      recipe: { source: { kind: 'example', name: 'timeout-race' }, seed: 2 },
      cursor: 2,
    });
  });

  it('does nothing for a hash without a source', async () => {
    await restoreFromHash(decodeCompactHash('#cursor=3'));
    expect(restore.restoreView).not.toHaveBeenCalled();
    expect(useStore.getState().error).toBeNull();
  });
});
