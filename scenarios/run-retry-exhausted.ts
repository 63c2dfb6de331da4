import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'run-retry-exhausted',
  description:
    'A payment gateway keeps failing with a retryable error. The run allows 3 attempts (like maxRetryAttempts: 3 in the TypeScript SDK): two failed attempts back off 50 ms then 100 ms, the third failure is journaled as a terminal failure [500] of the run, and the handler falls back to an invoice.',
  world: {
    'load-order': { latencyMs: 15, value: { id: 'o-17', amount: 42 } },
    'charge-card': { latencyMs: 30, transientFailures: 99, transientMessage: 'gateway timeout', retry: { maxAttempts: 3, initialIntervalMs: 50, factor: 2 } },
    'send-invoice': { latencyMs: 20, value: { invoice: 'inv-o-17' } },
  },
  handler: async (ctx) => {
    const order = await ctx.run('load-order');
    // Once its retries are exhausted, the run fails with a TerminalError the handler can catch.
    const charged = await ctx.run('charge-card').then(
      (receipt) => ({ paid: true, receipt }),
      (error) => ({ paid: false, reason: `[${error.code}] ${error.message}` }),
    );
    if (charged.paid) return { order: order.id, ...charged };
    const invoice = await ctx.run('send-invoice');
    return { order: order.id, ...charged, ...invoice };
  },
});
