import { describe, expect, it } from 'vitest';
import { createPersistence, KEPT_FILES_LIMIT_CHARS, type KeyValueStorage } from './persistence';

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

const broken: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError: storage is disabled');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('session persistence', () => {
  it('keeps opened files and the simulated scenario for reload', () => {
    const storage = memoryStorage();
    const kept = createPersistence(() => storage);
    expect(kept.keptFiles()).toBeNull();
    expect(kept.keepFiles([{ name: 'a.json', text: '[]' }])).toBe(true);
    expect(kept.keptFiles()).toEqual([{ name: 'a.json', text: '[]' }]);
    kept.keepScenario('export default 1');
    expect(kept.keptScenario()).toBe('export default 1');
    // Another adapter over the same storage (a reload) finds the same.
    expect(createPersistence(() => storage).keptFiles()).toEqual([{ name: 'a.json', text: '[]' }]);
  });

  it('keeps the real handler code last simulated on the real SDK, with its target and label, and refuses junk', () => {
    const storage = memoryStorage();
    const kept = createPersistence(() => storage);
    expect(kept.keptSdkScenario()).toBeNull();
    kept.keepSdkScenario({ code: 'export default 1', target: 'Lab/run', label: 'lab.ts' });
    expect(createPersistence(() => storage).keptSdkScenario()).toEqual({
      code: 'export default 1',
      target: 'Lab/run',
      label: 'lab.ts',
    });
    kept.keepSdkScenario({ code: 'export default 2' });
    expect(kept.keptSdkScenario()).toEqual({ code: 'export default 2' });
    storage.items.set('replay-inspector:sdk-scenario', '{"code":3}');
    expect(kept.keptSdkScenario()).toBeNull();
    storage.items.set('replay-inspector:sdk-scenario', 'not json');
    expect(kept.keptSdkScenario()).toBeNull();
    expect(createPersistence(() => broken).keptSdkScenario()).toBeNull();
    expect(() => createPersistence(() => broken).keepSdkScenario({ code: 'x' })).not.toThrow();
  });

  it('does not keep files over the limit, and keeps the previous ones', () => {
    const storage = memoryStorage();
    const kept = createPersistence(() => storage);
    kept.keepFiles([{ name: 'small.json', text: '[]' }]);
    expect(kept.keepFiles([{ name: 'big.json', text: 'x'.repeat(KEPT_FILES_LIMIT_CHARS + 1) }])).toBe(false);
    expect(kept.keptFiles()?.[0].name).toBe('small.json');
    expect(kept.keepFiles([{ name: 'live.json', text: 'xx' }], 1)).toBe(false);
    expect(kept.keepFiles([{ name: 'live.json', text: 'xx' }], Infinity)).toBe(true);
  });

  it('treats broken or tampered storage as empty, never throwing', () => {
    const kept = createPersistence(() => broken);
    expect(kept.keptFiles()).toBeNull();
    expect(kept.keptScenario()).toBeNull();
    expect(kept.keepFiles([{ name: 'a', text: '' }])).toBe(false);
    expect(() => kept.keepScenario('x')).not.toThrow();
    const storage = memoryStorage();
    storage.items.set('replay-inspector:files', '[{"name":1}]');
    expect(createPersistence(() => storage).keptFiles()).toBeNull();
    storage.items.set('replay-inspector:files', '{not json');
    expect(createPersistence(() => storage).keptFiles()).toBeNull();
  });
});
