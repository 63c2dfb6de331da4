// journal-mismatch (../journal-mismatch.ts) as real Restate SDK code.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../journal-mismatch';

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Signup',
    handlers: {
      register: async (ctx: restate.Context, input: { email: string }) => {
        const account = await ctx.run('create-account', () => ({ userId: 'u-1' }));
        const mail = await ctx.serviceClient<any>({ name: 'Email' }).welcome({ to: input.email });
        return { account, mail };
      },
    },
  }),
});
