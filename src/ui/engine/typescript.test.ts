import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as sim from '../../sim';
import type { Scenario } from '../../sim';
import { ScenarioSyntaxError, SCENARIO_SYNTAX, scenarioBodyFromSource, stripTypes } from './typescript';

const SCENARIOS = path.resolve(import.meta.dirname, '..', '..', '..', 'scenarios');

/** Compiles a scenario the way engine.worker.ts's evaluateScenario does (minus the Worker lockdown). */
function compile(source: string): Scenario {
  const api = sim as unknown as Record<string, unknown>;
  const names = Object.keys(api).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  return new Function(...names, `"use strict";\n${scenarioBodyFromSource(source)}`)(
    ...names.map((n) => api[n]),
  ) as Scenario;
}

function syntaxErrorOf(source: string): ScenarioSyntaxError {
  try {
    stripTypes(source);
  } catch (e) {
    if (e instanceof ScenarioSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

// The same handler twice: as a user would paste it from a TypeScript Restate service, and as plain JavaScript.
const TS_RACE = `import { defineScenario, race, type SimContext } from '../src/sim';
import type { Scenario } from '../src/sim';

interface Answer { provider: string; text?: string }
type Input = { prompt: string };
export interface Unused { x: number }
enum Tier { Free, Paid }

function pick<T>(value: T | null, fallback: T): T {
  return value ?? fallback;
}

export default defineScenario({
  name: 'ts-race',
  input: { prompt: 'Explain durable execution.' } satisfies Input,
  world: {
    'OpenAI/complete': { latencyMs: [80, 400], value: { provider: 'openai' } as Answer },
    'Anthropic/complete': { latencyMs: [80, 400], value: { provider: 'anthropic' } },
  },
  handler: async (ctx: SimContext, input: Input): Promise<Answer & { tier: number }> => {
    const openai = ctx.call('OpenAI/complete', input);
    const anthropic = ctx.call('Anthropic/complete', input);
    const first = (await race([openai, anthropic]))! as unknown as Answer;
    const stored: string = await ctx.run<string>('store', () => <string>first.provider);
    return { ...pick<Answer>(first, { provider: stored }), tier: Tier.Paid };
  },
}) satisfies Scenario;
`;

const JS_RACE = `import { defineScenario, race } from '../src/sim';

function pick(value, fallback) {
  return value ?? fallback;
}

export default defineScenario({
  name: 'ts-race',
  input: { prompt: 'Explain durable execution.' },
  world: {
    'OpenAI/complete': { latencyMs: [80, 400], value: { provider: 'openai' } },
    'Anthropic/complete': { latencyMs: [80, 400], value: { provider: 'anthropic' } },
  },
  handler: async (ctx, input) => {
    const openai = ctx.call('OpenAI/complete', input);
    const anthropic = ctx.call('Anthropic/complete', input);
    const first = await race([openai, anthropic]);
    const stored = await ctx.run('store', () => first.provider);
    return { ...pick(first, { provider: stored }), tier: 1 };
  },
});
`;

describe('stripping TypeScript from scenario code', () => {
  it('removes annotations, return types and type-only imports', () => {
    const out = stripTypes(
      "import { a, type B } from '../src/sim';\nimport type { C } from '../src/sim';\nconst f = async (x: number, y?: B): Promise<C> => a(x as number);\nlet n: string[] = [];\n",
    );
    expect(out).toBe("import { a, } from '../src/sim';\n\nconst f = async (x, y) => a(x );\nlet n = [];\n");
  });

  it('removes generics on calls and declarations', () => {
    expect(stripTypes("const v = ctx.run<string>('a');")).toBe("const v = ctx.run('a');");
    expect(stripTypes('function id<T extends object = {}>(x: T): T { return x; }')).toBe(
      'function id(x) { return x; }',
    );
    expect(stripTypes('const g = <T,>(x: T) => all<T>([x]);')).toBe('const g = (x) => all([x]);');
  });

  it('removes `as`, `satisfies`, non-null `!` and angle-bracket casts', () => {
    expect(stripTypes('const a = (x as unknown as Foo).y!.z;')).toBe('const a = (x ).y.z;');
    expect(stripTypes('const b = { k: 1 } satisfies Rec;')).toBe('const b = { k: 1 } ;');
    expect(stripTypes('const c = <Foo>bar;')).toBe('const c = bar;');
    expect(stripTypes("const d = ['x'] as const;")).toBe("const d = ['x'] ;");
  });

  it('removes interfaces, type aliases and declarations, keeping every line in place', () => {
    const src =
      'interface A {\n  x: number;\n}\nexport type B = A | null;\ndeclare const C: number;\nconst keep = 1;\n';
    const out = stripTypes(src);
    expect(out.split('\n')).toHaveLength(src.split('\n').length);
    expect(out.split('\n')[5]).toBe('const keep = 1;');
    expect(out).not.toMatch(/interface|type|declare/);
  });

  it('turns an enum into an object the code can read', () => {
    const scenario = compile(
      "import { defineScenario } from '../src/sim';\nenum Tier { Free, Paid = 5 }\nexport default defineScenario({ name: 'e', input: Tier.Paid, handler: async () => Tier.Free });\n",
    );
    expect(scenario.input).toBe(5);
  });

  it('leaves plain JavaScript (modern syntax included) as it was', () => {
    const js =
      'const a = b?.c ?? 1_000;\nclass K { #x = 1; static y = 2; get x() { return this.#x; } }\ntry { f(); } catch { g(); }\n';
    expect(stripTypes(js)).toBe(js);
  });

  it('reports a TypeScript syntax error with a stable code and the line and column of the source', () => {
    const source =
      "import { defineScenario } from '../src/sim';\n\nexport default defineScenario({\n  name: 'bad',\n  handler: async (ctx: ) => 1,\n});\n";
    const err = syntaxErrorOf(source);
    expect(err.code).toBe(SCENARIO_SYNTAX);
    // The parser stops at the `)` where a type should be: line 5, column 24 (1-based), as the editor shows it.
    expect(err.location).toEqual({ line: 5, column: 24 });
    expect(source.split('\n')[4][24 - 1]).toBe(')');
    expect(err.message).toBe('Syntax error at line 5, column 24: Unexpected token.');
    expect(err.hint).toMatch(/line 5/);
  });

  it('reports a plain JavaScript syntax error the same way', () => {
    const err = syntaxErrorOf('const ok = 1;\nconst bad = (1;\n');
    expect(err.location).toMatchObject({ line: 2, column: 15 });
    expect(err.message).toBe('Syntax error at line 2, column 15: Unexpected token, expected ",".');
  });

  it('only rewrites text: code at the top level of the source does not run', () => {
    const flag = '__strip_types_ran';
    stripTypes(`(globalThis as any).${flag} = true;\nthrow new Error('ran');\n`);
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
  });

  it('a TypeScript scenario compiles to the same scenario as its JavaScript twin', () => {
    const ts = compile(TS_RACE);
    const js = compile(JS_RACE);
    expect(ts.name).toBe('ts-race');
    expect(JSON.stringify(ts.world)).toBe(JSON.stringify(js.world));
    expect(ts.input).toEqual(js.input);
  });

  it('TypeScript and JavaScript twins give byte-identical runs (seed 4)', async () => {
    const ts = compile(TS_RACE);
    const js = compile(JS_RACE);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const [a, b] = await Promise.all([sim.simulate(ts, { seed }), sim.simulate(js, { seed })]);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a.output).toEqual({ value: expect.objectContaining({ tier: 1 }) });
      }),
      { seed: 4, numRuns: 25 },
    );
  });

  it('every built-in scenario, read as source text, runs byte-identically to its module', async () => {
    const files = readdirSync(SCENARIOS).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(path.join(SCENARIOS, file), 'utf8');
      const module = (await import(/* @vite-ignore */ path.join(SCENARIOS, file))) as { default: Scenario };
      const [fromText, fromModule] = await Promise.all([sim.simulate(compile(source)), sim.simulate(module.default)]);
      expect(JSON.stringify(fromText), file).toBe(JSON.stringify(fromModule));
    }
  });
});

