// cancel-from-outside (../cancel-from-outside.ts) as real Restate SDK code: cancelled at 100 ms, the SDK sends a
// cancel to both calls and the await throws 409.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../cancel-from-outside';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Trips',
    handlers: {
      book: async (ctx: restate.Context) => {
        const flight = ctx.serviceClient<any>({ name: 'Flights' }).book();
        const hotel = ctx.serviceClient<any>({ name: 'Hotels' }).book();
        return await restate.RestatePromise.all([flight, hotel]);
      },
    },
  }),
});
