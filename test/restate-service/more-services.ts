// More journal shapes for the reader: one-way calls and attach, named signals, a paused invocation, lazy state
// (GetLazyState / GetLazyStateKeys completions) and a workflow's durable promise. Import only after ./polyfill.
import * as restate from '@restatedev/restate-sdk';
import type { Context, ObjectContext, WorkflowContext, WorkflowSharedContext } from '@restatedev/restate-sdk';
import { worker } from './services';

export const extras = restate.service({
  name: 'Extras',
  handlers: {
    /** OneWayCall to Worker/slow(50) (its CallInvocationId notification), then AttachInvocation to wait for it. */
    sendAndAttach: async (ctx: Context): Promise<number> => {
      const handle = ctx.serviceSendClient(worker).slow(50);
      const calleeId = await handle.invocationId;
      return ctx.invocation(calleeId).attach<number>();
    },

    /** AttachInvocation to `target`, an invocation id the test makes up: what the server answers to an unknown id. */
    attachTo: async (ctx: Context, input: { target: string }): Promise<number> => {
      return ctx.invocation(restate.InvocationIdParser.fromString(input.target)).attach<number>();
    },

    /**
     * Journals what Restate derives from the invocation id: an awakeable id (made from the id's raw bytes) and two
     * `ctx.rand` values (seeded from the id), in a one-way call's parameter and in the output. Offline replay matches
     * both only when it sends the StartMessage the server sent (src/model/invocation-id.ts).
     */
    identities: async (ctx: Context): Promise<{ awakeableId: string; uuid: string; random: number }> => {
      const awakeable = ctx.awakeable<string>();
      const out = { awakeableId: awakeable.id, uuid: ctx.rand.uuidv4(), random: ctx.rand.random() };
      ctx.genericSend({ service: 'Extras', method: 'note', parameter: out, inputSerde: restate.serde.json });
      await ctx.sleep(5);
      return out;
    },

    /** Takes any JSON and returns it: a callee for `identities`. */
    note: async (_ctx: Context, input: unknown): Promise<unknown> => input,

    /** Waits for the named signal `go` on itself; the test sends it through `sendSignal`. */
    namedSignal: async (ctx: Context): Promise<string> => {
      return ctx.signal<string>('go');
    },

    /** Sends the named signal `name` with `value` to the invocation `target` (a SendSignal command). */
    sendSignal: async (ctx: Context, input: { target: string; name: string; value: string }): Promise<void> => {
      ctx
        .invocation(restate.InvocationIdParser.fromString(input.target))
        .signal<string>(input.name)
        .resolve(input.value);
    },

    /** Sends the named signal `self` to itself (a SendSignal command with a name), then waits for it. */
    selfSignal: async (ctx: Context): Promise<string> => {
      ctx.invocation(ctx.request().id).signal<string>('self').resolve('hello me');
      return ctx.signal<string>('self');
    },

    /** Throws a plain Error from the handler itself; after 2 attempts the retry policy pauses the invocation. */
    paused: restate.handlers.handler(
      { retryPolicy: { maxAttempts: 2, onMaxAttempts: 'pause', initialInterval: 20, maxInterval: 50 } },
      async (_ctx: Context): Promise<string> => {
        throw new Error('always broken');
      },
    ),
  },
});

/** A counter with lazy state: reads are journaled commands completed by notifications. */
export const counter = restate.object({
  name: 'Counter',
  handlers: {
    bump: async (ctx: ObjectContext): Promise<number> => {
      const next = ((await ctx.get<number>('count')) ?? 0) + 1;
      ctx.set('count', next);
      const keys = await ctx.stateKeys();
      return next + keys.length * 0;
    },
  },
  options: { enableLazyState: true },
});

/** A workflow waiting on its durable promise `approval`, resolved by the shared handler `approve`. */
export const approval = restate.workflow({
  name: 'Approval',
  handlers: {
    run: async (ctx: WorkflowContext): Promise<string> => {
      const promise = ctx.promise<string>('approval');
      const early = await promise.peek();
      const decision = await promise.get();
      return `peeked ${String(early)}, got ${decision}`;
    },
    approve: async (ctx: WorkflowSharedContext, decision: string): Promise<void> => {
      await ctx.promise<string>('approval').resolve(decision);
    },
  },
});

export const moreServices = [extras, counter, approval];
