// The timeline's wheel: plain wheel scrolls the lanes (passive, on the compositor), Ctrl+wheel zooms the time axis
// around the pointer without zooming the page, Shift+wheel pans it.
import { test, expect } from './fixtures';

test('Ctrl+wheel zooms the time axis (not the page), Shift+wheel pans it, a plain wheel leaves the axis alone', async ({
  inspector,
  page,
}) => {
  await inspector.example('fan-out').click();
  await expect(inspector.status).toHaveText(/^Step/);
  const ticks = page.locator('.tick');
  const fitted = await ticks.allTextContents();
  const box = (await inspector.lanes.first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);

  await page.mouse.wheel(0, 120);
  await expect.poll(() => ticks.allTextContents()).toEqual(fitted);

  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -120);
  await page.keyboard.up('Control');
  await expect.poll(() => ticks.allTextContents()).not.toEqual(fitted);
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  const zoomed = await ticks.allTextContents();

  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Shift');
  await expect.poll(() => ticks.allTextContents()).not.toEqual(zoomed);

  await page.keyboard.press('0');
  await expect.poll(() => ticks.allTextContents()).toEqual(fitted);
});
