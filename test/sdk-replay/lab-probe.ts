// Lab/raceTimeout with the same commands as test/restate-service/services.ts, but its run closure leaves a mark:
// the test proves that sdk-replay stops before executing a run whose result is not in the journal.
import * as restate from '@restatedev/restate-sdk';
import type { Context } from '@restatedev/restate-sdk';

export const probe = { runsExecuted: [] as string[] };

export const lab = restate.service({
  name: 'Lab',
  handlers: {
    raceTimeout: async (ctx: Context): Promise<string> => {
      const fetch = ctx.run('slow-fetch', async () => {
        probe.runsExecuted.push('slow-fetch');
        return 'fetched';
      });
      const winner = await restate.RestatePromise.race([fetch, ctx.sleep(100).map(() => 'timeout')]);
      const late = await fetch;
      return `${winner}, then ${late}`;
    },
  },
});

export default [lab];
