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

/**
 * What to wait for in `watchFirstPaint`: an element matching `selector`, or a text node whose text is exactly `text`.
 * `since`: 'navigation' measures from the page's time origin (a navigation), 'file-chosen' from the first `change`
 * event of a file input.
 */
export interface FirstPaintTarget {
  selector?: string;
  text?: string;
  since: 'navigation' | 'file-chosen';
}

/**
 * Installs, before the page's own scripts, a MutationObserver that notes when the target is first added to the page
 * and visible, then the first frame after it (a requestAnimationFrame, then a posted message, as `afterPaint`); read it
 * with `firstPaintMs`. The page itself does the watching, so the time is not rounded up to Playwright's polling
 * (0, 20, 50, 100, 100, then every 500 ms) nor delayed by a check waiting for a busy main thread. It inspects only the
 * nodes each mutation adds, so it costs a page about one walk of its DOM in all, the same for any page.
 */
export async function watchFirstPaint(page: Page, target: FirstPaintTarget): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner functions in a helper the page does not have.
  const script = `(() => {
    const target = ${JSON.stringify(target)};
    const w = window;
    w.__benchFirst = { chosen: target.since === 'navigation' ? 0 : null, seen: null, painted: null };
    if (target.since === 'file-chosen')
      document.addEventListener('change', (e) => {
        if (w.__benchFirst.chosen === null && e.target && e.target.type === 'file') w.__benchFirst.chosen = performance.now();
      }, true);
    let candidates = [];
    const matchesIn = (node) => {
      if (target.selector) {
        if (node.nodeType !== 1) return [];
        const found = node.matches(target.selector) ? [node] : [];
        return found.concat(Array.from(node.querySelectorAll(target.selector)));
      }
      if (node.nodeType === 3) return node.data === target.text ? [node.parentElement] : [];
      if (node.nodeType !== 1) return [];
      const out = [];
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.data === target.text) out.push(t.parentElement);
      return out;
    };
    const visible = (el) => el && el.isConnected && el.checkVisibility() && el.getBoundingClientRect().height > 0;
    const paintedAfter = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { w.__benchFirst.painted = performance.now(); };
        channel.port2.postMessage(0);
      });
    const look = () => {
      if (w.__benchFirst.seen !== null) return;
      if ((target.since === 'file-chosen' && w.__benchFirst.chosen === null) || !candidates.some(visible)) {
        if (candidates.length) requestAnimationFrame(look);
        return;
      }
      w.__benchFirst.seen = performance.now();
      observer.disconnect();
      paintedAfter();
    };
    const observer = new MutationObserver((records) => {
      const before = candidates.length;
      for (const r of records) for (const n of r.addedNodes) candidates = candidates.concat(matchesIn(n));
      if (candidates.length > before) look();
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
  await page.addInitScript({ content: script });
}

/** The first paint `watchFirstPaint` saw, in ms since its start point (waits for it, up to `timeoutMs`). */
export async function firstPaintMs(page: Page, timeoutMs = 120_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const first = (window as unknown as { __benchFirst?: { chosen: number | null; painted: number | null } })
        .__benchFirst;
      return first && first.painted !== null && first.chosen !== null ? first.painted - first.chosen : null;
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  return Math.round((await handle.jsonValue()) as number);
}
