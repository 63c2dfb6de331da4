#!/usr/bin/env node
// Makes sure a Chromium exists for the e2e tests: Debian's /usr/bin/chromium (installed here as root when missing),
// or Playwright's own browser. Says exactly what to do when neither can be had.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightBrowser() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findBrowser() {
  return systemPaths.find((p) => existsSync(p)) ?? playwrightBrowser();
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log('e2e: no Chromium found; installing Debian chromium (apt-get install -y chromium)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    return systemPaths.some((p) => existsSync(p));
  } catch {
    return false;
  }
}

const found = findBrowser() ?? (tryAptInstall() ? findBrowser() : null);
if (!found) {
  console.error(
    [
      'e2e: no Chromium browser found, so the browser tests cannot run.',
      'Get one of these, then run `npm test` again:',
      '  - Debian/Ubuntu:  sudo apt-get install chromium',
      '  - anywhere else:  npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`e2e: using ${found}`);
