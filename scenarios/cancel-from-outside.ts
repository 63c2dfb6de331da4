import { defineScenario, all } from '../src/sim';

export default defineScenario({
  name: 'cancel-from-outside',
  description:
    'A trip booking waits for a flight and a hotel call when someone cancels the invocation at 100 ms. Signal 1 (CANCEL) is journaled, the handler sends a cancel to both pending calls and its await throws 409.',
  defaults: { cancelAtMs: 100 },
  world: {
    'Flights/book': { latencyMs: 400, value: 'flight-1' },
    'Hotels/book': { latencyMs: 300, value: 'hotel-1' },
  },
  handler: async (ctx) => {
    const flight = ctx.call('Flights/book');
    const hotel = ctx.call('Hotels/book');
    return await all([flight, hotel]);
  },
});
