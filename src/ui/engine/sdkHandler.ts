// A real Restate handler file, pasted or opened in the app, made runnable in the engine Worker: TypeScript types
// removed and ES module syntax turned into a function body (sucrase's `typescript` + `imports` transforms, which only
// rewrite text and keep every line where it was), run with a `require` that knows one package:
// `@restatedev/restate-sdk` (and its `/fetch` entry), the real SDK bundled into the Worker's SDK chunk (and, for a
// simulation, our `defineSdkScenario`, SDK_SCENARIO_MODULE). Handler files
// written for Node usually end with `restate.serve({ services })` or `restate.endpoint().bind(s).listen(9080)`: here
// those calls only collect the services (nothing listens in a browser). See docs/sdk-replay.md.
import { transform } from 'sucrase';
import { definitionsOfModule, isServiceDefinition } from '../../sdk-host/definitions';
import type { ServiceDefinitionLike } from '../../sdk-host/replay';
import { assertNoDynamicImport } from './sandbox';
import { ScenarioSyntaxError, scenarioBodyFromSource } from './typescript';

/** The stable code of an import the browser cannot satisfy (only the SDK is bundled). */
export const SDK_HANDLER_IMPORT = 'SDK_HANDLER_IMPORT';
/** The handler file defines no service, object or workflow. */
export const SDK_HANDLER_NO_SERVICE = 'SDK_HANDLER_NO_SERVICE';

const SDK_PACKAGES = new Set(['@restatedev/restate-sdk', '@restatedev/restate-sdk/fetch']);
/**
 * Our scenario API for real-SDK code (`defineSdkScenario`, src/sdk-sim): as the package name, or as the repo path the
 * built-in examples in scenarios/sdk use.
 */
export const SDK_SCENARIO_MODULE = /^(replay-inspector(\/sdk)?|(\.\.?\/)+src\/sdk-sim(\/index)?)$/;

function isKnownModule(specifier: string): boolean {
  return SDK_PACKAGES.has(specifier) || SDK_SCENARIO_MODULE.test(specifier);
}

export class SdkHandlerError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint: string,
    readonly location: { line?: number; column?: number } = {},
  ) {
    super(message);
    this.name = 'SdkHandlerError';
  }
}

/** `import … from 'x'`, `import 'x'`, `export … from 'x'` and `require('x')`, with the line each is on. */
const moduleSpecifier = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** Every module the source names except the SDK, with its 1-based line: the first one is reported. */
export function foreignImports(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  for (const match of source.matchAll(moduleSpecifier)) {
    const specifier = match[2];
    if (isKnownModule(specifier)) continue;
    const line = source.slice(0, match.index).split('\n').length;
    found.push({ specifier, line });
  }
  return found;
}

/** Handler source → a CommonJS-style function body, line for line. Throws ScenarioSyntaxError or SdkHandlerError. */
export function handlerBodyFromSource(source: string, companions: ReadonlySet<string> = new Set()): string {
  // Before the transform: sucrase's `imports` turns `import(x)` into a `require(x)` behind a promise.
  assertNoDynamicImport(source);
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], disableESTransforms: true }).code;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    if (err?.loc) throw new ScenarioSyntaxError(String(err.message).replace(/\s*\(\d+:\d+\)$/, ''), err.loc);
    throw new ScenarioSyntaxError(
      `this code cannot be read as TypeScript or JavaScript (${String(err?.message ?? e)})`,
    );
  }
  // Checked on the source, after it parsed: type-only imports are gone from `code` but harmless, so they are
  // skipped by checking what the transformed code still requires.
  const required = new Set([...code.matchAll(/\brequire\('([^']+)'\)/g)].map((m) => m[1]));
  const foreign = foreignImports(source).find((f) => required.has(f.specifier) && !companions.has(f.specifier));
  if (foreign)
    throw new SdkHandlerError(
      `line ${foreign.line} imports '${foreign.specifier}': in the browser a handler may import only @restatedev/restate-sdk.`,
      SDK_HANDLER_IMPORT,
      'Paste the handler with what it needs inlined, or replay it with the CLI (replay-inspector sdk-replay), which loads any import.',
      { line: foreign.line },
    );
  return code;
}

/** `restate.serve` / `restate.endpoint()…bind(s)…listen()` as a pasted Node handler file uses them: collect only. */
function collectingEndpoint(collected: unknown[]): unknown {
  const builder: unknown = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'bind')
          return (definition: unknown) => {
            collected.push(definition);
            return builder;
          };
        if (property === 'listen') return () => Promise.resolve(0);
        if (property === 'then') return undefined;
        return () => builder;
      },
    },
  );
  return builder;
}

