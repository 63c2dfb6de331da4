import { defineScenario, race } from '../src/sim';

export default defineScenario({
  name: 'llm-race',
  description:
    'Two LLM providers get the same prompt and race; the faster answer wins. The loser is not cancelled: its call still completes and is journaled, it just no longer matters.',
  input: { prompt: 'Explain durable execution in one sentence.' },
  world: {
    'OpenAI/complete': { latencyMs: [80, 400], value: { provider: 'openai', text: 'It survives crashes.' } },
    'Anthropic/complete': { latencyMs: [80, 400], value: { provider: 'anthropic', text: 'It remembers every step.' } },
  },
  handler: async (ctx, input) => {
    const openai = ctx.call('OpenAI/complete', input);
    const anthropic = ctx.call('Anthropic/complete', input);
    const first = await race([openai, anthropic]);
    await ctx.run('store-answer');
    return first;
  },
});
