import { defineConfig } from 'vitest/config';

// Unit tests live beside the code. The pure core runs in Node; UI logic tests opt into jsdom-free pure functions only.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
