// Runs one engine job in a fresh Worker, with a time limit: a runaway scenario is stopped by terminating the Worker,
// so the page never freezes. One Worker per job keeps jobs independent and makes cancelling trivial.
import type { RunResult } from '../../run/loaded-run';
import type { EngineError, EngineJob, EngineMessage } from './protocol';
import { prepareForPage } from './prepare';
import { keepRawSource } from './rawRows';
import { ResultAssembler } from './transfer';
import { isLazyEntries, plainEntries } from './lazyEntries';
import { markLoad } from './loadMarks';
import type { PartialRun } from './partialRead';

export const SIMULATION_TIME_LIMIT_MS = 5000;
export const READ_TIME_LIMIT_MS = 120_000;
export const STEPS_MAX = 200_000;

export interface RunningJob {
  promise: Promise<RunResult>;
  cancel(): void;
}

export class EngineFailure extends Error {
  constructor(readonly info: EngineError) {
    super(info.message);
  }
}

const spawnWorker = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });

/**
 * One Worker is started ahead of need: starting a module Worker and loading the reader into it takes a few hundred
 * milliseconds that a user would otherwise wait for after choosing a file. Every job still gets a Worker no job has
 * used (a warm one is fresh; it has only loaded its modules), and a new one is warmed a moment after each job ends.
 */
let warmWorker: Worker | null = null;

/**
 * now: start at once (boot). afterPaint: once the next frame is drawn and the page is idle (after a job: the run it
 * made is shown first). Otherwise when the page is next idle.
 */
export function prewarmEngine(options: { now?: boolean; afterPaint?: boolean } = {}): void {
  if (warmWorker || typeof Worker === 'undefined') return;
  const start = () => void (warmWorker ??= spawnWorker());
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 1000 });
    else setTimeout(start, 200);
  };
  // At boot the Worker starts at once: its script loads and compiles on its own thread while the page renders, so a
  // file chosen the moment the page shows finds the reader loaded (bench/restate-ui.bench.ts chooses it then).
  if (options.now) start();
  else if (options.afterPaint && typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => setTimeout(whenIdle, 0));
  else whenIdle();
}

/** The warm Worker (or a new one). The next is warmed when this job ends, not now: starting a Worker and loading its
 * modules while this one reads would take CPU from the read and the first render (2 cores). */
function takeWorker(): Worker {
  const worker = warmWorker ?? spawnWorker();
  warmWorker = null;
  return worker;
}

export function runEngineJob(
  job: EngineJob,
  options: {
    timeoutMs: number;
    onProgress?: (fraction: number) => void;
    /** A read job of a large file: its first rows, before the full run (which then resolves the promise, or fails). */
    onPartial?: (partial: PartialRun) => void;
  },
): RunningJob {
  const worker = takeWorker();
  let settle: ((fn: () => void, keepWorker?: boolean) => void) | null = null;
  const promise = new Promise<RunResult>((resolve, reject) => {
    let done = false;
    settle = (fn, keepWorker = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!keepWorker) worker.terminate();
      fn();
      prewarmEngine({ afterPaint: true });
    };
    const parts = new ResultAssembler();
    const timer = setTimeout(() => {
      const seconds = options.timeoutMs / 1000;
      const what =
        job.type === 'read' ? 'Reading the file' : job.type === 'sdk-replay' ? 'The real-SDK replay' : 'The scenario';
      settle?.(() =>
        reject(
          new EngineFailure({
            code: 'TIME_LIMIT',
            origin: 'limit',
            message: `${what} took longer than ${seconds} s and was stopped.`,
            location: {},
            hint:
              job.type === 'read'
                ? 'Try a smaller export, or raise the reading time limit under Limits.'
                : 'Look for an endless loop (while (true) {}) or a value that grows without end in the scenario code; the time limit is set under Limits.',
          }),
        ),
      );
    }, options.timeoutMs);
    worker.onmessage = (event: MessageEvent<EngineMessage>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.fraction);
      else if (m.type === 'partial') {
        markLoad('partial');
        options.onPartial?.({ result: m.result, entriesRead: m.entriesRead, entriesEstimate: m.entriesEstimate });
      } else if (m.type === 'part') {
        if (parts.received === 0) markLoad('first-part');
        parts.add(m);
      } else if (m.type === 'done') {
        markLoad('done');
        for (const [phase, at] of Object.entries(m.timings ?? {})) markLoad(phase, at);
        const result = parts.finish(m.result);
        // A replay sends no entries back: the page's own journal object stays (and keeps its raw-row source).
        if (job.type === 'replay' || job.type === 'sdk-replay') result.journal = job.journal;
        // The Worker that read a file keeps its raw rows for the inspector (rawRows.ts).
        const ready = () =>
          void prepareForPage(result).then(() => {
            markLoad('prepared');
            resolve(result);
          });
        if (job.type === 'read')
          settle?.(() => {
            keepRawSource(result.journal, worker);
            ready();
          }, true);
        else settle?.(ready);
      } else settle?.(() => reject(new EngineFailure(m.error)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A Worker killed by the platform (e.g. out of memory) reports an error event with little or no message.
      const message = event.message || 'The engine Worker stopped unexpectedly (it may have run out of memory).';
      const oom = !event.message || /memory|allocation/i.test(event.message);
      settle?.(() =>
        reject(
          new EngineFailure({
            code: oom ? 'OUT_OF_MEMORY' : 'ENGINE_ERROR',
            origin: oom ? 'limit' : 'engine',
            message,
            location: {},
            hint: oom ? 'Look for a value that grows without end, or open a smaller file.' : undefined,
          }),
        ),
      );
    };
    markLoad('job-posted');
    worker.postMessage(job.type === 'read' && options.onPartial ? { ...job, partial: true } : cloneableJob(job));
  });
  return {
    promise,
    cancel: () => settle?.(() => undefined),
  };
}

/** The job as postMessage can clone it: a replay's journal with lazy entries gets a plain array (made in full). */
export function cloneableJob(job: EngineJob): EngineJob {
  if (!('journal' in job) || !isLazyEntries(job.journal.entries)) return job;
  return { ...job, journal: { ...job.journal, entries: plainEntries(job.journal.entries) } };
}
