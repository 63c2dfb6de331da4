// A random program (./program.ts) as a scenario of our own API.
import { all, allSettled, any, defineScenario, race, TerminalError, type Scenario, type SimContext } from '../../sim';
import type { DurableFuture } from '../../sim/future';
import type { AwakeableFuture, CallFuture } from '../../sim/scenario';
import { failureOutcome, plain, type Outcome } from './outcome';
import {
  attachTarget,
  completionValue,
  leafKey,
  leavesOf,
  PROMISE_NAMES,
  runValue,
  signalTarget,
  wakeValue,
  worldOf,
  type Expr,
  type Leaf,
  type Program,
} from './program';

const combinators = { all, any, race, allSettled };

/** The futures of the leaves so far, and the invocation id future of each call or send (what an attach awaits). */
interface Made {
  futures: DurableFuture[];
  invocationIds: (DurableFuture<string> | undefined)[];
  /** The id of each awakeable so far, in creation order (what a 'wake' step completes). */
  awakeableIds: string[];
  /** The name of each named signal so far, in creation order (what a 'signal' step sends). */
  signalNames: string[];
}

async function create(ctx: SimContext, leaves: Leaf[], index: number, made: Made): Promise<void> {
  const leaf = leaves[index];
  // An attach first awaits its target's invocation id. futureOf stays synchronous: a future is a thenable, so an
  // async function returning one would await it.
  const attachTo = leaf.op === 'attach' ? await made.invocationIds[attachTarget(leaves, index)]! : '';
  const future = futureOf(ctx, leaf, index, attachTo);
  made.futures.push(future);
  if (leaf.op === 'awakeable') made.awakeableIds.push((future as AwakeableFuture).awakeableId);
  if (leaf.op === 'signal') made.signalNames.push(leafKey(leaf, index));
  made.invocationIds.push(
    leaf.op === 'call'
      ? (future as CallFuture).invocationId
      : leaf.op === 'send'
        ? (future as DurableFuture<string>)
        : undefined,
  );
}

function futureOf(ctx: SimContext, leaf: Leaf, index: number, attachTo: string): DurableFuture {
  const key = leafKey(leaf, index);
  switch (leaf.op) {
    case 'run':
      return ctx.run(key, () => {
        if (leaf.outcome === 'terminal') throw new TerminalError(`leaf ${index} failed`, 400 + index);
        return runValue(index);
      });
    case 'sleep':
      return ctx.sleep(leaf.ms);
    case 'call':
      return ctx.call(key, { leaf: index });
    case 'awakeable':
      return ctx.awakeable(key);
    case 'promise':
      return leaf.peek ? ctx.promise(key).peek() : ctx.promise(key).get();
    case 'send':
      return ctx.send(key, { leaf: index }, { delayMs: leaf.delayMs }).invocationId;
    case 'attach':
      return ctx.attach(attachTo);
    case 'signal':
      return ctx.signal(key);
  }
}

function build(expr: Expr, futures: DurableFuture[]): DurableFuture {
  if (expr.kind === 'leaf') return futures[expr.pick % futures.length];
  if (expr.kind === 'timeout') return build(expr.child, futures).orTimeout(expr.ms);
  return combinators[expr.combinator](expr.children.map((c) => build(c, futures))) as DurableFuture;
}

export function scenarioOf(program: Program, name: string): Scenario {
  return defineScenario({
    name,
    world: worldOf(program),
    handler: async (ctx) => {
      const leaves = leavesOf(program);
      const made: Made = { futures: [], invocationIds: [], awakeableIds: [], signalNames: [] };
      const futures = made.futures;
      const out: Outcome[] = [];
      let index = 0;
      for (const [stepIndex, step] of program.steps.entries()) {
        if (step.kind === 'create') await create(ctx, leaves, index++, made);
        else if (step.kind === 'wake') {
          const ids = made.awakeableIds;
          if (ids.length === 0) continue;
          const id = ids[step.of % ids.length];
          if (step.outcome === 'value') ctx.resolveAwakeable(id, wakeValue(stepIndex));
          else ctx.rejectAwakeable(id, wakeValue(stepIndex));
        } else if (step.kind === 'signal') {
          const { invocationId, name } = signalTarget(made.signalNames, step.of, ctx.invocationId);
          if (step.outcome === 'value') ctx.sendSignal(invocationId, name, wakeValue(stepIndex));
          else ctx.rejectSignal(invocationId, name, wakeValue(stepIndex));
        } else if (step.kind === 'complete' || futures.length > 0) {
          try {
            const awaited =
              step.kind === 'await'
                ? build(step.expr, futures)
                : step.outcome === 'value'
                  ? ctx.promise(PROMISE_NAMES[step.name]).resolve(completionValue(stepIndex))
                  : ctx.promise(PROMISE_NAMES[step.name]).reject(completionValue(stepIndex));
            out.push({ ok: plain(await awaited) });
          } catch (error) {
            const outcome = failureOutcome(error, (e) => e instanceof TerminalError);
            if (!outcome) throw error;
            out.push(outcome);
          }
        }
      }
      return out;
    },
  });
}
