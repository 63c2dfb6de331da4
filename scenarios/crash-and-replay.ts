import { defineScenario, race } from '../src/sim';

export default defineScenario({
  name: 'crash-and-replay',
  description:
    'A run races a 100 ms timer and the handler crashes at 60 ms. The timer lives on the server and fires while the handler is down; the run was lost, so on replay the timer wins the race this time.',
  defaults: { seed: 7, crashes: [{ atMs: 60 }] },
  world: {
    'prepare': { latencyMs: 10, value: 'prepared' },
    'fetch-report': { latencyMs: 80, value: 'report' },
  },
  handler: async (ctx) => {
    await ctx.run('prepare');
    const report = ctx.run('fetch-report');
    const winner = await race([report.map((r) => ({ report: r })), ctx.sleep(100).map(() => ({ timedOut: true }))]);
    return winner;
  },
});
