// Flat ESLint config. The important rule here is the import boundary: the pure core
// (src/model, src/sim, src/journal-reader) never touches UI libraries, DOM globals, the wall clock or Math.random,
// so that it runs the same in Node, in a Worker and in tests, and so that simulations are deterministic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { pureCoreRules } from './eslint.pure-core.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'test/lint-fixtures/**',
      '.restate-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/sim/**/*.ts',
      'src/journal-reader/**/*.ts',
      'src/compare/**/*.ts',
      'src/share/**/*.ts',
      'src/restate-admin/**/*.ts',
      'src/protocol/**/*.ts',
      'src/run/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: pureCoreRules,
  },
);
