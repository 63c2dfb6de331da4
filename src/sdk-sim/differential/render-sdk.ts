// The same random program (./program.ts) as real Restate SDK code (`restate.service`, `ctx.run`, `ctx.sleep`,
// `ctx.genericCall`, `ctx.awakeable`, `RestatePromise.all/any/race/allSettled`, `.orTimeout`).
import * as restate from '@restatedev/restate-sdk';
import { defineSdkScenario, type SdkScenario } from '../sdk-scenario';
import type { ServiceDefinitionLike } from '../../sdk-host/replay';
import { failureOutcome, plain, type Outcome } from './outcome';
import {
  attachTarget,
  awakeableKeys,
  completionValue,
  leafKey,
  leavesOf,
  PROMISE_NAMES,
  runValue,
  signalTarget,
  wakeValue,
  usesPromises,
  worldOf,
  type Expr,
  type Leaf,
  type Program,
} from './program';

type AnyPromise = restate.RestatePromise<unknown>;
const { RestatePromise } = restate;
const combinators = {
  all: (ps: AnyPromise[]) => RestatePromise.all(ps),
  any: (ps: AnyPromise[]) => RestatePromise.any(ps),
  race: (ps: AnyPromise[]) => RestatePromise.race(ps),
  allSettled: (ps: AnyPromise[]) => RestatePromise.allSettled(ps),
};

/** The promises of the leaves so far, and the invocation id promise of each call or send (what an attach awaits). */
interface Made {
  futures: AnyPromise[];
  invocationIds: (restate.RestatePromise<restate.InvocationId> | undefined)[];
  /** The id of each awakeable so far, in creation order (what a 'wake' step completes). */
  awakeableIds: string[];
  /** The name of each named signal so far, in creation order (what a 'signal' step sends). */
  signalNames: string[];
}

async function create(ctx: restate.WorkflowContext, leaves: Leaf[], index: number, made: Made): Promise<void> {
  const leaf = leaves[index];
  // An attach first awaits its target's invocation id. promiseOf stays synchronous: an async function returning a
  // RestatePromise would await it.
  const attachTo = leaf.op === 'attach' ? await made.invocationIds[attachTarget(leaves, index)]! : '';
  const future = promiseOf(ctx, leaf, index, attachTo as restate.InvocationId, made.awakeableIds);
  if (leaf.op === 'signal') made.signalNames.push(leafKey(leaf, index));
  made.futures.push(future);
  made.invocationIds.push(
    leaf.op === 'call'
      ? ((future as restate.InvocationPromise<unknown>).invocationId as restate.RestatePromise<restate.InvocationId>)
      : leaf.op === 'send'
        ? (future as unknown as restate.RestatePromise<restate.InvocationId>)
        : undefined,
  );
}

function promiseOf(
  ctx: restate.WorkflowContext,
  leaf: Leaf,
  index: number,
  attachTo: restate.InvocationId,
  awakeableIds: string[],
): AnyPromise {
  const key = leafKey(leaf, index);
  switch (leaf.op) {
    case 'run': {
      const action = () => {
        if (leaf.outcome === 'terminal')
          throw new restate.TerminalError(`leaf ${index} failed`, { errorCode: 400 + index });
        return runValue(index);
      };
      return leaf.retryMax === null
        ? ctx.run(key, action)
        : ctx.run(key, action, { maxRetryAttempts: leaf.retryMax, initialRetryInterval: 20 });
    }
    case 'sleep':
      return ctx.sleep(leaf.ms) as AnyPromise;
    case 'call': {
      const [service, method] = key.split('/');
      const parameter = new TextEncoder().encode(JSON.stringify({ leaf: index }));
      return ctx.genericCall({ service, method, parameter, outputSerde: restate.serde.json });
    }
    case 'awakeable': {
      const { id, promise } = ctx.awakeable<unknown>();
      awakeableIds.push(id);
      return promise;
    }
    case 'promise':
      // peek() is declared a Promise but is a RestatePromise (context_impl.js: processCompletableEntry), as get().
      return leaf.peek ? (ctx.promise(key).peek() as AnyPromise) : ctx.promise(key).get();
    case 'send': {
      const [service, method] = key.split('/');
      const parameter = new TextEncoder().encode(JSON.stringify({ leaf: index }));
      return ctx.genericSend({ service, method, parameter, delay: leaf.delayMs }).invocationId as AnyPromise;
    }
    case 'attach':
      // Both spellings reach sys_attach_invocation (dist/context_impl.js); the deprecated one on odd leaves.
      return index % 2 === 0 ? ctx.invocation(attachTo).attach() : ctx.attach(attachTo);
    case 'signal':
      return ctx.signal(key);
  }
}

function build(expr: Expr, futures: AnyPromise[]): AnyPromise {
  if (expr.kind === 'leaf') return futures[expr.pick % futures.length];
  if (expr.kind === 'timeout') return build(expr.child, futures).orTimeout(expr.ms);
  return combinators[expr.combinator](expr.children.map((c) => build(c, futures))) as AnyPromise;
}

export function sdkScenarioOf(program: Program, name: string): SdkScenario {
  // A workflow's run handler has ctx.promise; programs without promises stay a plain service.
  const leaves = leavesOf(program);
  const run = async (ctx: restate.WorkflowContext) => {
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
        const { invocationId, name } = signalTarget(made.signalNames, step.of, ctx.request().id);
        const signal = ctx.invocation(invocationId as restate.InvocationId).signal(name);
        if (step.outcome === 'value') signal.resolve(wakeValue(stepIndex));
        else signal.reject(wakeValue(stepIndex));
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
          const outcome = failureOutcome(error, (e) => e instanceof restate.TerminalError);
          if (!outcome) throw error;
          out.push(outcome);
        }
      }
    }
    return out;
  };
  const workflow = usesPromises(program);
  const service = workflow
    ? restate.workflow({ name: 'Program', handlers: { run } })
    : restate.service({
        name: 'Program',
        handlers: { run: (ctx: restate.Context) => run(ctx as restate.WorkflowContext) },
      });
  return defineSdkScenario({
    name,
    world: worldOf(program),
    awakeables: awakeableKeys(program),
    services: service as unknown as ServiceDefinitionLike,
    ...(workflow ? { target: 'Program/wf/run' } : {}),
  });
}
