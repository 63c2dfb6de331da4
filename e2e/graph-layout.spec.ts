// The combinator graph is fitted and centred in its panel: at mount, after moving to another decision, after the
// window is resized, and for a wide graph (six awaits in a row), at 1280×800 and 1600×1000.
import { expect, test } from './fixtures';
import { GraphPage, type GraphMargins } from './pages/GraphPage';

/** Centred: top/bottom (and left/right) margins differ by less than a third of the panel; nothing is cut off. */
function centredAndInside(m: GraphMargins): boolean {
  return (
    Math.abs(m.topPx - m.bottomPx) < m.panelHeightPx / 3 &&
    Math.abs(m.leftPx - m.rightPx) < m.panelWidthPx / 3 &&
    Math.min(m.topPx, m.bottomPx, m.leftPx, m.rightPx) >= 0
  );
}

async function expectCentred(graph: GraphPage): Promise<void> {
  await expect(graph.nodes.first()).toBeVisible();
  // Polled: React Flow fits once the nodes are measured, a frame or two after they appear.
  await expect
    .poll(async () => centredAndInside(await graph.margins()), { message: 'graph nodes centred and inside the panel' })
    .toBe(true);
}

for (const [widthPx, heightPx] of [
  [1280, 800],
  [1600, 1000],
] as const) {
  test(`graph is centred in its panel at ${widthPx}×${heightPx}, after a decision change and after resizing`, async ({
    inspector,
    page,
  }, info) => {
    await page.setViewportSize({ width: widthPx, height: heightPx });
    const graph = new GraphPage(page);
    await inspector.example('timeout-race').click();
    await expect(inspector.status).toHaveText(/^Step/);
    await expectCentred(graph);
    await page.screenshot({ path: info.outputPath('mounted.png') });

    await page.keyboard.press('Home');
    await inspector.nextDecision.click();
    await expect(inspector.status).toHaveText(/^Step \d+ of \d+: select/);
    await expectCentred(graph);

    // Smaller, then larger than at mount: a fit made once at mount leaves the nodes low (or cut off) after either.
    await page.setViewportSize({ width: widthPx - 240, height: heightPx - 160 });
    await expectCentred(graph);
    await page.screenshot({ path: info.outputPath('smaller.png') });
    await page.setViewportSize({ width: widthPx + 120, height: heightPx + 120 });
    await expectCentred(graph);
    await page.screenshot({ path: info.outputPath('larger.png') });
  });
}

test('a wide graph (six awaits after a gather) fits inside its panel, none of its nodes cut off', async ({
  inspector,
  page,
}, info) => {
  const graph = new GraphPage(page);
  await inspector.example('gather-batch').click();
  await expect(inspector.status).toHaveText(/^Step/);
  await page.keyboard.press('End');
  await expectCentred(graph);
  await page.screenshot({ path: info.outputPath('wide.png') });
});
