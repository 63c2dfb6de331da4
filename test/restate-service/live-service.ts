// Handlers for the live-connection e2e (e2e/connect.spec.ts): many quick invocations for paging the Connect list, and
// a running invocation whose journal grows when the test says so (Follow). Import only after ./polyfill (see main.ts).
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { sideChannel } from './side-channel';

const { RestatePromise } = restate;

export const live = restate.service({
  name: 'Live',
  handlers: {
    /** Returns its input at once: a journal of Input and Output, for listing many invocations. */
    echo: async (_ctx: Context, input: unknown): Promise<unknown> => input,

    /**
     * `runs` runs (about 2 × runs entries), then `ticks` times: an awakeable, published on the side channel (the list of
     * all ids so far), awaited, then `perTick` runs. Each resolution appends 1 + 2 × perTick entries while the invocation
     * stays running (the long inactivity timeout keeps it from suspending), so Follow sees a running journal grow.
     */
    grow: async (ctx: Context, input: { runs: number; ticks: number; perTick?: number }): Promise<number> => {
      const first = Array.from({ length: input.runs }, (_, i) => ctx.run(`r${i}`, async () => i));
      await RestatePromise.all(first);
      const ids: string[] = [];
      let ticked = 0;
      for (let t = 0; t < input.ticks; t++) {
        const awakeable = ctx.awakeable<string>();
        ids.push(awakeable.id);
        sideChannel.publishAwakeables(ctx.request().id, [...ids]);
        await awakeable.promise;
        const runs = Array.from({ length: input.perTick ?? 1 }, (_, k) => ctx.run(`tick-${t}-${k}`, async () => t));
        await RestatePromise.all(runs);
        ticked++;
      }
      return ticked;
    },
  },
  options: { inactivityTimeout: 300_000, abortTimeout: 300_000 },
});

export const liveServices = [live];
