// Issue 8, security: hostile text is shown as text everywhere, hostile links fail clearly, and nothing the user loads
// leaves the browser. `window.__pwned` is what every payload tries to set.
import { deflateRawSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { HOSTILE_SCENARIO, IMG, RobustnessPage, SCRIPT, hostileExport, sample } from './pages/RobustnessPage';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Visits every panel of the loaded run: each lane in the inspector, every step's status, journal, graph, editor. */
async function visitEveryPanel(robust: RobustnessPage): Promise<string> {
  const { page } = robust;
  const seen: string[] = [];
  const lanes = await robust.lanes.count();
  for (let i = 0; i < lanes; i++) {
    await robust.lanes.nth(i).click();
    seen.push(await robust.inspector.innerText());
  }
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await robust.stepForward.isEnabled()); i++) {
    await robust.stepForward.click();
    seen.push((await robust.status.textContent()) ?? '');
  }
  await robust.journalTab.click();
  const rows = page.getByRole('tabpanel').getByRole('row');
  const rowCount = Math.min(await rows.count(), 12);
  for (let i = 1; i < rowCount; i++) {
    await rows.nth(i).click();
    seen.push(await robust.inspector.innerText());
  }
  seen.push(await page.getByRole('tabpanel').innerText());
  await robust.graphTab.click();
  const graph = page.getByRole('tabpanel', { name: 'Combinator graph' });
  await expect(graph).toBeVisible();
  // A simulated race draws xyflow nodes; a bare journal lists its completion order instead.
  await expect(
    graph
      .locator('.react-flow__node')
      .first()
      .or(graph.getByRole('list', { name: 'Completion order' })),
  ).toBeVisible();
  seen.push(await graph.innerText());
  await robust.scenarioTab.click();
  seen.push(await page.getByRole('tabpanel').innerText());
  seen.push(await page.locator('body').innerText());
  return seen.join('\n');
}

async function expectNothingRan(robust: RobustnessPage): Promise<void> {
  expect(await robust.pwned()).toBeUndefined();
  // No element was created from the payloads: they are text nodes, not <img>/<script> elements.
  await expect(robust.page.locator('img[src="x"]')).toHaveCount(0);
  expect(
    await robust.page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length),
  ).toBe(0);
}

test('a hostile journal (run names, payloads, failures, stack traces, target) is shown as text in every panel', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const robust = new RobustnessPage(page);
  await robust.goto();
  await robust.openBuffers(...hostileExport());
  await expect(robust.lanes.first()).toBeVisible();
  const text = await visitEveryPanel(robust);
  expect(text).toContain(`flaky ${IMG}`);
  expect(text).toContain(SCRIPT);
  expect(text).toContain(`call failed ${IMG} ${SCRIPT}`);
  await expect(page.getByRole('banner')).toContainText(`Fanout/${IMG}`);
  await expect(page.getByText(`flaky ${IMG}`).first()).toBeVisible();
  await robust.journalTab.click();
  await page.screenshot({ path: test.info().outputPath('hostile-journal.png') });
  await expectNothingRan(robust);
  expect(errors).toEqual([]);
});

