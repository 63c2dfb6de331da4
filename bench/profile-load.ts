// Developer tool (not part of `npm run bench`): profiles the page's main thread while a generated /query export
// loads, and prints the functions with the most self time plus the long tasks. Finds what blocks the page.
// Run: BENCH_NO_BUILD=1 npx tsx bench/profile-load.ts [load|loadtrace|step|trace|wheel] [entries]
// `loadtrace` prints the main thread's tasks from the file being chosen to the first lane painted, each with its
// script, style, layout and paint time: where the first row's milliseconds go, in the order they were spent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJournal } from '../src/journal-reader/generate';
import { toRestateQueryText } from '../src/journal-reader';
import type { CDPSession } from '@playwright/test';
import { afterPaint, launchBrowser, longTasks, observeLongTasks, serveSite, wheelThrough } from './browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const phase = process.argv[2] ?? 'load';
const entries = Number(process.argv[3] ?? 100_000);
// BENCH_PROFILE_FILE: profile the load of that file instead (e.g. the real fan-out bundle of bench/first-row.bench.ts).
const file =
  process.env.BENCH_PROFILE_FILE ?? join(mkdtempSync(join(tmpdir(), 'ri-prof-')), `journal-${entries}.query.json`);
if (!process.env.BENCH_PROFILE_FILE) writeFileSync(file, toRestateQueryText([generateJournal({ entries, seed: 1 })]));
const site = await serveSite();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await observeLongTasks(page);
  await page.goto(site.url);
  await page.getByLabel('Open journal').waitFor({ state: 'attached' });
  await afterPaint(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  const samplingInterval = Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 500);
  await cdp.send('Profiler.setSamplingInterval', { interval: samplingInterval });
  // BENCH_PROFILE_WORKER=1: profile the engine Worker instead (the warm Worker that takes the job), through the
  // page's session: Playwright gives no CDP session for a Worker, so messages go by Target.sendMessageToTarget.
  const worker = process.env.BENCH_PROFILE_WORKER === '1' ? await workerSession(cdp) : null;
  if (worker) {
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: samplingInterval });
    await worker.send('Profiler.start');
  } else if (phase === 'load') await cdp.send('Profiler.start');
  if (phase === 'loadtrace')
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'blink',
        'loading',
      ],
    });
  const started = Date.now();
  await page.getByLabel('Open journal').setInputFiles(file);
  await page.locator('[data-future-id]').first().waitFor({ state: 'visible', timeout: 120_000 });
  await afterPaint(page);
  console.log(`first paint ${Date.now() - started} ms`);
  if (phase === 'loadtrace') {
    printTasks(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    process.exit(0);
  }
  // A large file's first lanes are its partial run (partialRead.ts): the load ends when the progress bar goes.
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 600_000 });
  await afterPaint(page);
  console.log(`whole run ${Date.now() - started} ms`);
  if (phase === 'step' || phase === 'trace') {
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('Home');
    await afterPaint(page);
    if (phase === 'trace')
      await page
        .context()
        .browser()!
        .startTracing(page, { categories: ['devtools.timeline'] });
    else await cdp.send('Profiler.start');
    const t0 = Date.now();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowRight');
      await afterPaint(page);
    }
    console.log(`30 steps ${Date.now() - t0} ms`);
    if (phase === 'trace') {
      // Main-thread time by trace event name (complete events only; nested events are counted in each of them).
      const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString()) as {
        traceEvents: { name: string; ph: string; dur?: number }[];
      };
      const byName = new Map<string, number>();
      for (const e of trace.traceEvents)
        if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      [...byName.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .forEach(([k, ms]) => console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`));
      process.exit(0);
    }
  }
  if (phase === 'wheel') {
    const box = (await page.locator('[data-future-id]').first().boundingBox())!;
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => document.querySelector('.tl-scroll')!.scrollTo(0, 0));
      await afterPaint(page);
      const w = await wheelThrough(page, box.x + box.width / 2, box.y + box.height / 2);
      console.log(`wheel ${w.totalMs} ms`);
    }
    await cdp.send('Profiler.start');
  }
  const { profile } = (worker ? await worker.send('Profiler.stop') : await cdp.send('Profiler.stop')) as {
    profile: Profile;
  };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const sampled = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([k]) => k.startsWith('(idle)')).reduce((a, [, ms]) => a + ms, 0);
  console.log(`busy ${(sampled - idle).toFixed(0)} ms of ${sampled.toFixed(0)} ms sampled`);
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .forEach(([k, ms]) => console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`));
  // Inclusive time: every function on a sample's stack gets the sample's time once.
  const parent = new Map<number, number>();
  profile.nodes.forEach((n) => n.children?.forEach((c) => parent.set(c, n.id)));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
      seen.add(key);
    }
  });
  console.log('--- inclusive');
  [...total.entries()]
    .filter(([k]) => !k.startsWith('('))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.BENCH_PROFILE_TOP ?? 40))
    .forEach(([k, ms]) => console.log(`${ms.toFixed(0).padStart(6)} ms  ${k}`));
  // BENCH_PROFILE_TREE=<function name>: the call tree under each call of that function (merged), nodes of ≥ 0.5 ms.
  const root = process.env.BENCH_PROFILE_TREE;
  if (root) printTree(profile, root);
  console.log('long tasks', (await longTasks(page)).map(Math.round));
} finally {
  await browser.close();
  site.server.close();
}

