import { defineScenario, waitCompleted, allSettled } from '../src/sim';

export default defineScenario({
  name: 'wait-completed-cancel',
  description:
    'Ask three replicas for a value, take whatever has arrived with waitCompleted(), then cancel the calls still pending. Cancelling writes a SendSignal to each callee, whose result becomes a 409 failure.',
  world: {
    'Replica/read': [
      { latencyMs: 40, value: { replica: 'eu', version: 7 } },
      { latencyMs: 300, value: { replica: 'us', version: 7 } },
      { latencyMs: 500, value: { replica: 'ap', version: 6 } },
    ],
  },
  handler: async (ctx) => {
    const reads = ['eu', 'us', 'ap'].map((region) => ctx.call('Replica/read', { region }));
    const [completed, pending] = await waitCompleted(...reads);
    for (const future of pending) ctx.cancel(future);
    const first = await completed[0];
    // The cancelled callees answer with a 409 failure, which shows up in the journal.
    const cancelled = await allSettled(pending);
    return { first, cancelled: cancelled.map((r) => (r.status === 'rejected' ? r.reason.code : r.value)) };
  },
});