test('a hostile scenario (names, values, terminal failures) and its thrown errors are shown as text', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const robust = new RobustnessPage(page);
  await robust.goto();
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
  await robust.simulateCode(HOSTILE_SCENARIO);
  await expect(robust.lane('c1')).toHaveAccessibleName(
    new RegExp(`fetch ${IMG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  const text = await visitEveryPanel(robust);
  expect(text).toContain(`fetch ${IMG}`);
  expect(text).toContain(`failed ${IMG} ${SCRIPT}`);
  expect(text).toContain(`retry ${IMG}`);
  await expectNothingRan(robust);
  // An error thrown while the module is evaluated, and a file whose name is a payload: the banner shows them as text.
  await robust.simulateCode(
    `import { defineScenario } from '../src/sim';\nthrow new Error(${JSON.stringify(`${IMG} ${SCRIPT}`)});\nexport default defineScenario({ name: 'x', handler: async () => 1 });\n`,
  );
  await expect(robust.error).toContainText(`${IMG} ${SCRIPT}`);
  await page.screenshot({ path: test.info().outputPath('hostile-error.png') });
  await robust.openBuffers({ name: `${IMG}.json`, data: `{"rows":[{"entry_type":${JSON.stringify(SCRIPT)}}]}` });
  await expect(robust.error).toContainText(`Could not open ${IMG}.json`);
  await expectNothingRan(robust);
  expect(errors).toEqual([]);
});

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const shareLink = (json: string | Buffer) =>
  `#v1.${b64url(deflateRawSync(typeof json === 'string' ? Buffer.from(json) : json))}`;

const hostileLinks: { what: string; hash: string; alert: RegExp | null }[] = [
  { what: 'garbage after v1.', hash: '#v1.%%%not-base64!!', alert: /LINK_BAD_ENCODING/ },
  {
    what: 'a deflate bomb (64 MiB of zeros behind a small link)',
    hash: shareLink(Buffer.alloc(80 * 1024 * 1024, 0x20)),
    alert: /LINK_TOO_LARGE/,
  },
  {
    what: 'JSON with unexpected types',
    hash: shareLink(JSON.stringify({ source: { kind: 'example', name: ['x'] }, seed: '7', cursor: { $gt: 1 } })),
    alert: /LINK_BAD_DATA/,
  },
  {
    what: 'JSON carrying a payload',
    hash: shareLink(JSON.stringify({ source: { kind: 'example', name: IMG }, selection: SCRIPT })),
    alert: new RegExp('UNKNOWN_EXAMPLE|LINK_BAD_DATA'),
  },
  { what: 'a future format', hash: '#v9.abc', alert: /LINK_UNSUPPORTED_VERSION/ },
  {
    what: 'a javascript: source',
    hash: `#src=${encodeURIComponent('javascript:window.__pwned=1')}`,
    alert: /BAD_LINK/,
  },
  {
    what: 'a javascript: url source',
    hash: `#src=${encodeURIComponent('url:javascript:window.__pwned=1')}`,
    alert: /BAD_URL/,
  },
  {
    what: 'an example named with a payload',
    hash: `#src=${encodeURIComponent(`example:${IMG}`)}&cursor=abc&sel=${encodeURIComponent(SCRIPT)}`,
    alert: /UNKNOWN_EXAMPLE/,
  },
  { what: 'a 2,000,000-character hash', hash: `#v1.${'A'.repeat(2_000_000)}`, alert: /LINK_/ },
  { what: 'a huge src', hash: `#src=${'x'.repeat(500_000)}`, alert: null },
];

test('hostile share links: each gives a clear error (or is ignored), nothing runs, and the app stays usable', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const robust = new RobustnessPage(page);
  for (const link of hostileLinks) {
    await test.step(link.what, async () => {
      await robust.goto(link.hash);
      if (link.alert) {
        await expect(robust.error).toContainText(link.alert);
        await expect(robust.error).toContainText('What to do:');
      } else await expect(robust.examples).toBeVisible();
      if (link.what.includes('bomb')) await page.screenshot({ path: test.info().outputPath('share-bomb.png') });
      await expectNothingRan(robust);
      // Usable: the error can be put away and the examples answer (one simulation at the end keeps the test short).
      if (link.alert) await robust.dismissError.click();
      await expect(robust.example('fan-out')).toBeEnabled();
      await page.goto('about:blank');
    });
  }
  await robust.goto(hostileLinks[1].hash);
  await expect(robust.error).toContainText('LINK_TOO_LARGE');
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
  expect(errors).toEqual([]);
});

test('nothing the user loads leaves the browser: every request of a full session goes to this origin, without user data', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const requests: { url: string; body: string }[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  let sockets = 0;
  page.on('websocket', () => sockets++);
  const robust = new RobustnessPage(page);
  await robust.goto();
  const SECRET = 'secret-token-7f3a91';
  // Examples and stepping.
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
  await robust.stepForward.click();
  await robust.stepBack.click();
  await robust.example('timeout-race').click();
  await robust.graphTab.click();
  // A file with user data in it.
  const journal = sample('race-timeout/journal.query.json').replaceAll('fetch-a', `fetch-${SECRET}`);
  await robust.openBuffers({ name: `${SECRET}.query.json`, data: journal });
  await expect(robust.lane('c1')).toHaveAccessibleName(new RegExp(SECRET));
  await robust.journalTab.click();
  // Pair the journal with code and replay it; then simulate edited code.
  await robust.scenarioTab.click();
  await page
    .locator('.cm-content')
    .fill(
      `import { defineScenario, race } from '../src/sim';\nexport default defineScenario({ name: 'fanout-race', handler: async (ctx) =>\n  race([ctx.run('fetch-${SECRET}'), ctx.sleep(100)]) });\n`,
    );
  await page.getByRole('button', { name: 'Replay loaded journal' }).click();
  await expect(robust.status).toHaveText(/^Step/);
  await robust.simulateCode(
    `import { defineScenario } from '../src/sim';\nexport default defineScenario({ name: '${SECRET}', handler: async (ctx) => ctx.run('${SECRET}', () => 1) });\n`,
  );
  await expect(robust.lane('c1')).toHaveAccessibleName(new RegExp(SECRET));
  // Theme, help, limits, reload (restores from sessionStorage and the hash).
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await robust.helpButton.click();
  await robust.helpDialog.getByRole('button', { name: 'Close' }).click();
  await robust.limitsButton.click();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(robust.status).toHaveText(/^Step/);

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(3);
  const elsewhere = requests.filter(
    (r) => !r.url.startsWith('data:') && !r.url.startsWith('blob:') && new URL(r.url).origin !== origin,
  );
  expect(elsewhere).toEqual([]);
  expect(requests.filter((r) => r.url.includes(SECRET) || r.body.includes(SECRET))).toEqual([]);
  expect(requests.filter((r) => r.body !== '')).toEqual([]);
  expect(sockets).toBe(0);
});

test('the page itself cannot evaluate strings (CSP), while scenarios still simulate in the Worker', async ({
  page,
}) => {
  const robust = new RobustnessPage(page);
  await robust.goto();
  // A string timer is compiled by the page itself (page.evaluate's own code is exempt from CSP under CDP).
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[]; __evalRan?: number };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = 1', 0);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.join()))
    .toContain('script-src');
  expect(await page.evaluate(() => (window as unknown as { __evalRan?: number }).__evalRan)).toBeUndefined();
  await robust.example('fan-out').click();
  await expect(robust.status).toHaveText(/^Step/);
});
