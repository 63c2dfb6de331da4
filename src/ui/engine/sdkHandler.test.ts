// Pasted handler files: TypeScript and ES modules become a function body; only the SDK may be imported (a clear,
// located error otherwise); restate.serve / endpoint().bind() collect services instead of listening.
import { describe, expect, it } from 'vitest';
import { bundledSdkApi } from '../../sdk-host/bundled-sdk';
import { handlerBodyFromSource, prepareHandlerModule, SDK_HANDLER_IMPORT, SDK_HANDLER_NO_SERVICE } from './sdkHandler';
import { SCENARIO_SYNTAX } from './typescript';

const servicesOf = (source: string) =>
  prepareHandlerModule(handlerBodyFromSource(source), bundledSdkApi)
    .run()
    .map((d) => d.name);

const greeter = (name: string) =>
  `restate.service({ name: '${name}', handlers: { greet: async (ctx: restate.Context, who: string) => 'hi ' + who } })`;

describe('a pasted real handler file', () => {
  it('finds default, named, served and bound definitions, once each', () => {
    const source = [
      `import * as restate from '@restatedev/restate-sdk';`,
      `export default ${greeter('A')};`,
      `export const b = ${greeter('B')};`,
      `const c = ${greeter('C')};`,
      `const d = ${greeter('D')};`,
      `restate.serve({ services: [c], port: 9080 });`,
      `restate.endpoint().bind(d).bind(b).listen(9080);`,
    ].join('\n');
    expect(servicesOf(source)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('accepts the /fetch entry and type-only imports of other packages', () => {
    const source = [
      `import * as restate from '@restatedev/restate-sdk/fetch';`,
      `import type { Schema } from 'zod';`,
      `export const svc = ${greeter('Typed')};`,
    ].join('\n');
    expect(servicesOf(source)).toEqual(['Typed']);
  });

  it('refuses another package with its line', () => {
    const source = [
      `import * as restate from '@restatedev/restate-sdk';`,
      `import { z } from 'zod';`,
      `z.string();`,
    ].join('\n');
    expect(() => handlerBodyFromSource(source)).toThrow(
      expect.objectContaining({ code: SDK_HANDLER_IMPORT, location: { line: 2 } }),
    );
  });

  it('refuses a module that defines no service', () => {
    expect(() => servicesOf(`export const x = 1;`)).toThrow(expect.objectContaining({ code: SDK_HANDLER_NO_SERVICE }));
  });

  it('reports a syntax error where it is', () => {
    expect(() => handlerBodyFromSource(`const a = 1;\nconst = 2;`)).toThrow(
      expect.objectContaining({ code: SCENARIO_SYNTAX, location: expect.objectContaining({ line: 2 }) }),
    );
  });

  it('refuses dynamic import', () => {
    expect(() => handlerBodyFromSource(`const m = import('https://example.com/x.js');`)).toThrow(/import\(\)/);
  });
});
