import { defineConfig } from 'vitest/config';

// Integration tests start a real Restate server (see test/integration). They run one file at a time.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
