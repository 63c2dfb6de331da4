// Runs one engine job in a fresh Worker, with a time limit: a runaway scenario is stopped by terminating the Worker,
// so the page never freezes. One Worker per job keeps jobs independent and makes cancelling trivial.
import type { EngineError, EngineJob, EngineMessage, EngineResult } from './protocol';

export const SIMULATION_TIME_LIMIT_MS = 5000;
export const READ_TIME_LIMIT_MS = 120_000;
export const STEPS_MAX = 200_000;

export interface RunningJob {
  promise: Promise<EngineResult>;
  cancel(): void;
}

export class EngineFailure extends Error {
  constructor(readonly info: EngineError) {
    super(info.message);
  }
}

export function runEngineJob(job: EngineJob, options: { timeoutMs: number; onProgress?: (fraction: number) => void }): RunningJob {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  let settle: ((fn: () => void) => void) | null = null;
  const promise = new Promise<EngineResult>((resolve, reject) => {
    let done = false;
    settle = (fn) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      const seconds = options.timeoutMs / 1000;
      const what = job.type === 'read' ? 'Reading the file' : 'The scenario';
      settle?.(() =>
        reject(
          new EngineFailure({
            code: 'TIME_LIMIT',
            origin: 'limit',
            message: `${what} took longer than ${seconds} s and was stopped.`,
            location: {},
            hint: job.type === 'read' ? 'Try a smaller export.' : 'Look for an endless loop or an await that never ends; the step limit is ' + STEPS_MAX + '.',
          }),
        ),
      );
    }, options.timeoutMs);
    worker.onmessage = (event: MessageEvent<EngineMessage>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.fraction);
      else if (m.type === 'done') settle?.(() => resolve(m.result));
      else settle?.(() => reject(new EngineFailure(m.error)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      settle?.(() => reject(new EngineFailure({ code: 'ENGINE_ERROR', origin: 'engine', message: event.message || 'The engine Worker failed.', location: {} })));
    };
    worker.postMessage(job);
  });
  return {
    promise,
    cancel: () => settle?.(() => undefined),
  };
}
