// restoreView against a fake session (no engine, no Worker): the editors show the code the view runs, the session
// gets the view's recipe with its cursor and selection, and the compare view reopens only over that run. What each
// recipe makes is the session's (src/ui/session/session.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedRun } from '../../run/loaded-run';
import type { ViewState } from '../../share/view-state';
import { useStore } from '../store/store';
import { restoreView } from './restoreView';

const fake = vi.hoisted(() => ({ session: { load: vi.fn() } }));
const compare = vi.hoisted(() => ({ reopenCompare: vi.fn() }));
vi.mock('../session/appSession', () => fake);
vi.mock('./compareLink', () => compare);

const aRun = { source: { kind: 'file', names: ['j.json'] } } as unknown as LoadedRun;
const at = { cursor: 4, selection: 'c2' };

beforeEach(() => {
  fake.session.load.mockReset();
  compare.reopenCompare.mockReset();
  useStore.setState({
    run: null,
    error: null,
    editorSource: null,
    sdkSource: null,
    sdkLabel: null,
    sdkTarget: null,
    bottomTab: 'graph',
  });
});

describe('restoreView', () => {
  it('hands the session the view recipe with its cursor and selection', async () => {
    const view: ViewState = {
      recipe: { source: { kind: 'example', name: 'fan-out' }, seed: 3, crashesMs: [10], cancelAtMs: 40 },
      ...at,
    };
    await restoreView(view);
    expect(fake.session.load).toHaveBeenCalledWith(view.recipe, { at });
    expect(useStore.getState().editorSource).toBeNull();
  });

  it('puts carried scenario code in the editor, also when it is a journal replay paired with scenario code', async () => {
    await restoreView({ recipe: { source: { kind: 'scenario', code: 'export default 1' } } });
    expect(useStore.getState().editorSource).toBe('export default 1');
    expect(fake.session.load).toHaveBeenCalledWith(expect.anything(), { at: { cursor: undefined, selection: null } });
    await restoreView({
      recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'scenario', code: 'export default 2' } },
    });
    expect(useStore.getState().editorSource).toBe('export default 2');
  });

  it('puts real handler code (simulated, or paired with a journal) in the Real SDK tab', async () => {
    const code = "export default restate.service({ name: 'Lab', handlers: {} });";
    await restoreView({ recipe: { source: { kind: 'sdk-scenario', code, target: 'Lab/run', label: 'lab.ts' } } });
    expect(useStore.getState()).toMatchObject({
      sdkSource: code,
      sdkLabel: 'lab.ts',
      sdkTarget: 'Lab/run',
      bottomTab: 'sdk',
    });
    await restoreView({ recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind: 'sdk', code: 'x' } } });
    expect(useStore.getState()).toMatchObject({ sdkSource: 'x', sdkLabel: null, sdkTarget: null, bottomTab: 'sdk' });
  });

  it('reopens the compare view only over the run the view describes', async () => {
    const view: ViewState = {
      recipe: { source: { kind: 'url', url: 'https://x/j.json' } },
      compare: { run: { kind: 'without-crashes' } },
    };
    await restoreView(view);
    expect(compare.reopenCompare).not.toHaveBeenCalled();
    useStore.setState({ run: aRun, error: { code: 'FETCH_FAILED', origin: 'engine', message: 'x', location: {} } });
    await restoreView(view);
    expect(compare.reopenCompare).not.toHaveBeenCalled();
    useStore.setState({ run: aRun, error: null });
    await restoreView(view);
    expect(compare.reopenCompare).toHaveBeenCalledWith({ run: { kind: 'without-crashes' } });
  });
});
