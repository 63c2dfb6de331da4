// gather-batch (../gather-batch.ts) as real Restate SDK code: the TypeScript SDK has no gather(); allSettled waits
// for all five resizes the same way (the same journal; the decision is an allSettled).
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../gather-batch';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Images',
    handlers: {
      resizeAll: async (ctx: restate.Context) => {
        const batch = [1, 2, 3, 4, 5].map((n) =>
          ctx.run('resize', () => {
            if (n === 3) throw new restate.TerminalError('unsupported format', { errorCode: 415 });
            return `img-${n}.webp`;
          }),
        );
        await restate.RestatePromise.allSettled(batch);
        const ok: string[] = [];
        const failed: string[] = [];
        for (const future of batch) {
          const outcome = await future.then(
            (value) => ({ value }),
            (error: Error) => ({ error: error.message }),
          );
          if ('error' in outcome) failed.push(outcome.error);
          else ok.push(outcome.value);
        }
        return { ok, failed };
      },
    },
  }),
});
