import { defineConfig } from 'vitest/config';

// Runs test files produced by "Export as test" (src/share/test-file.test.ts writes them to test/.generated/).
export default defineConfig({ test: { include: ['test/.generated/**/*.test.ts'], environment: 'node' } });
