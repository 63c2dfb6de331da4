#!/usr/bin/env node
// `npm test`: everything, in order: lint, typecheck, unit (Vitest), e2e (Playwright on the production build),
// integration (a real Restate server). Every stage runs even when an earlier one failed, so one run shows all
// problems; the exit code is non-zero if any stage failed. Ends with the total test count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const resultsDir = '.test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2);

// The e2e preview server gets a free port, so a dev server or another run on the default port never collides.
const e2ePort =
  process.env.E2E_PORT ??
  (await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(String(port)));
    });
  }));
const stages = [
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  {
    name: 'format',
    cmd: ['npx', 'prettier', '--check', '{src,e2e,test,scripts,bench,bin}/**/*.{ts,tsx,mjs,js}', '*.{ts,js,mjs}'],
  },
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'typecheck core', cmd: ['npx', 'tsc', '-p', 'tsconfig.core.json'] },
  {
    name: 'unit',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/unit.json`],
    counts: vitestCounts(`${resultsDir}/unit.json`),
  },
  {
    name: 'e2e',
    pre: ['node', 'scripts/ensure-browser.mjs'],
    cmd: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${resultsDir}/e2e.json`, E2E_PORT: e2ePort },
    counts: playwrightCounts(`${resultsDir}/e2e.json`),
  },
  {
    name: 'integration',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.integration.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${resultsDir}/integration.json`,
    ],
    counts: vitestCounts(`${resultsDir}/integration.json`),
  },
].filter((s) => only.length === 0 || only.includes(s.name));

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return null;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!existsSync(file)) return null;
    const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
  };
}

function run(cmd, env) {
  const started = Date.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: (Date.now() - started) / 1000 };
}

const report = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  let result = stage.pre ? run(stage.pre) : { ok: true, seconds: 0 };
  if (result.ok) result = run(stage.cmd, stage.env);
  const counts = stage.counts?.() ?? null;
  report.push({ name: stage.name, ...result, counts });
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n=== summary ===');
for (const s of report) {
  const c = s.counts;
  if (c) for (const k of Object.keys(total)) total[k] += c[k] ?? 0;
  const detail = c
    ? `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`
    : s.ok
      ? 'ok'
      : 'FAILED';
  console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(12)} ${detail.padEnd(34)} ${s.seconds.toFixed(1)}s`);
}
const failedStages = report.filter((s) => !s.ok).map((s) => s.name);
if (failedStages.length) console.log(`failed stages: ${failedStages.join(', ')}`);
// A failed stage without counted test failures (lint, typecheck, a crash) still counts as one failure.
const failed = total.failed + failedStages.filter((n) => !report.find((s) => s.name === n)?.counts?.failed).length;
console.log(`\ntotal: ${total.passed} passed, ${failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(failedStages.length ? 1 : 0);
