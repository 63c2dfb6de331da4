// handler-transient-error (../handler-transient-error.ts) as real Restate SDK code: a plain Error is retryable, so
// every attempt fails the same way until the invocation is paused.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../handler-transient-error';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Quotes',
    handlers: {
      fast: async (ctx: restate.Context) => {
        const quote = ctx.run('fetch-quote', () => ({ price: 99 }));
        const first = await restate.RestatePromise.race([
          quote.map((q) => ({ quote: q }) as { quote: unknown } | null),
          ctx.sleep(20).map(() => null),
        ]);
        if (first === null) throw new Error('quote service too slow');
        return first;
      },
    },
  }),
});
