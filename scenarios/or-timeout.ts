import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'or-timeout',
  description:
    'orTimeout(150) writes a real Sleep and races it with a fraud check. If the timer wins, awaiting throws a TimeoutError (code 408) that the handler catches; the check itself is not cancelled.',
  world: {
    'Fraud/check': { latencyMs: 300, value: { risk: 'low' } },
  },
  handler: async (ctx) => {
    const check = ctx.call('Fraud/check').orTimeout(150);
    // A TimeoutError (code 408) when the timer wins; the fraud check itself keeps running.
    return await check.then(
      (verdict) => ({ verdict }),
      (error) => ({ verdict: 'manual-review', because: error.code }),
    );
  },
});
