import { defineScenario, all } from '../src/sim';

export default defineScenario({
  name: 'all-fail-fast',
  description:
    'Validate an address, a card and a coupon with all(). The coupon check fails early with a terminal error, so all() fails at once with it, without waiting for the two slower checks, which still complete.',
  world: {
    'Checks/address': { latencyMs: 120, value: 'address ok' },
    'Checks/card': { latencyMs: 200, value: 'card ok' },
    'Checks/coupon': { latencyMs: 30, terminal: { code: 400, message: 'coupon expired' } },
  },
  handler: async (ctx) => {
    const checks = [ctx.call('Checks/address'), ctx.call('Checks/card'), ctx.call('Checks/coupon')];
    return await all(checks).then(
      (results) => ({ valid: true, results }),
      (error) => ({ valid: false, reason: error.message, code: error.code }),
    );
  },
});
