// fan-out (../fan-out.ts) as real Restate SDK code: three calls at once, RestatePromise.all waits for the slowest.
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario } from '../../src/sdk-sim';
import ours from '../fan-out';

type Order = { orderId: string };

export default defineSdkScenario({
  ...ours,
  services: restate.service({
    name: 'Orders',
    handlers: {
      place: async (ctx: restate.Context, input: Order) => {
        const inventory = ctx.serviceClient<any>({ name: 'Inventory' }).reserve(input);
        const payment = ctx.serviceClient<any>({ name: 'Payments' }).charge(input);
        const shipping = ctx.serviceClient<any>({ name: 'Shipping' }).quote(input);
        const [reserved, charged, quote] = await restate.RestatePromise.all([inventory, payment, shipping]);
        return { orderId: input.orderId, reserved, charged, quote };
      },
    },
  }),
});
