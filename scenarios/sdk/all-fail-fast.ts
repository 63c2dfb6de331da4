// all-fail-fast (../all-fail-fast.ts) as real Restate SDK code: RestatePromise.all fails at the first failure.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../all-fail-fast';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Signup',
    handlers: {
      validate: async (ctx: restate.Context) => {
        const checks = ctx.serviceClient<any>({ name: 'Checks' });
        return await restate.RestatePromise.all([checks.address(), checks.card(), checks.coupon()]).then(
          (results: unknown[]) => ({ valid: true, results }),
          (error: restate.TerminalError) => ({ valid: false, reason: error.message, code: error.code }),
        );
      },
    },
  }),
});
