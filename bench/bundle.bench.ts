// Initial JavaScript of the built site, gzipped: what a first visit downloads before the app can draw.
// Counts the entry script and every modulepreload link in dist/index.html (lazy chunks are not initial).
// Target (issue 6): at most 350 KB gzipped.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const html = readFileSync('dist/index.html', 'utf8');
const initial = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
].map((m) => m[1]);
const gzipKB = (file: string) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length / 1024;
const initialGzipKB = initial.reduce((sum, f) => sum + gzipKB(f), 0);
const all = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
const allGzipKB = all.reduce((sum, f) => sum + gzipKB(join('assets', f)), 0);
const allRawKB = all.reduce((sum, f) => sum + statSync(join('dist/assets', f)).size / 1024, 0);

console.log(`initial scripts: ${initial.join(', ')}`);
console.log(`initial JS gzipped: ${initialGzipKB.toFixed(1)} KB (target ≤ 350 KB)`);
console.log(`all JS: ${all.length} files, ${allRawKB.toFixed(0)} KB raw, ${allGzipKB.toFixed(1)} KB gzipped`);
console.log(
  'RESULT ' +
    JSON.stringify({
      initialJsGzipKB: +initialGzipKB.toFixed(1),
      targetKB: 350,
      withinTarget: initialGzipKB <= 350,
      allJsGzipKB: +allGzipKB.toFixed(1),
      chunks: all.length,
    }),
);
