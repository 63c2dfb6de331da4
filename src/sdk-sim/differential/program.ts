// Random durable handlers as data, for the differential test (./differential.test.ts): leaves (runs, sleeps,
// calls, awakeables) created in order, awaits of trees of combinators over them (all / any / race / allSettled,
// orTimeout, nesting), a world that gives each leaf its latency and failure, and crashes / a cancel. The same
// program is rendered to our scenario API (./render-ours.ts) and to real SDK code (./render-sdk.ts).
import fc from 'fast-check';
import type { Behaviour } from '../../sim/scenario';

export type Leaf =
  | { op: 'run'; latencyMs: number; outcome: 'value' | 'terminal'; transientFailures: number; retryMax: number | null }
  | { op: 'sleep'; ms: number }
  | { op: 'call'; latencyMs: number; outcome: 'value' | 'terminal' }
  | { op: 'awakeable'; atMs: number | null; outcome: 'value' | 'terminal' }
  /** A workflow's durable promise (one of PROMISE_NAMES): its get(), or its peek(). */
  | { op: 'promise'; name: number; peek: boolean }
  /** A one-way call; the future is its invocation id. Its callee ends after `calleeLatencyMs` (seen by attach). */
  | { op: 'send'; delayMs: number; calleeLatencyMs: number; calleeOutcome: 'value' | 'terminal' }
  /**
   * Awaits the invocation id of an earlier call or send (`of` picks one of them, modulo their count), then attaches
   * to it: the future is the attach (AttachInvocation, the callee's result).
   */
  | { op: 'attach'; of: number }
  /** A named signal `ctx.signal(signal<i>)`, sent from outside at `atMs` (world key `signal:signal<i>`) or never. */
  | { op: 'signal'; atMs: number | null; outcome: 'value' | 'terminal' };

/** The durable promises a program shares between its gets, peeks and completions (so they meet: 409, listeners). */
export const PROMISE_NAMES = ['approval0', 'approval1'];

export type Combinator = 'all' | 'any' | 'race' | 'allSettled';

export type Expr =
  | { kind: 'leaf'; pick: number }
  | { kind: 'combine'; combinator: Combinator; children: Expr[] }
  | { kind: 'timeout'; child: Expr; ms: number };

export type Step =
  | { kind: 'create'; leaf: Leaf }
  | { kind: 'await'; expr: Expr }
  /** Awaits `ctx.promise(name).resolve(value)` or `.reject(message)` (a 409 when already completed). */
  | { kind: 'complete'; name: number; outcome: 'value' | 'terminal' }
  /**
   * `ctx.resolveAwakeable(id, value)` or `rejectAwakeable(id, reason)` of an awakeable created before (`of` picks
   * one, modulo their count; nothing without one): the handler completes its own awakeable (CompleteAwakeable).
   */
  | { kind: 'wake'; of: number; outcome: 'value' | 'terminal' }
  /**
   * Sends a named signal created before to this invocation (`of` picks one, modulo their count): SendSignal with the
   * name, then its Signal notification unless the name was completed already. Without one, it signals an invocation
   * the simulation does not know (the command alone).
   */
  | { kind: 'signal'; of: number; outcome: 'value' | 'terminal' };

export interface Program {
  steps: Step[];
  seed: number;
  crashes: { atMs: number }[];
  cancelAtMs?: number;
  /** How the outside world completes each of PROMISE_NAMES (null: never); missing: never. */
  promises?: { atMs: number | null; outcome: 'value' | 'terminal' }[];
}

