// run-retry-exhausted (../run-retry-exhausted.ts) as real Restate SDK code: maxRetryAttempts 3, backing off 50 ms
// then 100 ms (the SDK's own policy); the third failure becomes the run's terminal failure [500].
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../run-retry-exhausted';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Billing',
    handlers: {
      charge: async (ctx: restate.Context) => {
        const order = await ctx.run('load-order', () => ({ id: 'o-17', amount: 42 }));
        const charged = await ctx
          .run('charge-card', () => ({ charged: order.amount }), {
            maxRetryAttempts: 3,
            initialRetryInterval: 50,
            retryIntervalFactor: 2,
          })
          .then(
            (receipt) => ({ paid: true, receipt }) as Record<string, unknown>,
            (error: restate.TerminalError) => ({ paid: false, reason: `[${error.code}] ${error.message}` }),
          );
        if (charged.paid) return { order: order.id, ...charged };
        const invoice = await ctx.run('send-invoice', () => ({ invoice: 'inv-o-17' }));
        return { order: order.id, ...charged, ...invoice };
      },
    },
  }),
});
