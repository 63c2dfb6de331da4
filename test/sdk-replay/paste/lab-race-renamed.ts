// Lab/raceTimeout after a code change: the run is renamed ('slow-fetch' → 'fetch-quote'). Replaying the journal
// the old code wrote (test/fixtures/restate-1.7.12/race-timeout) must fail with the SDK's 570 at the run's command.
// Used by src/ui/engine/sdkReplayJob.test.ts and e2e/sdk-replay.spec.ts.
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';

export default restate.service({
  name: 'Lab',
  handlers: {
    raceTimeout: async (ctx: Context): Promise<string> => {
      const fetch = ctx.run('fetch-quote', async () => 'fetched');
      const winner = await restate.RestatePromise.race([fetch, ctx.sleep(100).map(() => 'timeout')]);
      const late = await fetch;
      return `${winner}, then ${late}`;
    },
  },
});
