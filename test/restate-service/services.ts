// The Restate services the integration tests (and the bench) run against a real server.
// Each Lab handler exercises one thing the journal reader must get right; the comment on each says what the test
// can then assert about its journal. Import only after ./polyfill has run (see main.ts).
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { sideChannel } from './side-channel';

const { RestatePromise, TerminalError } = restate;

/** Wall-clock wait inside a run closure (the service process is not a pure core; real time is the point here). */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries well under a second, so tests with transient failures stay fast (server default starts at 500 ms). */
const fastRetries = { initialInterval: 20, maxInterval: 100, exponentiationFactor: 1.5 };
const fastRunRetries = { initialRetryInterval: 20, maxRetryInterval: 100, retryIntervalFactor: 1.5 };

export const worker = restate.service({
  name: 'Worker',
  handlers: {
    /** Completes after `ms` milliseconds of a durable sleep: calls with different delays complete in a known order. */
    slow: async (ctx: Context, ms: number): Promise<number> => {
      await ctx.sleep(ms);
      return ms;
    },
  },
  options: { retryPolicy: fastRetries },
});

export const lab = restate.service({
  name: 'Lab',
  handlers: {
    /** race(slow run, 100 ms sleep): the Sleep notification precedes the Run's; the handler then awaits the run too. */
    raceTimeout: async (ctx: Context): Promise<string> => {
      const fetch = ctx.run('slow-fetch', async () => {
        await delay(1500);
        return 'fetched';
      });
      const winner = await RestatePromise.race([fetch, ctx.sleep(100).map(() => 'timeout')]);
      const late = await fetch;
      return `${winner}, then ${late}`;
    },

    /** A 2 s call with orTimeout(100): the invocation fails with TimeoutError (408); the call is not cancelled. */
    orTimeout: async (ctx: Context): Promise<number> => {
      return ctx.serviceClient(worker).slow(2000).orTimeout(100);
    },

    /** all() of calls taking 1100, 100 and 600 ms: result notifications arrive in the order 100, 600, 1100 (gaps of 500 ms
     * keep the order even when the callees start late on a loaded 2-core machine). */
    all: async (ctx: Context): Promise<number[]> => {
      const client = ctx.serviceClient(worker);
      return RestatePromise.all([client.slow(1100), client.slow(100), client.slow(600)]);
    },

    /** any(): a run that fails terminally at once, calls of 2000 and 50 ms; the 50 ms call is the first
     * success, and the handler ends long before the 2 s call completes (its result is never journaled). */
    any: async (ctx: Context): Promise<string> => {
      const client = ctx.serviceClient(worker);
      const failing = ctx.run('fails-fast', async (): Promise<number> => {
        throw new TerminalError('nope', { errorCode: 500 });
      });
      const winner = await RestatePromise.any([failing, client.slow(2000), client.slow(50)]);
      return `first success: ${winner}`;
    },

    /** allSettled(): a 100 ms call, a terminally failing run and a 50 ms sleep all settle; no fail-fast. */
    allSettled: async (ctx: Context): Promise<string[]> => {
      const client = ctx.serviceClient(worker);
      const boom = ctx.run('boom', async (): Promise<string> => {
        throw new TerminalError('boom', { errorCode: 400 });
      });
      const settled = await RestatePromise.allSettled([client.slow(100), boom, ctx.sleep(50)]);
      return settled.map((s) => s.status);
    },

    /** A run that throws a plain Error on its first `failures` attempts: that many TransientError events. */
    retry: async (ctx: Context, input: { failures: number }): Promise<string> => {
      const invocationId = ctx.request().id;
      const result = await ctx.run(
        'flaky',
        async () => {
          const attempt = sideChannel.countAttempt(invocationId);
          // Distinct messages: the server deduplicates consecutive identical transient errors.
          if (attempt <= input.failures) throw new Error(`transient ${attempt}`);
          return `ok after ${attempt} attempts`;
        },
        fastRunRetries,
      );
      return result;
    },

    /** A run that always throws a plain Error, with maxRetryAttempts 3: after its retries it fails terminally. */
    retryExhausted: async (ctx: Context): Promise<string> => {
      const invocationId = ctx.request().id;
      return ctx.run(
        'hopeless',
        async (): Promise<string> => {
          throw new Error(`still failing (attempt ${sideChannel.countAttempt(invocationId)})`);
        },
        { ...fastRunRetries, maxRetryAttempts: 3 },
      );
    },

    /** A run that fails with a TerminalError (422); the invocation fails with it. */
    terminal: async (ctx: Context): Promise<string> => {
      return ctx.run('doomed', async (): Promise<string> => {
        throw new TerminalError('this cannot work', { errorCode: 422 });
      });
    },

    /** Two awakeables awaited with all(); their ids are published for the test, which resolves them from outside. */
    awakeables: async (ctx: Context): Promise<string[]> => {
      const first = ctx.awakeable<string>();
      const second = ctx.awakeable<string>();
      sideChannel.publishAwakeables(ctx.request().id, [first.id, second.id]);
      return RestatePromise.all([first.promise, second.promise]);
    },

    /**
     * Waits on race(awakeable A, all(awakeable B, 1 h sleep)), none ever completed: the invocation suspends (after the
     * 1 s inactivity timeout below) and sys_invocation_status records what it awaits. Observed with SDK 1.17.2 and
     * Restate 1.7.12: the tree arrives flattened, `{"Unknown":[Single c1, Single s1, Single s17, Single s18]}`.
     */
    suspend: async (ctx: Context): Promise<unknown> => {
      const a = ctx.awakeable<string>();
      const b = ctx.awakeable<string>();
      sideChannel.publishAwakeables(ctx.request().id, [a.id, b.id]);
      return RestatePromise.race([a.promise, RestatePromise.all([b.promise, ctx.sleep(3_600_000)])]);
    },

    /** Awaits a 60 s call; the test cancels the invocation: CANCEL signal, cancel sent to the callee, outcome 409. */
    cancelMe: async (ctx: Context): Promise<number> => {
      return ctx.serviceClient(worker).slow(60_000);
    },

    /**
     * `runs` runs, then races them pairwise (each race also awaited to the end): about 2 × runs + 2 entries.
     * The bench uses runs = 3500 for a ~7,000-entry journal.
     */
    fanout: async (ctx: Context, input: { runs: number }): Promise<number> => {
      const runs = Array.from({ length: input.runs }, (_, i) => ctx.run(`r${i}`, async () => i));
      let sum = 0;
      for (let i = 0; i + 1 < runs.length; i += 2) {
        sum += await RestatePromise.race([runs[i], runs[i + 1]]);
      }
      await RestatePromise.all(runs);
      return sum;
    },
  },
  options: { retryPolicy: fastRetries, inactivityTimeout: 1000 },
});

export const services = [worker, lab];
