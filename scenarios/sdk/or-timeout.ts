// or-timeout (../or-timeout.ts) as real Restate SDK code: .orTimeout(150) on a call; the TimeoutError (408) is caught.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../or-timeout';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Payments',
    handlers: {
      screen: async (ctx: restate.Context) => {
        const check = ctx.serviceClient<any>({ name: 'Fraud' }).check().orTimeout(150);
        return await check.then(
          (verdict: unknown) => ({ verdict }),
          (error: restate.TerminalError) => ({ verdict: 'manual-review', because: error.code }),
        );
      },
    },
  }),
});
