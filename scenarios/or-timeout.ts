import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'or-timeout',
  description:
    'orTimeout(150) writes a real Sleep and races it with a fraud check. If the timer wins, awaiting throws a TimeoutError (code 408) that the handler catches; the check itself is not cancelled.',
  world: {
    'Fraud/check': { latencyMs: 300, value: { risk: 'low' } },
  },
  handler: async (ctx) => {
    try {
      const verdict = await ctx.call('Fraud/check').orTimeout(150);
      return { verdict };
    } catch (error) {
      return { verdict: 'manual-review', because: error.code };
    }
  },
});
