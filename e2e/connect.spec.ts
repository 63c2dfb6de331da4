// Live Restate: the Connect panel of `replay-inspector serve` against a real Restate server started by the fixture.
import { pollUntil } from '../test/harness/processes';
import { awakeableIds, query, resolveAwakeable, send, sqlLiteral, waitForStatus } from '../test/harness/admin';
import { InspectorPage } from './pages/InspectorPage';
import { expect, test } from './restate-fixture';

// One server per worker: the tests of this file run one after another in the same worker. A real server and polling
// take longer on a loaded machine than the default 60 s allows, hence the longer limit (assertions still wait for
// what the user sees, never for a time).
test.describe.configure({ mode: 'default', timeout: 120_000 });

/** Starts `count` Live/echo invocations at once (parallel sends) and waits until all of them completed. */
async function echoInvocations(
  restate: { ingressUrl: string; adminUrl: string },
  count: number,
  from: number,
): Promise<string[]> {
  const ids = await Promise.all(
    Array.from({ length: count }, (_, i) => send(restate.ingressUrl, 'Live/echo', from + i)),
  );
  const list = ids.map(sqlLiteral).join(', ');
  let done: unknown;
  await pollUntil(
    async () => {
      const { rows } = await query(
        restate.adminUrl,
        `SELECT count(*) AS n FROM sys_invocation WHERE status = 'completed' AND id IN (${list})`,
      );
      done = rows[0]?.n;
      return done === count ? true : undefined;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: `${count} Live/echo invocations to complete`,
      describe: () => `${String(done)} completed`,
    },
  );
  return ids;
}

/** The `tick`-th awakeable id Live/grow published (it publishes the next one once the previous tick's runs completed). */
async function tickAwakeable(controlUrl: string, id: string, tick: number): Promise<string> {
  return pollUntil(
    async () => {
      const response = await fetch(`${controlUrl}/awakeables/${encodeURIComponent(id)}`, {
        signal: AbortSignal.timeout(5_000),
      });
      const ids = response.ok ? ((await response.json()) as string[]) : [];
      return ids.length > tick ? ids[tick] : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 50, what: `awakeable ${tick} of ${id}` },
  );
}

