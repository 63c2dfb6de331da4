import { defineScenario } from '../src/sim';

export default defineScenario({
  name: 'journal-mismatch-changed',
  description:
    'Version 2 of the signup handler: someone inserted a fraud check before creating the account. Replaying a version-1 journal with it fails at command 1 with a 570 journal mismatch (Run create-account recorded, Run fraud-check issued).',
  input: { email: 'ada@example.com' },
  world: {
    'fraud-check': { latencyMs: 15, value: 'clean' },
    'create-account': { latencyMs: 20, value: { userId: 'u-1' } },
    'Email/welcome': { latencyMs: 40, value: 'sent' },
  },
  handler: async (ctx, input) => {
    await ctx.run('fraud-check');
    const account = await ctx.run('create-account');
    const mail = await ctx.call('Email/welcome', { to: input.email });
    return { account, mail };
  },
});
