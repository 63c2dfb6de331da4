// timeout-race (../timeout-race.ts) as real Restate SDK code: the TypeScript SDK has no select(), so the quote and
// the timer race as mapped promises (the same journal; the decision is a race instead of a select).
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../timeout-race';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Quotes',
    handlers: {
      get: async (ctx: restate.Context) => {
        const quote = ctx.serviceClient<any>({ name: 'Pricing' }).quote();
        const [key, value] = await restate.RestatePromise.race([
          quote.map((v) => ['quote', v] as const),
          ctx.sleep(200).map(() => ['timeout', undefined] as const),
        ]);
        if (key === 'timeout') return await ctx.run('read-cache', () => ({ price: 10, cached: true }));
        return value;
      },
    },
  }),
});
