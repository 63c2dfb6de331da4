#!/usr/bin/env node
// `npm start`: builds the static site and serves it with `vite preview`, opening on the built-in examples.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '4173';
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`\nReplay Inspector is at http://localhost:${port}/  (Ctrl+C to stop)\n`);
const server = spawn(
  'npx',
  ['vite', 'preview', '--port', port, '--strictPort', '--host', process.env.HOST ?? 'localhost'],
  {
    stdio: 'inherit',
  },
);
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
