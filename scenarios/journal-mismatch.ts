import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'journal-mismatch',
  description:
    'Version 1 of a signup handler: create the account, then send the welcome email. Replay its journal with the journal-mismatch-changed scenario to see a 570 journal mismatch.',
  input: { email: 'ada@example.com' },
  world: {
    'create-account': { latencyMs: 20, value: { userId: 'u-1' } },
    'Email/welcome': { latencyMs: 40, value: 'sent' },
  },
  handler: async (ctx, input) => {
    const account = await ctx.run('create-account');
    const mail = await ctx.call('Email/welcome', { to: input.email });
    return { account, mail };
  },
});
