// A saga as Restate's documentation writes it: book, fail terminally, run the compensations in reverse. It needs its
// input (the booking), which the Real SDK tab's Input field gives (e2e/sdk-simulate.spec.ts).
import * as restate from '@restatedev/restate-sdk';

export default restate.service({
  name: 'Booking',
  handlers: {
    run: async (ctx: restate.Context, req: { flight: string; car: string }) => {
      const compensations: Array<() => Promise<unknown>> = [];
      try {
        compensations.push(() => ctx.run('cancel flight', () => req.flight));
        await ctx.run('book flight', () => req.flight);
        compensations.push(() => ctx.run('cancel car', () => req.car));
        await ctx.run('book car', () => req.car);
        await ctx.run('book hotel', () => {
          throw new restate.TerminalError('no rooms left');
        });
      } catch (e) {
        if (e instanceof restate.TerminalError) for (const undo of compensations.reverse()) await undo();
        throw e;
      }
    },
  },
});
