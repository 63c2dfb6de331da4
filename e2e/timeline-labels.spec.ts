// Marker labels on the timeline never draw over each other and are never cut off at the lanes' edges: on real Restate
// captures (the "real journal" of the screenshots, run-retry-exhausted, paused), on a crowded journal where the labels
// that do not fit fold into "+N" (title and inspector keep the full list), and through every step of simulated runs.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLES, type InspectorPage } from './pages/InspectorPage';
import { TimelinePage } from './pages/TimelinePage';

const CAPTURES = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'restate-1.7.12');
const capture = (name: string) =>
  ['journal.query.json', 'events.query.json', 'invocation.query.json'].map((f) => path.join(CAPTURES, name, f));

/** Every axis and both ends of the run: where markers crowd differs with each. */
async function expectReadableEverywhere(inspector: InspectorPage, timeline: TimelinePage): Promise<void> {
  for (const axis of [timeline.wallClockAxis, timeline.indexAxis]) {
    await axis.click();
    for (const key of ['End', 'Home']) {
      await inspector.page.keyboard.press(key);
      await expect(timeline.labels.first()).toBeVisible();
      expect(await timeline.overlappingLabels()).toEqual([]);
      expect(await timeline.cutOffLabels()).toEqual([]);
    }
  }
}

for (const [widthPx, heightPx] of [
  [1280, 800],
  [1600, 1000],
] as const) {
  test(`real captures: no two marker labels intersect, none is cut off (${widthPx}×${heightPx})`, async ({
    inspector,
    page,
  }) => {
    await page.setViewportSize({ width: widthPx, height: heightPx });
    const timeline = new TimelinePage(page);
    const journals = [
      {
        id: 'inv_1i371yPPlnjo1jfG2JekLpGUGfG77heKWc',
        files: ['run-retry/journal.query.json', 'run-retry/events.query.json', 'run-retry/invocation.query.json'].map(
          (f) => path.join(SAMPLES, f),
        ),
      },
      { id: 'inv_1gjr4l6s8TOn6wfxSbbmHbE4RP5IscSQoT', files: capture('run-retry-exhausted') },
      { id: 'inv_1gf1VVQzvZWs4GyPxkRnG3l9EejI6Sisdf', files: capture('paused') },
      { id: 'inv_11R5H03N4H3p3d9oDso8SSKSQvwM2S08qg', files: capture('journal-mismatch') },
    ];
    for (const { id, files } of journals) {
      await inspector.openJournal.setInputFiles(files);
      await expect(page.locator('.run-title')).toContainText(id);
      await expect(timeline.labels.first()).toBeVisible();
      await expectReadableEverywhere(inspector, timeline);
    }
  });
}

test('crowded transient errors stack, the rest fold into "+N" with the full list in its title and in the inspector', async ({
  inspector,
  page,
}, info) => {
  // The real run-retry capture, with its three transient errors spread over the first entries and two more added:
  // five markers within a few pixels of each other on the compressed time axis.
  const events = JSON.parse(await readFile(path.join(SAMPLES, 'run-retry', 'events.query.json'), 'utf8')) as {
    rows: Record<string, unknown>[];
  };
  const template = events.rows[0];
  const rows = [0, 1, 1, 2, 3, 4].map((after, i) => ({
    ...template,
    after_journal_entry_index: after,
    event_json: JSON.stringify({
      ty: 'TransientError',
      error_code: 500 + (i % 2) * 3,
      error_message: `failure number ${i + 1}`,
    }),
  }));
  const crowded = info.outputPath('events.query.json');
  await writeFile(crowded, JSON.stringify({ rows }));
  await inspector.openJournal.setInputFiles([path.join(SAMPLES, 'run-retry', 'journal.query.json'), crowded]);
  const timeline = new TimelinePage(page);
  await timeline.wallClockAxis.click();
  await page.keyboard.press('End');
  await timeline.zoomOut.click();
  await timeline.zoomOut.click();

  const folded = timeline.labels.filter({ hasText: /\+\d+$/ });
  await expect(folded).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('crowded.png') });
  expect(await timeline.overlappingLabels()).toEqual([]);
  expect(await timeline.cutOffLabels()).toEqual([]);
  // Drawn labels plus the folded count account for every marker (five entries with events → five markers).
  const drawn = await timeline.labels.allTextContents();
  const foldedCount = Number(/\+(\d+)$/.exec((await folded.textContent())!)![1]);
  expect(drawn.length + foldedCount).toBe(5);
  // The title names each marker folded into this label, with its message.
  const title = (await folded.getAttribute('title'))!;
  expect(title.split('\n')).toHaveLength(foldedCount + 1);
  expect(title).toContain('failure number 6');
  // The inspector lists every event, each readable on its own line.
  const list = inspector.inspector.getByRole('region', { name: 'Lifecycle events' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  for (let i = 1; i <= 6; i++) await expect(list).toContainText(`failure number ${i}`);
});

for (const example of ['crash-and-replay', 'handler-transient-error', 'transient-retries', 'cancel-from-outside']) {
  test(`${example}: marker labels stay readable at every step`, async ({ inspector, page }) => {
    const timeline = new TimelinePage(page);
    await inspector.example(example).click();
    await expect(inspector.status).toHaveText(/^Step/);
    await page.keyboard.press('Home');
    for (let step = 0; step < 100; step++) {
      const status = (await inspector.status.textContent()) ?? '';
      expect(await timeline.overlappingLabels(), status).toEqual([]);
      expect(await timeline.cutOffLabels(), status).toEqual([]);
      if (!(await inspector.stepForward.isEnabled())) break;
      await inspector.stepForward.click();
      await expect(inspector.status).not.toHaveText(status);
    }
  });
}
