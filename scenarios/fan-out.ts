import { defineScenario, all } from '../src/sim';

export default defineScenario({
  name: 'fan-out',
  description:
    'An order handler calls three services at once and waits for all of them with all(). The three calls run in parallel, so the handler waits as long as the slowest one, not the sum.',
  input: { orderId: 'o-42' },
  world: {
    'Inventory/reserve': { latencyMs: [20, 60], value: { reserved: true } },
    'Payments/charge': { latencyMs: [40, 120], value: { charged: 99 } },
    'Shipping/quote': { latencyMs: [30, 90], value: { carrier: 'ACME', days: 2 } },
  },
  handler: async (ctx, input) => {
    const inventory = ctx.call('Inventory/reserve', input);
    const payment = ctx.call('Payments/charge', input);
    const shipping = ctx.call('Shipping/quote', input);
    const [reserved, charged, quote] = await all([inventory, payment, shipping]);
    return { orderId: input.orderId, reserved, charged, quote };
  },
});
