// The real SDK as the engine Worker hosts it: bundled by Vite into a chunk of its own, loaded only by a
// "Replay with the real SDK" job (never by the page, never by other jobs). The WASM bindings' JS is not in the
// package's `exports`, so vite.config.ts (and vitest.config.ts, for the tests of this module) alias
// `restate-sdk-vm-bindings` to its file: the same module instance the SDK's own fetch entry imports, so the trace
// patches the very VM class the replay runs on. `node:buffer` and `node:timers/promises` are aliased to
// src/sdk-host/browser/ in the Worker build (docs/sdk-replay.md).
import './polyfill';
import './browser/set-immediate-global';
import * as fetchApi from '@restatedev/restate-sdk/fetch';
import { version } from '@restatedev/restate-sdk/package.json';
import { WasmVM } from 'restate-sdk-vm-bindings';
import { checkSdkVersion, type SdkModules } from './sdk-modules';

checkSdkVersion(version);

export const bundledSdk: SdkModules = {
  version,
  createEndpointHandler: fetchApi.createEndpointHandler as unknown as SdkModules['createEndpointHandler'],
  WasmVM,
};

/** What `import … from '@restatedev/restate-sdk'` gives a pasted handler (handler-source.ts adds serve/endpoint). */
export const bundledSdkApi: Record<string, unknown> = { ...fetchApi };
