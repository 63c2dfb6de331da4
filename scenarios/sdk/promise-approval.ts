// promise-approval (../promise-approval.ts) as real Restate SDK code: a workflow whose run handler waits on its
// durable promise against a one-day timer (RestatePromise.race of mapped promises, as ../awakeable-approval does).
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../promise-approval';

type Decision = { approved: boolean; by: string };

export default defineSdkScenario({
  ...ours,
  target: 'Onboarding/ada/run',
  services: restate.workflow({
    name: 'Onboarding',
    handlers: {
      run: async (ctx: restate.WorkflowContext, input: { employee: string }) => {
        await ctx.run('request-sign-off', () => 'sent');
        const [key, decision] = await restate.RestatePromise.race([
          ctx.promise<Decision>('approval').get().map((d) => ['approval', d] as const),
          ctx.sleep(86_400_000).map(() => ['timeout', undefined] as const),
        ]);
        if (key === 'timeout' || !decision?.approved) {
          await ctx.promise('outcome').resolve('rejected');
          return { employee: input.employee, status: 'rejected' };
        }
        await ctx.sleep(14_400_000);
        const account = await ctx.run('create-account', () => 'ada@example.com');
        await ctx.promise('outcome').resolve('onboarded');
        return { employee: input.employee, status: 'onboarded', account, approvedBy: decision.by };
      },
      // How the reviewer completes the promise in Restate (the world plays this part in the simulation).
      approve: async (ctx: restate.WorkflowSharedContext, decision: Decision) => {
        await ctx.promise<Decision>('approval').resolve(decision);
      },
    },
  }),
});
