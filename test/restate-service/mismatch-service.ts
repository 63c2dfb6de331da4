// Handlers whose code changes under an in-flight invocation, to capture what a real server records for a journal
// mismatch (570, RT0016). Import only after ./polyfill.
//
// v1 (both handlers): run('charge'), await an awakeable (its id published on the side channel), run('ship').
// Checkout/order v2: run('fraud-check') first: command index 1 is a Run again, with another name (name mismatch).
// Checkout/orderHold v2: sleep 50 ms named 'cool-off' first: command index 1 is now a Sleep where the journal has a
// Run (command TYPE mismatch).
// Checkout/stepsInsert and Checkout/stepsAwait v1: run('reserve'), run('charge'), the awakeable, run('ship'); their
// v2 insert a run / await a new timer between the two runs (mismatch at command index 2).
// The test invokes a handler under v1, waits until it is suspended on the awakeable, flips that handler's code to v2
// and resolves the awakeable: the SDK replays the journal with the new code and fails with a journal mismatch at
// command index 1.
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';
import { codeVersion } from './code-version';
import { sideChannel } from './side-channel';

// Few attempts, fast: after the mismatch the invocation pauses within a fraction of a second.
const retryPolicy = { maxAttempts: 3, onMaxAttempts: 'pause', initialInterval: 20, maxInterval: 50 } as const;

/** Counts this execution per code version (GET /attempts/<id>%2Fv<n>: the first run and each replay); returns it. */
function versionOf(ctx: Context, handler: string): number {
  const version = codeVersion.get(handler);
  sideChannel.countAttempt(`${ctx.request().id}/v${version}`);
  return version;
}

/** v1 of Checkout/stepsInsert and Checkout/stepsAwait: two runs, then the awakeable, then a third run. */
async function stepsV1(ctx: Context): Promise<string> {
  const reserved = await ctx.run('reserve', () => 'reserved');
  const charged = await ctx.run('charge', () => 'charged');
  const approval = ctx.awakeable<string>();
  sideChannel.publishAwakeables(ctx.request().id, [approval.id]);
  const approved = await approval.promise;
  const shipped = await ctx.run('ship', () => 'shipped');
  return `${reserved}, ${charged}, ${approved}, ${shipped}`;
}

/** v1 of both handlers: what ran first and wrote the journal. */
async function orderV1(ctx: Context): Promise<string> {
  const charged = await ctx.run('charge', () => 'charged');
  const approval = ctx.awakeable<string>();
  sideChannel.publishAwakeables(ctx.request().id, [approval.id]);
  const approved = await approval.promise;
  const shipped = await ctx.run('ship', () => 'shipped');
  return `${charged}, ${approved}, ${shipped}`;
}

export const checkout = restate.service({
  name: 'Checkout',
  handlers: {
    order: restate.handlers.handler({ retryPolicy }, async (ctx: Context): Promise<string> => {
      if (versionOf(ctx, 'order') >= 2) {
        const verdict = await ctx.run('fraud-check', () => 'clean');
        const charged = await ctx.run('charge', () => 'charged');
        return `${verdict}, ${charged}`;
      }
      return orderV1(ctx);
    }),
    orderHold: restate.handlers.handler({ retryPolicy }, async (ctx: Context): Promise<string> => {
      if (versionOf(ctx, 'orderHold') >= 2) {
        await ctx.sleep(50, 'cool-off');
        const charged = await ctx.run('charge', () => 'charged');
        return `held, ${charged}`;
      }
      return orderV1(ctx);
    }),
    // v2 inserts run('audit') between reserve and charge: command 2 is a Run with another name.
    stepsInsert: restate.handlers.handler({ retryPolicy }, async (ctx: Context): Promise<string> => {
      if (versionOf(ctx, 'stepsInsert') >= 2) {
        const reserved = await ctx.run('reserve', () => 'reserved');
        const audited = await ctx.run('audit', () => 'audited');
        const charged = await ctx.run('charge', () => 'charged');
        return `${reserved}, ${audited}, ${charged}`;
      }
      return stepsV1(ctx);
    }),
    // v2 adds an await of a new 10 ms timer between reserve and charge: command 2 is a Sleep where the journal has
    // a Run. (Awaiting an existing promise in another order adds no command and is no mismatch: awaits are not
    // journaled in protocol V5+.)
    stepsAwait: restate.handlers.handler({ retryPolicy }, async (ctx: Context): Promise<string> => {
      if (versionOf(ctx, 'stepsAwait') >= 2) {
        const reserved = await ctx.run('reserve', () => 'reserved');
        await ctx.sleep(10, 'settle');
        const charged = await ctx.run('charge', () => 'charged');
        return `${reserved}, settled, ${charged}`;
      }
      return stepsV1(ctx);
    }),
  },
  // Suspends soon after it starts waiting on the awakeable, so the next attempt replays with whatever code runs then.
  options: { inactivityTimeout: 300 },
});

export const mismatchServices = [checkout];
