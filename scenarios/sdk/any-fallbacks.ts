// any-fallbacks (../any-fallbacks.ts) as real Restate SDK code: RestatePromise.any takes the first success.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../any-fallbacks';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Geo',
    handlers: {
      locate: async (ctx: restate.Context) => {
        const providers = ['GeoPrimary', 'GeoBackup', 'GeoLastResort'];
        return await restate.RestatePromise.any(
          providers.map((name) => ctx.serviceClient<any>({ name }).lookup({ q: 'Paris' })),
        );
      },
    },
  }),
});
