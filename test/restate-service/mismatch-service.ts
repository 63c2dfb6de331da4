// A handler whose code changes under an in-flight invocation, to capture what a real server records for a journal
// mismatch (570, RT0016). Import only after ./polyfill.
//
// v1: run('charge'), await an awakeable (its id published on the side channel), run('ship').
// v2: run('fraud-check') first: command index 1 is now a different Run than the journaled 'charge'.
// The test invokes it under v1, waits until it is suspended on the awakeable, flips the code to v2 and resolves the
// awakeable: the SDK replays the journal with the new code and fails with a journal mismatch at command index 1.
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { codeVersion } from './code-version';
import { sideChannel } from './side-channel';

export const checkout = restate.service({
  name: 'Checkout',
  handlers: {
    order: restate.handlers.handler(
      // Few attempts, fast: after the mismatch the invocation pauses within a fraction of a second.
      { retryPolicy: { maxAttempts: 3, onMaxAttempts: 'pause', initialInterval: 20, maxInterval: 50 } },
      async (ctx: Context): Promise<string> => {
        const invocationId = ctx.request().id;
        // Executions per code version (GET /attempts/<id>%2Fv<n>): the first run and each replay.
        const version = codeVersion.get();
        sideChannel.countAttempt(`${invocationId}/v${version}`);
        if (version >= 2) {
          const verdict = await ctx.run('fraud-check', () => 'clean');
          const charged = await ctx.run('charge', () => 'charged');
          return `${verdict}, ${charged}`;
        }
        const charged = await ctx.run('charge', () => 'charged');
        const approval = ctx.awakeable<string>();
        sideChannel.publishAwakeables(invocationId, [approval.id]);
        const approved = await approval.promise;
        const shipped = await ctx.run('ship', () => 'shipped');
        return `${charged}, ${approved}, ${shipped}`;
      },
    ),
  },
  // Suspends soon after it starts waiting on the awakeable, so the next attempt replays with whatever code runs then.
  options: { inactivityTimeout: 300 },
});

export const mismatchServices = [checkout];
