import { defineScenario, gather } from '../src/sim';

export default defineScenario({
  name: 'gather-batch',
  description:
    'Resize five images in parallel and wait with gather(), which never fails fast: it returns the futures once all completed. The handler then awaits each one and counts successes and failures.',
  world: {
    resize: [
      { latencyMs: [10, 80], value: 'img-1.webp' },
      { latencyMs: [10, 80], value: 'img-2.webp' },
      { latencyMs: [10, 80], terminal: { code: 415, message: 'unsupported format' } },
      { latencyMs: [10, 80], value: 'img-4.webp' },
      { latencyMs: [10, 80], value: 'img-5.webp' },
    ],
  },
  handler: async (ctx) => {
    const batch = [1, 2, 3, 4, 5].map(() => ctx.run('resize'));
    const done = await gather(...batch);
    const ok = [];
    const failed = [];
    for (const future of done) {
      const outcome = await future.then(
        (value) => ({ value }),
        (error) => ({ error: error.message }),
      );
      if ('error' in outcome) failed.push(outcome.error);
      else ok.push(outcome.value);
    }
    return { ok, failed };
  },
});