/** A CDP session into the page's dedicated Worker (the first one attached), by the page's own session. */
async function workerSession(cdp: CDPSession): Promise<{ send(method: string, params?: object): Promise<unknown> }> {
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const sessionId = await new Promise<string>((resolve) => {
    cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
      if (e.targetInfo.type === 'worker') resolve(e.sessionId);
    });
    void cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (e.sessionId === sessionId && m.id !== undefined) pending.get(m.id)?.(m.result);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { name?: string; message?: string } };
}

/** The renderer main thread's tasks over 1 ms, from the first `ri:file-chosen` mark on, with what each spent time on. */
function printTasks(events: TraceEvent[]): void {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.data === undefined &&
      (e.args as { name?: string })?.name === 'CrRendererMain',
  );
  const mainTid = main?.tid;
  const onMain = events.filter((e) => e.tid === mainTid && e.pid === main?.pid);
  const chosen = onMain.find((e) => e.name === 'ri:file-chosen')?.ts ?? onMain[0].ts;
  const marks = onMain.filter((e) => e.name.startsWith('ri:') && e.ts >= chosen);
  const tasks = onMain.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= chosen && (e.dur ?? 0) > 1000,
  );
  const kinds = [
    'FunctionCall',
    'EventDispatch',
    'TimerFire',
    'FireAnimationFrame',
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'CompositeLayers',
    'HitTest',
    'MajorGC',
    'MinorGC',
    'ParseHTML',
    'EvaluateScript',
    'v8.compile',
    'FireIdleCallback',
  ];
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const parts = new Map<string, number>();
    for (const e of onMain)
      if (e.ph === 'X' && e.ts >= t.ts && e.ts < end && kinds.includes(e.name) && e.dur)
        parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    // A task with no named work inside: name its longest events instead (BENCH_TRACE_DETAIL=1 for every task).
    if (process.env.BENCH_TRACE_DETAIL || !parts.size) {
      const longest = onMain
        .filter((e) => e.ts >= t.ts && e.ts < end && e !== t && (e.ph !== 'X' || (e.dur ?? 0) > 300))
        .map(
          (e) => `${e.name}${e.args?.data?.name ? `(${e.args.data.name})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
        );
      for (const l of longest.slice(0, 8)) parts.set(l, 1);
    }
    if (process.env.BENCH_TRACE_LAYOUT)
      for (const e of onMain)
        if (e.ts >= t.ts && e.ts < end && (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.dur ?? 0) > 1000)
          console.log(`        ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify(e.args)}`);
    const inside = marks.filter((m) => m.ts >= t.ts && m.ts < end).map((m) => m.name.slice(3));
    const shown = [...parts.entries()]
      .filter(([, ms]) => ms >= 0.5)
      .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
      .join(', ');
    console.log(
      `${((t.ts - chosen) / 1000).toFixed(1).padStart(7)} +${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${shown}${inside.length ? '  [' + inside.join(' ') + ']' : ''}`,
    );
  }
}

function printTree(profile: Profile, rootName: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + profile.timeDeltas[i] / 1000));
  const total = (id: number): number =>
    (selfMs.get(id) ?? 0) + (byId.get(id)!.children ?? []).reduce((n, c) => n + total(c), 0);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  // Merge the subtrees of every node named rootName, by path of names.
  interface Merged {
    ms: number;
    children: Map<string, Merged>;
  }
  const merged: Merged = { ms: 0, children: new Map() };
  const add = (into: Merged, id: number) => {
    const n = byId.get(id)!;
    for (const c of n.children ?? []) {
      const key = name(byId.get(c)!);
      const child = into.children.get(key) ?? { ms: 0, children: new Map() };
      child.ms += total(c);
      into.children.set(key, child);
      add(child, c);
    }
  };
  for (const n of profile.nodes)
    if (n.callFrame.functionName === rootName) {
      merged.ms += total(n.id);
      add(merged, n.id);
    }
  const print = (m: Merged, label: string, depth: number) => {
    if (m.ms < 0.5 || depth > 40) return;
    console.log(`${'  '.repeat(depth)}${m.ms.toFixed(1)} ${label}`);
    [...m.children.entries()].sort((a, b) => b[1].ms - a[1].ms).forEach(([k, c]) => print(c, k, depth + 1));
  };
  print(merged, rootName, 0);
}
