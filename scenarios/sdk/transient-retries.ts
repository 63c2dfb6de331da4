// transient-retries (../transient-retries.ts) as real Restate SDK code: the world fails the payment run twice
// with a retryable error; each failure ends the attempt and only that run executes again.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../transient-retries';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Checkout',
    handlers: {
      pay: async (ctx: restate.Context) => {
        const cart = await ctx.run('load-cart', () => ({ items: 3 }));
        const receipt = await ctx.run('charge-card', () => ({ receipt: `r-${cart.items * 327}` }));
        return { cart, receipt };
      },
    },
  }),
});
