// llm-race (../llm-race.ts) as real Restate SDK code: the faster provider wins RestatePromise.race.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../llm-race';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Llm',
    handlers: {
      ask: async (ctx: restate.Context, input: { prompt: string }) => {
        const openai = ctx.serviceClient<any>({ name: 'OpenAI' }).complete(input);
        const anthropic = ctx.serviceClient<any>({ name: 'Anthropic' }).complete(input);
        const first = await restate.RestatePromise.race([openai, anthropic]);
        await ctx.run('store-answer', () => null);
        return first;
      },
    },
  }),
});
