import { defineScenario, select } from '../src/sim';

export default defineScenario({
  name: 'timeout-race',
  description:
    'A slow pricing service raced against a 200 ms timer with select(). Whichever notification is journaled first decides; when the timer wins, the handler falls back to a cached price and the call keeps running.',
  world: {
    'Pricing/quote': { latencyMs: [100, 350], value: { price: 12.5 } },
    'read-cache': { latencyMs: 5, value: { price: 10, cached: true } },
  },
  handler: async (ctx) => {
    const [key, value] = await select({ quote: ctx.call('Pricing/quote'), timeout: ctx.sleep(200) });
    if (key === 'timeout') return await ctx.run('read-cache');
    return value;
  },
});
