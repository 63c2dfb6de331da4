// Checkout/order v1, as a user would paste it: the code that wrote test/fixtures/restate-1.7.12/journal-mismatch
// (test/restate-service/mismatch-service.ts, without its test side channel). That journal ends suspended on the
// awakeable, resolved later: replaying it, the SDK reaches run 'ship', which the journal has no result for, and
// stops there (the replay frontier). Used by e2e/sdk-replay.spec.ts.
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';

export const checkout = restate.service({
  name: 'Checkout',
  handlers: {
    order: async (ctx: Context): Promise<string> => {
      const charged = await ctx.run('charge', () => 'charged');
      const approval = ctx.awakeable<string>();
      const approved = await approval.promise;
      const shipped = await ctx.run('ship', () => 'shipped');
      return `${charged}, ${approved}, ${shipped}`;
    },
  },
});
