// Shared pieces of the browser benchmarks: a Chromium (system one when present, like the e2e tests), the built site
// served by `replay-inspector serve`'s static server, and measurements taken the same way for every page.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServer } from '../src/cli/commands/serve';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-precise-memory-info',
    ],
  });
}

/** Builds the site (unless BENCH_NO_BUILD=1) and serves dist/ on a free loopback port. */
export async function serveSite(): Promise<{ url: string; server: Server }> {
  // BENCH_DIST serves an already built site (e.g. a base commit's, for paired before/after runs): no build.
  const distDir = process.env.BENCH_DIST ?? 'dist';
  if (process.env.BENCH_NO_BUILD !== '1' && !process.env.BENCH_DIST) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  return startServer({ distDir, adminUrl: 'http://127.0.0.1:9', port: 0, host: '127.0.0.1' });
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/**
 * Resolves just after the next frame: a requestAnimationFrame callback runs before that frame's style, layout and
 * paint, and a message posted from it is handled after them. So what the last input caused has been drawn.
 */
export function afterPaint(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        }),
      ),
  );
}

/**
 * 20 wheel steps over the element at (x, y), each sized to 1/20 of its scroll container's scrollable height, each
 * followed by a painted frame. Returns the total time and how far the container got (1 = the end).
 */
export async function wheelThrough(
  page: Page,
  x: number,
  y: number,
  steps = 20,
): Promise<{ totalMs: number; reached: number; deltaPx: number }> {
  const deltaPx = await page.evaluate(
    ({ x, y, steps }) => {
      let el: Element | null = document.elementFromPoint(x, y);
      while (el && !(el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)))
        el = el.parentElement;
      const box = el ?? document.scrollingElement!;
      (window as unknown as { __benchScroller: Element }).__benchScroller = box;
      return Math.ceil((box.scrollHeight - box.clientHeight) / steps) + 1;
    },
    { x, y, steps },
  );
  await page.mouse.move(x, y);
  const started = Date.now();
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, deltaPx);
    await afterPaint(page);
  }
  const totalMs = Date.now() - started;
  const reached = await page.evaluate(() => {
    const box = (window as unknown as { __benchScroller: Element }).__benchScroller;
    const max = box.scrollHeight - box.clientHeight;
    return max > 0 ? box.scrollTop / max : 1;
  });
  return { totalMs, reached, deltaPx };
}

/** Collects long tasks (over 50 ms) from page start; read them with `longTasks(page)`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
}

export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks ?? []);
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * The floor under `wheelThrough` on this machine right now: the same 20 wheel steps and painted frames over a page
 * that does nothing but scroll. What a page costs is its time above this floor (a busy machine raises both).
 */
export async function wheelFloor(browser: Browser): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<div style="height:600px;overflow:auto"><div style="height:1000000px">scroll</div></div>');
    return (await wheelThrough(page, 200, 200)).totalMs;
  } finally {
    await page.close();
  }
}
