// restoreView against fake loaders (no engine, no Worker): which loader each recipe reaches, with what arguments,
// and the errors a view that cannot be made again shows.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedRun } from '../../run/loaded-run';
import type { ViewState } from '../../share/view-state';
import { useStore } from '../store/store';
import { restoreView } from './restoreView';

const loaders = vi.hoisted(() => ({
  simulateExample: vi.fn(),
  simulateSource: vi.fn(),
  openFiles: vi.fn(),
  openUrl: vi.fn(),
  replayLoaded: vi.fn(),
  replayLoadedWithSdk: vi.fn(),
}));
const compare = vi.hoisted(() => ({ reopenCompare: vi.fn() }));
vi.mock('../source/loaders', () => loaders);
vi.mock('./compareLink', () => compare);

const storage = new Map<string, string>();
vi.stubGlobal('sessionStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
});

const aRun = { source: { kind: 'file', names: ['j.json'] } } as unknown as LoadedRun;
const at = { cursor: 4, selection: 'c2' };

beforeEach(() => {
  for (const fn of [...Object.values(loaders), compare.reopenCompare]) fn.mockReset();
  loaders.openFiles.mockResolvedValue(aRun);
  storage.clear();
  useStore.setState({ run: null, error: null, editorSource: null });
});

describe('restoreView', () => {
  it('simulates an example with the recipe seed, crashes and cancellation', async () => {
    await restoreView({
      recipe: { source: { kind: 'example', name: 'fan-out' }, seed: 3, crashesMs: [10], cancelAtMs: 40 },
      ...at,
    });
    expect(loaders.simulateExample).toHaveBeenCalledWith('fan-out', 3, [10], { cursor: 4, selection: 'c2' }, 40);
  });

  it('puts carried scenario code in the editor and simulates it with the scenario defaults', async () => {
    await restoreView({ recipe: { source: { kind: 'scenario', code: 'export default 1' } } });
    expect(useStore.getState().editorSource).toBe('export default 1');
    expect(loaders.simulateSource).toHaveBeenCalledWith('export default 1', null, null, expect.anything(), null);
  });

  it('simulates the scenario this tab keeps, and does nothing when it keeps none', async () => {
    await restoreView({ recipe: { source: { kind: 'kept-scenario' }, seed: 2 } });
    expect(loaders.simulateSource).not.toHaveBeenCalled();
    storage.set('replay-inspector:scenario', 'export default 2');
    await restoreView({ recipe: { source: { kind: 'kept-scenario' }, seed: 2 } });
    expect(loaders.simulateSource).toHaveBeenCalledWith('export default 2', 2, null, expect.anything(), null);
    expect(useStore.getState().editorSource).toBeNull();
  });

  it('reopens kept files by name, or says the tab no longer holds them', async () => {
    await restoreView({ recipe: { source: { kind: 'kept-files', names: ['j.json'] } }, ...at });
    expect(loaders.openFiles).not.toHaveBeenCalled();
    expect(useStore.getState().error).toMatchObject({
      code: 'FILE_NOT_KEPT',
      message: expect.stringContaining('j.json'),
    });
    storage.set('replay-inspector:files', JSON.stringify([{ name: 'j.json', text: '[]' }]));
    await restoreView({ recipe: { source: { kind: 'kept-files', names: ['j.json'] } }, ...at });
    expect(loaders.openFiles).toHaveBeenCalledWith([{ name: 'j.json', text: '[]' }], at);
  });

  it('opens a carried journal and replays it with the paired example, then puts the cursor back', async () => {
    loaders.replayLoaded.mockResolvedValue(aRun);
    const view: ViewState = {
      recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'example', name: 'fan-out' } },
      ...at,
    };
    await restoreView(view);
    expect(loaders.openFiles).toHaveBeenCalledWith([{ name: 'shared.journal.json', text: '[]' }], at);
    expect(loaders.replayLoaded).toHaveBeenCalledWith(expect.stringContaining('defineScenario'), 'fan-out');
  });

  it('says clearly when a paired example or a real SDK handler cannot be replayed here', async () => {
    await restoreView({
      recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'example', name: 'nope' } },
    });
    expect(useStore.getState().error?.code).toBe('UNKNOWN_EXAMPLE');
    // A real handler, but neither the link nor the journal names the handler to replay into.
    await restoreView({ recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'sdk', code: 'x' } } });
    expect(useStore.getState().error?.code).toBe('SDK_REPLAY_NO_TARGET');
    expect(useStore.getState().sdkSource).toBe('x');
    expect(loaders.replayLoaded).not.toHaveBeenCalled();
    expect(loaders.replayLoadedWithSdk).not.toHaveBeenCalled();
  });

  it('replays a journal with its paired real handler on the SDK, into the Real SDK tab, then the cursor', async () => {
    const replayed = { source: aRun.source } as unknown as LoadedRun;
    loaders.openFiles.mockImplementation(async () => {
      useStore.setState({ run: { ...aRun, journal: { target: 'Lab/race' } } as unknown as LoadedRun });
      return aRun;
    });
    loaders.replayLoadedWithSdk.mockResolvedValue(replayed);
    const code = "export default restate.service({ name: 'Lab', handlers: {} });";
    await restoreView({
      recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'sdk', code, label: 'lab.ts' } },
      cursor: 2,
    });
    expect(loaders.replayLoadedWithSdk).toHaveBeenCalledWith(code, 'lab.ts', 'Lab/race');
    expect(useStore.getState()).toMatchObject({ sdkSource: code, sdkLabel: 'lab.ts', bottomTab: 'sdk' });
    await restoreView({
      recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'sdk', code, target: 'Lab/other' } },
    });
    expect(loaders.replayLoadedWithSdk).toHaveBeenLastCalledWith(code, 'the shared handler', 'Lab/other');
  });

  it('reopens the compare view only over the run the view describes', async () => {
    const view: ViewState = {
      recipe: { source: { kind: 'url', url: 'https://x/j.json' } },
      compare: { run: { kind: 'without-crashes' } },
    };
    await restoreView(view);
    expect(loaders.openUrl).toHaveBeenCalledWith('https://x/j.json', { cursor: undefined, selection: null });
    expect(compare.reopenCompare).not.toHaveBeenCalled();
    useStore.setState({ run: aRun, error: null });
    await restoreView(view);
    expect(compare.reopenCompare).toHaveBeenCalledWith({ run: { kind: 'without-crashes' } });
  });
});
