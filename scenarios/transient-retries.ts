import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'transient-retries',
  description:
    'A flaky payment run fails twice with a retryable error before it succeeds. Each failure ends the attempt; the next attempt replays the journal (the first run is not executed again) and only re-executes the flaky run.',
  world: {
    'load-cart': { latencyMs: 15, value: { items: 3 } },
    'charge-card': { latencyMs: 25, transientFailures: 2, value: { receipt: 'r-981' } },
  },
  handler: async (ctx) => {
    const cart = await ctx.run('load-cart');
    const receipt = await ctx.run('charge-card');
    return { cart, receipt };
  },
});
