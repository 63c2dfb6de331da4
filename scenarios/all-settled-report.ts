import { defineScenario, allSettled } from '../src/sim';

export default defineScenario({
  name: 'all-settled-report',
  description:
    'Send a notification on three channels and report every outcome with allSettled(): it waits for all of them and never throws, giving one fulfilled or rejected record per channel.',
  world: {
    'Sms/send': { latencyMs: 30, value: 'sms sent' },
    'Push/send': { latencyMs: 60, terminal: { code: 410, message: 'device unregistered' } },
    'Mail/send': { latencyMs: 90, value: 'mail sent' },
  },
  handler: async (ctx) => {
    const channels = ['Sms/send', 'Push/send', 'Mail/send'];
    const results = await allSettled(channels.map((target) => ctx.call(target)));
    return results.map((r, i) => ({ channel: channels[i], ok: r.status === 'fulfilled', detail: r.status === 'fulfilled' ? r.value : r.reason.message }));
  },
});
