// Loads the real SDK in Node: the copy the user's handler module resolves (so the trace patches the very VM class
// their services run on), else ours. Deep files are imported by path because the package's `exports` hide them.
// The SDK ships an ES-module build (`dist/*.js`) and a CommonJS one (`dist/*.cjs`), each with its own classes: a
// handler file that Node loads as CommonJS (a `.ts` in a package without `"type": "module"`) holds services of
// the CommonJS build, which the ES build's endpoint does not recognise ("… is not a restate handler"). So the build
// is the one the file's module system picks.
import '../sdk-host/polyfill';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SdkModules } from './sdk-modules';
import { checkSdkVersion } from './sdk-modules';

export async function loadNodeSdk(fromFile: string): Promise<SdkModules> {
  const packageJson = resolvePackageJson(fromFile) ?? resolvePackageJson(import.meta.filename);
  if (!packageJson)
    throw new Error(
      'cannot find @restatedev/restate-sdk: install it next to the handler module (npm i @restatedev/restate-sdk)',
    );
  const version = (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
  checkSdkVersion(version);
  const root = dirname(packageJson);
  const extension = (await loadsAsCommonJs(fromFile)) ? '.cjs' : '.js';
  const load = (file: string) => import(pathToFileURL(join(root, `dist/${file}${extension}`)).href);
  const fetchModule = (await load('fetch')) as { createEndpointHandler: SdkModules['createEndpointHandler'] };
  const bindings = (await load('endpoint/handlers/vm/sdk_shared_core_wasm_bindings')) as {
    WasmVM: SdkModules['WasmVM'];
  };
  return { version, createEndpointHandler: fetchModule.createEndpointHandler, WasmVM: bindings.WasmVM };
}

/** Node's rule for a file's module system: `.mts`/`.mjs` and `.cts`/`.cjs` say it; otherwise the nearest package.json's `type`. */
export async function loadsAsCommonJs(file: string): Promise<boolean> {
  if (/\.m[jt]s$/.test(file)) return false;
  if (/\.c[jt]s$/.test(file)) return true;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const text = await readFile(join(dir, 'package.json'), 'utf8');
      return (JSON.parse(text) as { type?: unknown }).type !== 'module';
    } catch (error) {
      // No package.json here: look further up, as Node does.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (dirname(dir) === dir) return true;
  }
}

function resolvePackageJson(fromFile: string): string | null {
  try {
    return createRequire(fromFile).resolve('@restatedev/restate-sdk/package.json');
  } catch {
    return null;
  }
}
