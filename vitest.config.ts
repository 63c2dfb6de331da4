import { defineConfig } from 'vitest/config';
import { sdkAliases } from './src/sdk-host/sdk-aliases.ts';

// Unit tests live beside the code. The pure core runs in Node; UI logic tests opt into jsdom-free pure functions only.
export default defineConfig({
  // Node has the real node:buffer and node:timers/promises; only the SDK's WASM bindings need an alias.
  resolve: { alias: sdkAliases({ browser: false }) },
  test: {
    include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
