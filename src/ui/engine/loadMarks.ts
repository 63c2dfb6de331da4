// Where the time to the first row goes (issue 15): named User Timing marks `ri:<phase>` on the page's timeline,
// read by bench/first-row.bench.ts. The engine Worker has its own clock origin, so it reports its phases as epoch
// milliseconds (timeOrigin + now) and the page places them on its own timeline with `startTime`.

export type WorkerTimings = Record<string, number>;

const PREFIX = 'ri:';

/** Marks a phase of the current load on the page's timeline (no-op where User Timing is missing). */
export function markLoad(phase: string, epochMs?: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  try {
    if (epochMs === undefined) performance.mark(PREFIX + phase);
    else performance.mark(PREFIX + phase, { startTime: Math.max(0, epochMs - performance.timeOrigin) });
  } catch {
    // A mark is a measurement aid only: never let it break a load.
  }
}

/** Forgets the marks of an earlier load, so the bench reads one load's phases. */
export function clearLoadMarks(): void {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return;
  for (const mark of performance.getEntriesByType('mark'))
    if (mark.name.startsWith(PREFIX)) performance.clearMarks(mark.name);
}

/** Worker side: the epoch time now, on a clock the page can compare with its own. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Marks `phase` once the browser has drawn the next frame: a requestAnimationFrame callback runs before that frame's
 * style, layout and paint, and a message posted from it is handled after them (as bench/browser.ts `afterPaint`).
 */
export function markAfterNextPaint(phase: string): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => markLoad(phase);
    channel.port2.postMessage(0);
  });
}
