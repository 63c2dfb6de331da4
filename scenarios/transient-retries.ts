import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'transient-retries',
  description:
    'A flaky payment run fails twice with a retryable error before it succeeds. Each failure ends the attempt; the next attempt replays the journal (the first run is not executed again) and only re-executes the flaky run.',
  world: {
    'load-cart': { latencyMs: 15, value: { items: 3 } },
    'charge-card': { latencyMs: 25, transientFailures: 2 },
  },
  handler: async (ctx) => {
    const cart = await ctx.run('load-cart');
    // The closure computes the journaled value when the run finally succeeds; replays read it from the journal.
    const receipt = await ctx.run('charge-card', () => ({ receipt: `r-${cart.items * 327}` }));
    return { cart, receipt };
  },
});
