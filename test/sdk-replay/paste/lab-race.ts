// Lab/raceTimeout as a user would paste it into the app: one file, importing only @restatedev/restate-sdk, ending
// the way a Node handler file does (restate.serve). The same code as test/restate-service/services.ts, which wrote
// test/fixtures/restate-1.7.12/race-timeout: its replay of that journal must be clean. Used by
// src/ui/engine/sdkReplayJob.test.ts and e2e/sdk-replay.spec.ts.
import * as restate from '@restatedev/restate-sdk';
import { RestatePromise, type Context } from '@restatedev/restate-sdk';

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const lab = restate.service({
  name: 'Lab',
  handlers: {
    raceTimeout: async (ctx: Context): Promise<string> => {
      const fetch = ctx.run('slow-fetch', async () => {
        await delay(1500);
        return 'fetched';
      });
      const winner = await RestatePromise.race([fetch, ctx.sleep(100).map(() => 'timeout')]);
      const late = await fetch;
      return `${winner}, then ${late}`;
    },
  },
});

restate.serve({ services: [lab], port: 9080 });
