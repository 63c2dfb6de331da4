import { defineScenario, race } from '../src/sim';

export default defineScenario({
  name: 'handler-transient-error',
  description:
    'The handler throws a plain Error when a quote is slower than 20 ms. A plain Error is retryable: each attempt fails, backs off and replays the journal, where the timer won the race, so it fails the same way every time until Restate pauses the invocation after its max attempts. Throwing a TerminalError instead would end it at once.',
  defaults: { attemptsMax: 4 },
  world: {
    'fetch-quote': { latencyMs: 40, value: { price: 99 } },
  },
  handler: async (ctx) => {
    const quote = ctx.run('fetch-quote');
    const first = await race([quote.map((q) => ({ quote: q })), ctx.sleep(20).map(() => null)]);
    // A deterministic condition: the replayed race gives the same answer on every attempt.
    if (first === null) throw new Error('quote service too slow');
    return first;
  },
});
