import { defineScenario, select } from '../src/sim';

export default defineScenario({
  name: 'promise-approval',
  description:
    "A workflow asks for a sign-off and waits on its durable promise 'approval' (GetPromise) against a one-day timer. The reviewer resolves it from outside after 2 hours, so the approval wins the select; the workflow then resolves its own 'outcome' promise (CompletePromise) for anyone who asks later. A crash at 3 hours replays the GetPromise: the promise is server state and survives it.",
  input: { employee: 'ada' },
  world: {
    'request-sign-off': { latencyMs: 40, value: 'sent' },
    approval: { resolveAtMs: 7_200_000, value: { approved: true, by: 'grace' } },
    'create-account': { latencyMs: 25, value: 'ada@example.com' },
  },
  defaults: { crashes: [{ atMs: 10_800_000 }] },
  handler: async (ctx, input) => {
    await ctx.run('request-sign-off');
    const [key, decision] = await select({ approval: ctx.promise('approval').get(), timeout: ctx.sleep(86_400_000) });
    if (key === 'timeout' || !decision?.approved) {
      await ctx.promise('outcome').resolve('rejected');
      return { employee: input.employee, status: 'rejected' };
    }
    await ctx.sleep(14_400_000);
    const account = await ctx.run('create-account');
    await ctx.promise('outcome').resolve('onboarded');
    return { employee: input.employee, status: 'onboarded', account, approvedBy: decision.by };
  },
});
