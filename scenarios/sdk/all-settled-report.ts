// all-settled-report (../all-settled-report.ts) as real Restate SDK code: RestatePromise.allSettled never throws.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../all-settled-report';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Notify',
    handlers: {
      everywhere: async (ctx: restate.Context) => {
        const channels = ['Sms/send', 'Push/send', 'Mail/send'];
        const results = await restate.RestatePromise.allSettled(
          channels.map((target) => ctx.serviceClient<any>({ name: target.split('/')[0] }).send()),
        );
        return results.map((r, i) => ({
          channel: channels[i],
          ok: r.status === 'fulfilled',
          detail: r.status === 'fulfilled' ? r.value : (r.reason as Error).message,
        }));
      },
    },
  }),
});
