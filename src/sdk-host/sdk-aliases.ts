// Module aliases for bundling the real SDK (src/sdk-host/bundled-sdk.ts), shared by vite.config.ts and
// vitest.config.ts. `restate-sdk-vm-bindings` is the SDK's WASM bindings file, which its package `exports` hide;
// in the browser build, `node:buffer` and `node:timers/promises` become the stand-ins in ./browser/.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function sdkAliases(options: { browser: boolean }): Record<string, string> {
  const sdkRoot = dirname(createRequire(import.meta.url).resolve('@restatedev/restate-sdk/package.json'));
  const aliases: Record<string, string> = {
    'restate-sdk-vm-bindings': join(sdkRoot, 'dist/endpoint/handlers/vm/sdk_shared_core_wasm_bindings.js'),
  };
  if (options.browser) {
    const shims = join(import.meta.dirname, 'browser');
    aliases['node:buffer'] = join(shims, 'node-buffer.ts');
    aliases['node:timers/promises'] = join(shims, 'node-timers-promises.ts');
  }
  return aliases;
}
