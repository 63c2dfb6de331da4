#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (each a standalone script run with tsx) in one process tree,
// collects the `RESULT {json}` line each prints last, writes bench/results/latest.json and prints one table.
// Benchmarks are not tests: nothing here fails on a slow number, it reports ratios measured in this run.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`\n=== bench: ${name} ===`);
  const started = Date.now();
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  process.stdout.write(r.stdout ?? '');
  const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('RESULT '));
  results[name] = line ? JSON.parse(line.slice('RESULT '.length)) : { error: `exit ${r.status}, no RESULT line` };
  results[name].seconds = (Date.now() - started) / 1000;
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const out = { measuredAt: new Date().toISOString(), machine, results };
writeFileSync('bench/results/latest.json', JSON.stringify(out, null, 2) + '\n');

console.log('\n=== bench summary ===');
console.log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}`);
for (const [name, r] of Object.entries(results)) {
  const shown = Object.entries(r).map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(3) : JSON.stringify(v)}`).join('  ');
  console.log(`${name.padEnd(14)} ${shown}`);
}
console.log('written: bench/results/latest.json');