const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    op: fc.constant('run' as const),
    latencyMs: fc.integer({ min: 0, max: 80 }),
    outcome: fc.constantFrom('value' as const, 'value' as const, 'terminal' as const),
    transientFailures: fc.constantFrom(0, 0, 0, 1, 2),
    retryMax: fc.constantFrom(null, null, 1, 2, 3),
  }),
  fc.record({ op: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 120 }) }),
  fc.record({
    op: fc.constant('call' as const),
    latencyMs: fc.integer({ min: 0, max: 120 }),
    outcome: fc.constantFrom('value' as const, 'value' as const, 'terminal' as const),
  }),
  fc.record({
    op: fc.constant('awakeable' as const),
    atMs: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null, freq: 6 }),
    outcome: fc.constantFrom('value' as const, 'terminal' as const),
  }),
  fc.record({
    op: fc.constant('promise' as const),
    name: fc.integer({ min: 0, max: PROMISE_NAMES.length - 1 }),
    peek: fc.constantFrom(false, false, true),
  }),
  fc.record({
    op: fc.constant('send' as const),
    delayMs: fc.constantFrom(0, 0, 30, 200),
    calleeLatencyMs: fc.integer({ min: 0, max: 120 }),
    calleeOutcome: fc.constantFrom('value' as const, 'value' as const, 'terminal' as const),
  }),
  fc.record({ op: fc.constant('attach' as const), of: fc.nat(5) }),
  // Attach twice as often: it needs a call or send before it and a program long enough to see its answer.
  fc.record({ op: fc.constant('attach' as const), of: fc.nat(5) }),
);

const { expr: exprArb } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('leaf' as const), pick: fc.nat(20) }),
    fc.record({
      kind: fc.constant('combine' as const),
      combinator: fc.constantFrom<Combinator>('all', 'any', 'race', 'allSettled'),
      children: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('timeout' as const), child: tie('expr'), ms: fc.integer({ min: 0, max: 100 }) }),
  ),
}));

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), leaf: leafArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('await' as const), expr: exprArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('complete' as const),
      name: fc.integer({ min: 0, max: PROMISE_NAMES.length - 1 }),
      outcome: fc.constantFrom('value' as const, 'value' as const, 'terminal' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wake' as const),
      of: fc.nat(3),
      outcome: fc.constantFrom('value' as const, 'terminal' as const),
    }),
  },
);

const promiseWorldArb = fc.record({
  atMs: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null, freq: 3 }),
  outcome: fc.constantFrom('value' as const, 'value' as const, 'terminal' as const),
});

const programRecordArb: fc.Arbitrary<Program> = fc.record(
  {
    steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
    seed: fc.integer({ min: 0, max: 10_000 }),
    crashes: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 250 }) }), { maxLength: 2 }),
    cancelAtMs: fc.integer({ min: 0, max: 250 }),
    promises: fc.array(promiseWorldArb, { minLength: PROMISE_NAMES.length, maxLength: PROMISE_NAMES.length }),
  },
  { requiredKeys: ['steps', 'seed', 'crashes', 'promises'] },
);

/**
 * Programs whose awaits never put one leaf under two children of a combinator. When they do, both children
 * settle on the same notification and the SDK's winner is whichever JS promise settles first (the bare leaf before
 * the combinator around it: RestatePromise.any/race are native Promise.any/race), while our engine takes the first
 * child in argument order (docs/restate-semantics-notes.md §8).
 */
export const programArb: fc.Arbitrary<Program> = programRecordArb
  .map(withAttachTargets)
  .filter((p) => !sharesLeafAcrossChildren(p));

/**
 * Programs built around an attach: random steps, a call or a send, an attach to it, an await of the attach alone,
 * raced against a new sleep or under orTimeout, then more random steps (crashes and a cancel as in programArb).
 * The plain programs reach an answered attach too rarely to prove each case (a failed callee, a race, a crash
 * between the command and its answer).
 */
export const attachProgramArb: fc.Arbitrary<Program> = fc
  .record({
    program: programRecordArb,
    prefix: fc.integer({ min: 0, max: 3 }),
    target: fc.oneof(
      fc.record({
        op: fc.constant('call' as const),
        latencyMs: fc.integer({ min: 0, max: 120 }),
        outcome: fc.constantFrom('value' as const, 'terminal' as const),
      }),
      fc.record({
        op: fc.constant('send' as const),
        delayMs: fc.constantFrom(0, 0, 30),
        calleeLatencyMs: fc.integer({ min: 0, max: 120 }),
        calleeOutcome: fc.constantFrom('value' as const, 'terminal' as const),
      }),
    ),
    how: fc.constantFrom('alone' as const, 'race' as const, 'timeout' as const),
    sleepMs: fc.integer({ min: 0, max: 120 }),
  })
  .map(({ program, prefix, target, how, sleepMs }): Program => {
    const before = program.steps.slice(0, prefix);
    const leaves = before.filter((s) => s.kind === 'create').length;
    const attach = leaves + 1;
    const expr: Expr =
      how === 'alone'
        ? { kind: 'leaf', pick: attach }
        : how === 'timeout'
          ? { kind: 'timeout', child: { kind: 'leaf', pick: attach }, ms: sleepMs }
          : {
              kind: 'combine',
              combinator: 'race',
              children: [
                { kind: 'leaf', pick: attach },
                { kind: 'leaf', pick: attach + 1 },
              ],
            };
    const middle: Step[] = [
      { kind: 'create', leaf: target },
      // `of` = the number of calls and sends before the target: it picks the target itself.
      { kind: 'create', leaf: { op: 'attach', of: leavesOf({ ...program, steps: before }).filter(isCallee).length } },
      ...(how === 'race' ? [{ kind: 'create' as const, leaf: { op: 'sleep' as const, ms: sleepMs } }] : []),
      { kind: 'await', expr },
    ];
    return withAttachTargets({ ...program, steps: [...before, ...middle, ...program.steps.slice(prefix)] });
  })
  .filter((p) => !sharesLeafAcrossChildren(p));

