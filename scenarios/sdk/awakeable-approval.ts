// awakeable-approval (../awakeable-approval.ts) as real Restate SDK code: an awakeable races a one-hour timer (the
// TypeScript SDK has no select(): a race of mapped promises, the same journal).
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../awakeable-approval';

type Decision = { approved: boolean; by: string };

export default defineSdkScenario({
  ...ours,
  awakeables: ['manager-approval'],
  services: restate.service({
    name: 'Expenses',
    handlers: {
      approve: async (ctx: restate.Context, input: { expense: number }) => {
        const approval = ctx.awakeable<Decision>();
        const [key, decision] = await restate.RestatePromise.race([
          approval.promise.map((d) => ['approval', d] as const),
          ctx.sleep(3_600_000).map(() => ['timeout', undefined] as const),
        ]);
        if (key === 'timeout' || !decision?.approved) return { expense: input.expense, status: 'rejected' };
        await ctx.run('pay-expense', () => 'paid');
        return { expense: input.expense, status: 'paid', approvedBy: decision.by };
      },
    },
  }),
});