describe('dynamic import stays refused after the types are stripped', () => {
  const wrap = (line: string) =>
    `import { defineScenario } from '../src/sim';\n${line}\nexport default defineScenario({ name: 'x', handler: async () => 1 });\n`;

  it.each([
    ["import/**/('https://example.com/x.js');"],
    ["import /* a */ /* b */ ('https://example.com/x.js');"],
    ["import // a comment\n('https://example.com/x.js');"],
    ['const u = import/**/.meta.url;'],
    ['const u = import . /* c */ meta.url;'],
  ])('refuses %s', (line) => {
    expect(() => scenarioBodyFromSource(wrap(line))).toThrow(/may not use import\(\) or import\.meta/);
  });

  it('refuses a dynamic import with type arguments as a syntax error (the stripper cannot rewrite it)', () => {
    expect(() => scenarioBodyFromSource(wrap("const m = import<any>('https://example.com/x.js');"))).toThrow(
      ScenarioSyntaxError,
    );
    expect(() => scenarioBodyFromSource(wrap("const m = import<any>('https://example.com/x.js');"))).toThrow(
      /^Syntax error: this code cannot be read/,
    );
  });

  it('does not refuse names that merely contain the word', () => {
    expect(
      scenarioBodyFromSource(wrap('const important = 1; const reimport = (x: number) => x; reimport(important);')),
    ).toMatch(/reimport\(important\)/);
    expect(scenarioBodyFromSource(wrap("const note = 'Nothing to import. Really.'; // import.then"))).toMatch(
      /Nothing to import\./,
    );
  });
});