/**
 * Programs with named signals: a plain program with 1–4 signal steps inserted at random places (a named signal
 * created, sent to itself or to a stranger, or awaited). A separate arbitrary, so the plain and attach programs
 * (and the differences they pin) stay what they were.
 */
export const signalProgramArb: fc.Arbitrary<Program> = fc
  .record({
    program: programRecordArb,
    inserts: fc.array(
      fc.record({
        at: fc.nat(10),
        step: fc.oneof(
          {
            weight: 2,
            arbitrary: fc.record({
              kind: fc.constant('create' as const),
              leaf: fc.record({
                op: fc.constant('signal' as const),
                atMs: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null, freq: 4 }),
                outcome: fc.constantFrom('value' as const, 'terminal' as const),
              }),
            }),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('signal' as const),
              of: fc.nat(3),
              outcome: fc.constantFrom('value' as const, 'terminal' as const),
            }),
          },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant('await' as const), expr: exprArb }) },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ program, inserts }): Program => {
    const steps = [...program.steps];
    for (const { at, step } of inserts) steps.splice(at % (steps.length + 1), 0, step);
    return withAttachTargets({ ...program, steps });
  })
  .filter((p) => !sharesLeafAcrossChildren(p));

function isCallee(leaf: Leaf): boolean {
  return leaf.op === 'call' || leaf.op === 'send';
}

/** An attach needs an earlier call or send to attach to: one without becomes a send of its own. */
export function withAttachTargets(program: Program): Program {
  let targets = 0;
  const steps = program.steps.map((step): Step => {
    if (step.kind !== 'create') return step;
    if (isCallee(step.leaf)) targets++;
    else if (step.leaf.op === 'attach' && targets === 0) {
      targets++;
      return { kind: 'create', leaf: { op: 'send', delayMs: 0, calleeLatencyMs: 40, calleeOutcome: 'value' } };
    }
    return step;
  });
  return { ...program, steps };
}

/** The leaf index an attach leaf attaches to: the `of`-th (modulo) of the calls and sends created before it. */
export function attachTarget(leaves: Leaf[], index: number): number {
  const leaf = leaves[index];
  if (leaf.op !== 'attach') throw new Error(`leaf ${index} is not an attach`);
  const targets = leaves.slice(0, index).flatMap((l, i) => (isCallee(l) ? [i] : []));
  if (targets.length === 0) throw new Error(`attach leaf ${index} has no call or send before it`);
  return targets[leaf.of % targets.length];
}

export function sharesLeafAcrossChildren(program: Program): boolean {
  let leaves = 0;
  for (const step of program.steps) {
    if (step.kind === 'create') leaves++;
    else if (step.kind === 'await' && leaves > 0 && leafSet(step.expr, leaves) === null) return true;
  }
  return false;
}

/** The leaves under an expression, or null when two children of one combinator share one. */
function leafSet(expr: Expr, leaves: number): Set<number> | null {
  if (expr.kind === 'leaf') return new Set([expr.pick % leaves]);
  if (expr.kind === 'timeout') return leafSet(expr.child, leaves);
  const all = new Set<number>();
  for (const child of expr.children) {
    const set = leafSet(child, leaves);
    if (set === null) return null;
    for (const leaf of set) {
      if (all.has(leaf)) return null;
      all.add(leaf);
    }
  }
  return all;
}

