import { defineScenario, asCompleted } from '../src/sim';

export default defineScenario({
  name: 'as-completed-pipeline',
  description:
    'Fetch four documents and index each one as soon as it arrives, with asCompleted(). Each batch is decided by the next notification in the journal; the index runs follow arrival order, not argument order.',
  world: {
    'Docs/fetch': [
      { latencyMs: 120, value: 'doc-a' },
      { latencyMs: 30, value: 'doc-b' },
      { latencyMs: 90, value: 'doc-c' },
      { latencyMs: 60, value: 'doc-d' },
    ],
    index: { latencyMs: 10, value: 'indexed' },
  },
  handler: async (ctx) => {
    const fetches = ['a', 'b', 'c', 'd'].map((id) => ctx.call('Docs/fetch', { id }));
    const order = [];
    for await (const { future, index } of asCompleted(...fetches)) {
      const doc = await future;
      await ctx.run('index');
      order.push({ index, doc });
    }
    return order;
  },
});
