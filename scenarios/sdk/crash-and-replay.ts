// crash-and-replay (../crash-and-replay.ts) as real Restate SDK code: the crash at 60 ms loses the run; the timer
// fires while the handler is down, so on replay it wins the race.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../crash-and-replay';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Reports',
    handlers: {
      fetch: async (ctx: restate.Context) => {
        await ctx.run('prepare', () => 'prepared');
        const report = ctx.run('fetch-report', () => 'report');
        return await restate.RestatePromise.race([
          report.map((r) => ({ report: r }) as Record<string, unknown>),
          ctx.sleep(100).map(() => ({ timedOut: true }) as Record<string, unknown>),
        ]);
      },
    },
  }),
});