/** World key of the i-th leaf: each leaf has its own behaviour. */
export function leafKey(leaf: Leaf, index: number): string {
  if (leaf.op === 'call') return `Svc${index}/work`;
  if (leaf.op === 'send') return `Mail${index}/send`;
  if (leaf.op === 'promise') return PROMISE_NAMES[leaf.name];
  return `${leaf.op}${index}`;
}

export function runValue(index: number): string {
  return `value of leaf ${index}`;
}

export function worldOf(program: Program): Record<string, Behaviour> {
  const world: Record<string, Behaviour> = {};
  leavesOf(program).forEach((leaf, index) => {
    const key = leafKey(leaf, index);
    const terminal = { code: 400 + index, message: `leaf ${index} failed` };
    if (leaf.op === 'run')
      world[key] = {
        latencyMs: leaf.latencyMs,
        transientFailures: leaf.transientFailures,
        ...(leaf.retryMax !== null ? { retry: { maxAttempts: leaf.retryMax, initialIntervalMs: 20 } } : {}),
      };
    else if (leaf.op === 'call')
      world[key] =
        leaf.outcome === 'terminal'
          ? { latencyMs: leaf.latencyMs, terminal }
          : { latencyMs: leaf.latencyMs, value: runValue(index) };
    else if (leaf.op === 'send')
      world[key] =
        leaf.calleeOutcome === 'terminal'
          ? { latencyMs: leaf.calleeLatencyMs, terminal }
          : { latencyMs: leaf.calleeLatencyMs, value: runValue(index) };
    else if (leaf.op === 'awakeable' && leaf.atMs !== null)
      world[key] =
        leaf.outcome === 'terminal'
          ? { rejectAtMs: leaf.atMs, terminal }
          : { resolveAtMs: leaf.atMs, value: runValue(index) };
  });
  leavesOf(program).forEach((leaf, index) => {
    if (leaf.op !== 'signal' || leaf.atMs === null) return;
    const terminal = { code: 400 + index, message: `leaf ${index} failed` };
    world[`signal:${leafKey(leaf, index)}`] =
      leaf.outcome === 'terminal'
        ? { rejectAtMs: leaf.atMs, terminal }
        : { resolveAtMs: leaf.atMs, value: runValue(index) };
  });
  (program.promises ?? []).forEach((promise, index) => {
    const terminal = { code: 460 + index, message: `promise ${index} rejected` };
    if (promise.atMs !== null)
      world[PROMISE_NAMES[index]] =
        promise.outcome === 'terminal'
          ? { rejectAtMs: promise.atMs, terminal }
          : { resolveAtMs: promise.atMs, value: `outside value ${index}` };
  });
  return world;
}

/** Whether the program uses durable promises (then the SDK form is a workflow: only a workflow has ctx.promise). */
export function usesPromises(program: Program): boolean {
  return program.steps.some((s) => s.kind === 'complete' || (s.kind === 'create' && s.leaf.op === 'promise'));
}

/** The value a 'wake' step resolves its awakeable with, or the message it rejects it with. */
export function wakeValue(stepIndex: number): string {
  return `woken by step ${stepIndex}`;
}

/** The invocation a 'signal' step signals when no named signal was created before it: one the simulation does not know. */
export const STRANGER_INVOCATION_ID = 'inv_somebody_else';

/** The name and target of a 'signal' step: a named signal created before (of this invocation), or a stranger's. */
export function signalTarget(names: string[], of: number, self: string): { invocationId: string; name: string } {
  return names.length === 0
    ? { invocationId: STRANGER_INVOCATION_ID, name: 'nobody' }
    : { invocationId: self, name: names[of % names.length] };
}

/** The value a 'complete' step resolves its promise with. */
export function completionValue(stepIndex: number): string {
  return `inside value ${stepIndex}`;
}

export function leavesOf(program: Program): Leaf[] {
  return program.steps.flatMap((s) => (s.kind === 'create' ? [s.leaf] : []));
}

/** Awakeable world keys in creation order (an SDK awakeable has no name). */
export function awakeableKeys(program: Program): string[] {
  return leavesOf(program).flatMap((leaf, index) => (leaf.op === 'awakeable' ? [leafKey(leaf, index)] : []));
}
