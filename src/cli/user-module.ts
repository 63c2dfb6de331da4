// Imports a user's module (a scenario, a handler file) for the CLI. tsx compiles `.ts` on the fly
// (bin/replay-inspector.mjs registers it for both module systems). A `.ts` file in a CommonJS package (no
// `"type": "module"` in its package.json, as many Restate service projects are, or a lone file outside any package)
// loads as CommonJS: Node then hands `import()` the namespace `{ default: module.exports }`, and tsx marks that
// object `__esModule`. Unwrapping it gives the module's own exports, the same as an ES module's namespace.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why a module could not be imported (its message says why, not which file: the caller names the file). */
export class UserModuleError extends Error {}

export async function importUserModule(path: string): Promise<Record<string, unknown>> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /Cannot find (package|module) '@restatedev\/restate-sdk'/.test(message)
      ? ' (install the SDK next to the file: npm i @restatedev/restate-sdk)'
      : '';
    throw new UserModuleError(`${message}${hint}`);
  }
  const exported = namespace.default as { __esModule?: unknown } | undefined;
  if (exported && typeof exported === 'object' && exported.__esModule === true)
    return exported as Record<string, unknown>;
  return namespace;
}
