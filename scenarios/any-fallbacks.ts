import { defineScenario, any } from '../src/sim';

export default defineScenario({
  name: 'any-fallbacks',
  description:
    'Geocode an address with three providers and take the first success with any(). The two fastest providers fail, so any() waits for the third; had all three failed it would throw an AggregateError.',
  world: {
    'GeoPrimary/lookup': { latencyMs: 20, terminal: { code: 503, message: 'primary down' } },
    'GeoBackup/lookup': { latencyMs: 50, terminal: { code: 404, message: 'no match' } },
    'GeoLastResort/lookup': { latencyMs: 140, value: { lat: 48.85, lon: 2.35 } },
  },
  handler: async (ctx) => {
    const providers = ['GeoPrimary/lookup', 'GeoBackup/lookup', 'GeoLastResort/lookup'];
    const position = await any(providers.map((target) => ctx.call(target, { q: 'Paris' })));
    return position;
  },
});