test.describe('Connect to a live Restate server', () => {
  test('lists the invocations it created, newest first, and filters them by target and status', async ({
    page,
    restate,
    connect,
  }) => {
    const done = await send(restate.ingressUrl, 'Extras/selfSignal', null);
    const failed = await send(restate.ingressUrl, 'Lab/terminal', null);
    const suspended = await send(restate.ingressUrl, 'Lab/suspend', null);
    await Promise.all([
      waitForStatus(restate.adminUrl, done, 'completed'),
      waitForStatus(restate.adminUrl, failed, 'completed'),
      waitForStatus(restate.adminUrl, suspended, 'suspended'),
    ]);

    // The address `replay-inspector serve` prints ends in ?connect: the panel is open on arrival.
    await page.goto(`${restate.appUrl}?connect`);
    await expect(connect.dialog).toContainText(`admin API ${restate.adminUrl}`);
    for (const id of [done, failed, suspended]) await expect(connect.row(id)).toBeVisible();
    await expect(connect.row(suspended)).toContainText('Lab/suspend');
    await expect(connect.row(suspended)).toContainText('suspended');
    await expect(connect.row(done)).toContainText('Extras/selfSignal');

    await connect.targetFilter.fill('Extras');
    await connect.refresh.click();
    await expect(connect.row(failed)).toHaveCount(0);
    await expect(connect.row(done)).toBeVisible();
    expect((await connect.ids()).every((id) => id !== suspended)).toBe(true);

    await connect.targetFilter.fill('');
    await connect.statusFilter.selectOption('suspended');
    await expect(connect.row(done)).toHaveCount(0);
    await expect(connect.row(suspended)).toBeVisible();
    await expect(connect.row(suspended).getByRole('button', { name: `Follow ${suspended}` })).toBeVisible();

    await connect.targetFilter.fill("Lab' OR 1=1 --");
    await connect.refresh.click();
    await expect(connect.error).toContainText('Filter by a service');
    await expect(connect.row(suspended)).toBeVisible(); // the list stays
  });

  test('pages past the first 50 with Load more: the filter holds, and invocations created meanwhile are neither repeated nor skipped', async ({
    page,
    restate,
    connect,
  }) => {
    const before = await echoInvocations(restate, 60, 0);
    await page.goto(`${restate.appUrl}?connect`);
    await connect.targetFilter.fill('Live/echo');
    await connect.refresh.click();
    await expect(connect.paging).toContainText('Showing 50 of 60');
    await expect(connect.rows).toHaveCount(50);

    // Five more arrive while the user pages; what is typed but not applied does not change the next page.
    const during = await echoInvocations(restate, 5, 100);
    await connect.targetFilter.fill('Lab');
    await connect.loadMore.click();
    await expect(connect.paging).toContainText('Showing 60 of 65');
    await expect(connect.paging).toContainText('5 created or changed since the first page');
    await expect(connect.loadMore).toHaveCount(0);
    const shown = await connect.ids();
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual([...before].sort());

    // Refresh applies the filter again: the newest (the five) come first.
    await connect.targetFilter.fill('Live/echo');
    await connect.refresh.click();
    await expect(connect.paging).toContainText('Showing 50 of 65');
    expect((await connect.ids()).slice(0, 5).sort()).toEqual([...during].sort());
    await connect.loadMore.click();
    await expect(connect.paging).toContainText('Showing 65 of 65');
    const all = await connect.ids();
    expect([...all].sort()).toEqual([...before, ...during].sort());
  });

  test('opens an invocation: its journal, events and awaited futures through the reader', async ({
    page,
    restate,
    connect,
  }) => {
    const id = await send(restate.ingressUrl, 'Lab/suspend', null);
    await waitForStatus(restate.adminUrl, id, 'suspended');
    await page.goto(restate.appUrl);
    const inspector = new InspectorPage(page);
    await connect.openButton.click();
    await connect.open(id);
    await expect(connect.dialog).toBeHidden();
    await expect(page.locator('.run-title')).toContainText(id);
    await expect(inspector.lane('c1')).toBeVisible();
    await expect(inspector.lane('c1')).toHaveAttribute('aria-label', /Sleep.*\(c1\).*pending/);
    await expect(inspector.status).toContainText('of 2');
  });

  test('follows a suspended invocation: resolved awakeables appear while the cursor stays where it was', async ({
    page,
    restate,
    connect,
  }) => {
    const id = await send(restate.ingressUrl, 'Lab/awakeables', null);
    const [first, second] = await awakeableIds(restate.controlUrl, id);
    await waitForStatus(restate.adminUrl, id, 'suspended');
    await page.goto(restate.appUrl);
    const inspector = new InspectorPage(page);
    await connect.openButton.click();
    await connect.follow(id);
    await expect(connect.following).toContainText('suspended');
    await expect(inspector.status).toContainText('Step 1 of 1');

    // Cursor in the middle (here: at the start): it keeps its step when entries arrive.
    await inspector.stepBack.click();
    await expect(inspector.status).toContainText('Step 0 of 1');
    await resolveAwakeable(restate.ingressUrl, second, 'second');
    await expect(inspector.lane('s18')).toBeVisible();
    await expect(inspector.status).toContainText('Step 0 of 2');

    // Cursor at the end: it stays at the (new) end.
    await inspector.stepToEnd();
    await expect(inspector.status).toContainText('Step 2 of 2');
    await inspector.lane('s18').click();
    await resolveAwakeable(restate.ingressUrl, first, 'first');
    await expect(inspector.lane('s17')).toBeVisible();
    await expect(inspector.status).toContainText('Step 4 of 4');
    await expect(inspector.lane('s18')).toHaveAttribute('aria-pressed', 'true');
    // Completed: following stops by itself.
    await expect(connect.following).toHaveCount(0);
  });

  test('follows a running invocation incrementally: entries are appended, lanes grow, cursor and selection stay', async ({
    page,
    restate,
    connect,
  }) => {
    // 20 runs (41 entries), then each resolved awakeable appends 5 (its signal, 2 runs and their completions); it stays running.
    const id = await send(restate.ingressUrl, 'Live/grow', { runs: 20, ticks: 2, perTick: 2 });
    const tick0 = await tickAwakeable(restate.controlUrl, id, 0);
    const journalQueries: string[] = [];
    page.on('request', (request) => {
      const sql = request.url().endsWith('/restate-admin/query')
        ? String((request.postDataJSON() as { query?: unknown }).query)
        : '';
      if (sql.includes('FROM sys_journal WHERE')) journalQueries.push(sql);
    });
    await page.goto(restate.appUrl);
    const inspector = new InspectorPage(page);
    await connect.openButton.click();
    await connect.follow(id);
    await expect(connect.following).toContainText('running');
    await expect(inspector.status).toContainText('Step 41 of 41');
    const lanesBefore = await inspector.lanes.count();

    // Cursor in the middle and a lane selected: both stay while entries are appended.
    for (let i = 0; i < 3; i++) await inspector.stepBack.click();
    await expect(inspector.status).toContainText('Step 38 of 41');
    await inspector.lane('c5').click();
    await expect(inspector.lane('c5')).toHaveAttribute('aria-pressed', 'true');
    // Zoomed in: the zoom stays too (checked below against the fitted axis).
    const ticks = page.locator('.tick');
    const fitted = await ticks.allTextContents();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => ticks.allTextContents()).not.toEqual(fitted);
    await resolveAwakeable(restate.ingressUrl, tick0, 'go');
    await expect(inspector.status).toContainText('Step 38 of 46');
    await expect(inspector.lane('s17')).toBeVisible();
    await expect(inspector.lane('c22')).toBeVisible();
    expect(await inspector.lanes.count()).toBe(lanesBefore + 3);
    await expect(inspector.lane('c5')).toHaveAttribute('aria-pressed', 'true');
    await expect(connect.following).toContainText(/· running\s*\+\d+/);
    await expect(connect.following).toHaveAttribute(
      'title',
      /Last update: \d+ entr(y|ies) appended \([\d.]+ (B|kB) fetched\)/,
    );

    // The server's journal seems shorter than the one shown (as after a purge or restart): one full re-read, said so.
    await page.route('**/restate-admin/query', async (route) => {
      if (
        !String((route.request().postDataJSON() as { query?: unknown }).query).startsWith(
          'SELECT id, status, modified_at, journal_size',
        )
      )
        return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { rows: Record<string, unknown>[] };
      await route.fulfill({
        response,
        json: { rows: [{ ...body.rows[0], journal_size: 3, modified_at: '2000-01-01T00:00:00.000Z' }] },
      });
    });
    await expect(connect.following).toContainText('read again in full');
    await expect(connect.following).toHaveAttribute(
      'title',
      /Read again in full \([\d.]+ (MB|kB) fetched\): the server's journal has 3 entries, fewer than the 46 shown\./,
    );
    await page.unroute('**/restate-admin/query');
    await expect(inspector.status).toContainText('Step 38 of 46');
    await expect(inspector.lane('c5')).toHaveAttribute('aria-pressed', 'true');
    const zoomed = await ticks.allTextContents();
    await page.keyboard.press('0');
    await expect.poll(() => ticks.allTextContents()).not.toEqual(zoomed);

    // Cursor at the end: it stays at the (new) end.
    await page.keyboard.press('End');
    await expect(inspector.status).toContainText('Step 46 of 46');
    await resolveAwakeable(restate.ingressUrl, await tickAwakeable(restate.controlUrl, id, 1), 'go');
    await expect(inspector.status).toContainText('Step 52 of 52'); // 5 entries and the Output
    await expect(inspector.lane('c24')).toBeVisible();
    await expect(connect.following).toHaveCount(0); // completed: following stops by itself

    // The whole journal was read twice (Open, and the one re-read); every other update asked only for the rows from
    // the last one shown on.
    const whole = journalQueries.filter((sql) => !sql.includes('index >='));
    expect(whole).toHaveLength(2);
    for (const sql of whole) expect(sql).toMatch(/WHERE id = 'inv_\w+' ORDER BY index$/);
    const tails = journalQueries.filter((sql) => sql.includes('index >='));
    expect(tails.length).toBeGreaterThanOrEqual(2);
    for (const sql of tails) expect(sql).toMatch(/ AND index >= (4\d|5\d) ORDER BY index$/);
  });

  test('following survives a failing proxy: the error shows, the view stays, polling resumes with backoff', async ({
    page,
    restate,
    connect,
  }) => {
    const id = await send(restate.ingressUrl, 'Lab/suspend', null);
    await waitForStatus(restate.adminUrl, id, 'suspended');
    await page.goto(restate.appUrl);
    const inspector = new InspectorPage(page);
    await connect.openButton.click();
    await connect.follow(id);
    await expect(connect.following).toContainText('suspended');
    await page.route('**/restate-admin/query', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'Restate admin API at http://127.0.0.1:1 is not reachable: ECONNREFUSED' }),
      }),
    );
    await expect(connect.following).toContainText('The Restate server is not reachable');
    await expect(connect.following).toContainText('Retrying in');
    await expect(inspector.lane('c1')).toBeVisible();
    await page.unroute('**/restate-admin/query');
    await expect(connect.following).not.toContainText('not reachable', { timeout: 15_000 });
    await expect(connect.following).toContainText('suspended');
    await connect.stopFollowing.click();
    await expect(connect.following).toHaveCount(0);
    await expect(inspector.lane('c1')).toBeVisible();
  });

  test('says clearly when the Restate server is down, and keeps the current view', async ({
    page,
    restate,
    connect,
  }) => {
    await page.goto(`${restate.deadAppUrl}#src=example:timeout-race`);
    const inspector = new InspectorPage(page);
    await expect(inspector.lanes.first()).toBeVisible();
    await connect.openButton.click();
    await expect(connect.error).toContainText('not reachable');
    await connect.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(inspector.lanes.first()).toBeVisible();
  });
});

test('without `replay-inspector serve`, Connect explains how to start it', async ({ page, connect }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('./');
  await connect.openButton.click();
  await expect(connect.dialog).toContainText('npx replay-inspector serve --admin http://localhost:9070');
  await connect.dialog.getByRole('button', { name: 'Close' }).click();
  await connect.openButton.click();
  await expect(connect.dialog).toContainText('replay-inspector serve');
  expect(requests.filter((p) => p.includes('__replay-inspector')).length).toBe(1);
  expect(requests.some((p) => p.startsWith('/restate-admin'))).toBe(false);
});
