// Loads the real SDK in Node: the copy the user's handler module resolves (so the trace patches the very VM class
// their services run on), else ours. Deep files are imported by path because the package's `exports` hide them.
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
  const fetchModule = (await import(pathToFileURL(join(root, 'dist/fetch.js')).href)) as {
    createEndpointHandler: SdkModules['createEndpointHandler'];
  };
  const bindings = (await import(
    pathToFileURL(join(root, 'dist/endpoint/handlers/vm/sdk_shared_core_wasm_bindings.js')).href
  )) as { WasmVM: SdkModules['WasmVM'] };
  return { version, createEndpointHandler: fetchModule.createEndpointHandler, WasmVM: bindings.WasmVM };
}

function resolvePackageJson(fromFile: string): string | null {
  try {
    return createRequire(fromFile).resolve('@restatedev/restate-sdk/package.json');
  } catch {
    return null;
  }
}
