import { describe, expect, it } from 'vitest';
import { readScenarioMeta, scenarioFileId, scenarioModuleToBody } from './scenarioSource';

const src = `import { defineScenario, race } from '../src/sim';
import {
  all,
} from "../src/sim";

export default defineScenario({
  name: 'race-timeout',
  description: 'Race a slow fetch ' +
    "against a \\"timer\\".",
  handler: async (ctx) => race([ctx.run('a'), ctx.sleep(100)]),
});
`;

describe('scenario source', () => {
  it('reads the name and a concatenated description without running the code', () => {
    expect(readScenarioMeta('race-timeout', src)).toEqual({
      file: 'race-timeout',
      name: 'race-timeout',
      description: 'Race a slow fetch against a "timer".',
    });
    expect(readScenarioMeta('x', 'export default 1').name).toBe('x');
  });

  it('strips imports and returns the default export', () => {
    const body = scenarioModuleToBody(src);
    expect(body).not.toMatch(/import/);
    expect(body).toMatch(/^\s*return defineScenario/m);
    const value = new Function('defineScenario', 'race', 'all', body)(
      (s: unknown) => s,
      () => 0,
      () => 0,
    );
    expect(value.name).toBe('race-timeout');
  });

  it('keeps every line where it was, so a line in the body is the same line in the editor', () => {
    const body = scenarioModuleToBody(src);
    expect(body.split('\n')).toHaveLength(src.split('\n').length);
    const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    expect(line(body, "name: 'race-timeout'")).toBe(line(src, "name: 'race-timeout'"));
    expect(line(body, 'return defineScenario')).toBe(line(src, 'export default defineScenario'));
  });

  it('rejects a module without a default export and names file ids', () => {
    expect(() => scenarioModuleToBody('const x = 1;')).toThrow(/export default/);
    expect(scenarioFileId('../../scenarios/race-timeout.ts')).toBe('race-timeout');
  });
});