/**
 * Compiles the body with the SDK as its only import and runs the module's top level; returns its service
 * definitions (exported, or passed to serve/bind). The caller locks the Worker down between `compile` and `run`:
 * compiling needs `Function`; running is the first user code.
 */
export function prepareHandlerModule(
  body: string,
  sdkApi: Record<string, unknown>,
  scenarioApi: Record<string, unknown> = {},
  companions: ReadonlyMap<string, () => unknown> = new Map(),
): { run: () => ServiceDefinitionLike[]; exports: () => Record<string, unknown> } {
  const collected: unknown[] = [];
  const facade: Record<string, unknown> = {
    ...sdkApi,
    serve: (options: { services?: unknown[] } | undefined) => {
      collected.push(...(options?.services ?? []));
      return Promise.resolve(0);
    },
    endpoint: () => collectingEndpoint(collected),
  };
  const requireSdk = (specifier: string) => {
    if (SDK_PACKAGES.has(specifier)) return facade;
    if (SDK_SCENARIO_MODULE.test(specifier)) return scenarioApi;
    const companion = companions.get(specifier);
    if (companion) return companion();
    throw new SdkHandlerError(
      `the handler imports '${specifier}': in the browser a handler may import only @restatedev/restate-sdk.`,
      SDK_HANDLER_IMPORT,
      'Paste the handler with what it needs inlined, or replay it with the CLI (replay-inspector sdk-replay).',
    );
  };
  const compiled = new Function('require', 'exports', 'module', body) as (
    require: (specifier: string) => unknown,
    exports: Record<string, unknown>,
    module: { exports: Record<string, unknown> },
  ) => void;
  const module = { exports: {} as Record<string, unknown> };
  return {
    exports: () => module.exports,
    run: () => {
      compiled(requireSdk, module.exports, module);
      const definitions = definitionsOfModule(module.exports);
      const scenario = module.exports.default as { kind?: unknown; services?: unknown[] } | undefined;
      if (scenario?.kind === 'sdk-scenario' && Array.isArray(scenario.services)) collected.push(...scenario.services);
      for (const item of collected)
        if (isServiceDefinition(item) && !definitions.some((d) => d.name === item.name)) definitions.push(item);
      if (definitions.length === 0)
        throw new SdkHandlerError(
          'the handler code defines no Restate service, virtual object or workflow.',
          SDK_HANDLER_NO_SERVICE,
          'Export the definition (export default restate.service({ name, handlers })) or pass it to restate.serve / endpoint().bind.',
        );
      return definitions;
    },
  };
}

/**
 * A built-in example in our scenario API that real-SDK code imports for its world (`import ours from '../x'`):
 * compiled now (before lockDown), evaluated on first require, as the scenario Worker evaluates scenario code.
 */
export function prepareCompanion(source: string, simApi: Record<string, unknown>): () => unknown {
  const body = scenarioBodyFromSource(source);
  const names = Object.keys(simApi).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  const compiled = new Function(...names, `"use strict";\n${body}`);
  let module: { __esModule: true; default: unknown } | null = null;
  // `__esModule`: sucrase's import interop then takes `default` as the default export, as a bundler would.
  return () => (module ??= { __esModule: true, default: compiled(...names.map((n) => simApi[n])) });
}
