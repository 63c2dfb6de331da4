#!/usr/bin/env node
// The `replay-inspector` command. The CLI is TypeScript; tsx (a runtime dependency) loads it without a build step,
// so `npx replay-inspector --help` works right after `npm install`, and user scenario files (.ts) load the same way.
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

register();
// A user's .ts file in a CommonJS package (many Restate service projects) loads as CommonJS: tsx compiles that too.
registerCommonJs();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
