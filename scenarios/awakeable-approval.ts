import { defineScenario, select } from '../src/sim';

export default defineScenario({
  name: 'awakeable-approval',
  description:
    'An expense waits for a human approval (an awakeable, signal 17) with a one-hour timeout. The manager approves after 20 minutes, so the approval wins the select and the timer is left to fire unobserved.',
  input: { expense: 420 },
  world: {
    'manager-approval': { resolveAtMs: 1_200_000, value: { approved: true, by: 'maria' } },
    'pay-expense': { latencyMs: 30, value: 'paid' },
  },
  handler: async (ctx, input) => {
    const approval = ctx.awakeable('manager-approval');
    const [key, decision] = await select({ approval, timeout: ctx.sleep(3_600_000) });
    if (key === 'timeout' || !decision.approved) return { expense: input.expense, status: 'rejected' };
    await ctx.run('pay-expense');
    return { expense: input.expense, status: 'paid', approvedBy: decision.by };
  },
});
