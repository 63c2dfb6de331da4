// A handler in the style of Restate's documentation (the Greeter of the TypeScript quickstart), pasted unchanged
// apart from inlining its two helpers: a random id, two side effects and a durable sleep. Used by
// e2e/sdk-simulate.spec.ts (simulated by the real SDK, with a crash during the sleep).
import * as restate from '@restatedev/restate-sdk';

async function sendNotification(greetingId: string, name: string): Promise<void> {
  void greetingId;
  void name;
}

async function sendReminder(greetingId: string, name: string): Promise<void> {
  void greetingId;
  void name;
}

const greeter = restate.service({
  name: 'Greeter',
  handlers: {
    greet: async (ctx: restate.Context, name: string) => {
      // Durable execution ensures the notification is sent once, even across retries.
      const greetingId = ctx.rand.uuidv4();
      await ctx.run('notification', () => sendNotification(greetingId, name));
      await ctx.sleep({ seconds: 1 });
      await ctx.run('reminder', () => sendReminder(greetingId, name));
      return `You said hi to ${name}!`;
    },
  },
});

restate.serve({ services: [greeter] });
