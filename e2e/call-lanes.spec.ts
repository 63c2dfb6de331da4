// A real journal reads as its code did (issue 12 item 4): a call's invocation-id notification is a marker on the
// call's lane, not a lane of its own, and the status line never says the call completed when only the callee's id
// arrived. Real Restate 1.7.12 captures from test/fixtures/restate-1.7.12.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const CAPTURES = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'restate-1.7.12');

/** Calls, runs and sleeps the handler issued: the commands a reader of its code sees as futures. */
function callsRunsSleeps(name: string): number {
  const { rows } = JSON.parse(readFileSync(path.join(CAPTURES, name, 'journal.query.json'), 'utf8')) as {
    rows: { entry_type: string }[];
  };
  return rows.filter((r) => /^Command: (Call|Run|Sleep)$/.test(r.entry_type)).length;
}

for (const name of ['all-calls', 'fanout-small']) {
  test(`${name}: one lane per call, run and sleep, none for an invocation id`, async ({ inspector }) => {
    await inspector.openJournal.setInputFiles(path.join(CAPTURES, name, 'journal.query.json'));
    await expect(inspector.status).toHaveText(/^Step \d+ of \d+/);
    await expect(inspector.lanes).toHaveCount(callsRunsSleeps(name));
    await expect(inspector.timeline.getByRole('button', { name: /^CallInvocationId / })).toHaveCount(0);
  });
}

test("all-calls: the invocation-id step says the callee's id is known, and marks the call's lane", async ({
  inspector,
  page,
}, info) => {
  await inspector.openJournal.setInputFiles(path.join(CAPTURES, 'all-calls', 'journal.query.json'));
  const call = inspector.timeline.getByRole('button', { name: /^Call Worker\/slow \(c2\)/ });
  await expect(inspector.status).toHaveText(/^Step 11 of 11/);
  await page.keyboard.press('Home');
  await expect(inspector.status).toHaveText(/^Step 0 of 11/);
  await inspector.stepForward.click();
  await inspector.stepForward.click();
  await expect(inspector.status).toHaveText('Step 2 of 11: Call (c2) started');
  await expect(call).toHaveAccessibleName('Call Worker/slow (c2): pending');

  // Entry #2 is the CallInvocationId notification of c1: the call c2 is still pending.
  await inspector.stepForward.click();
  await expect(inspector.status).toHaveText('Step 3 of 11: Worker/slow (c2): callee invocation id known (c1)');
  await expect(inspector.status).not.toContainText('completed');
  await expect(call).toHaveAccessibleName(
    /^Call Worker\/slow \(c2\): pending; callee invocation id inv_\w+ known \(c1\)$/,
  );
  const marker = call.locator('[data-invocation-id-future="c1"]');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute('title', /^callee invocation id inv_\w+ known \(c1\)$/);
  await page.screenshot({ path: process.env.CALL_LANES_SCREENSHOT ?? info.outputPath('call-lanes.png') });

  // The call's own result comes later: then, and only then, it completed.
  await page.keyboard.press('End');
  await expect(call).toHaveAccessibleName(/^Call Worker\/slow \(c2\): completed; callee invocation id/);
  await expect(inspector.lanes).toHaveCount(3);
});

test('send-attach: a send keeps its invocation-id future as its own lane', async ({ inspector }) => {
  await inspector.openJournal.setInputFiles(path.join(CAPTURES, 'send-attach', 'journal.query.json'));
  await expect(inspector.lanes).toHaveCount(2);
  await expect(inspector.lane('c1')).toHaveAccessibleName(/^CallInvocationId .*\(c1\): completed$/);
});
