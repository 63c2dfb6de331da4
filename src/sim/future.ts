// Durable futures: leaves (one completion id or signal) and combinator nodes over them.
// A node settles once (monotonic), when a child settles in journal-notification order; its waiters
// (the handler's awaits) are then resolved by the engine, which records one Decision per await.
// Tree node kinds follow sdk-shared-core `src/vm/transitions/input.rs` / `async_results_state.rs`:
// race/select/orTimeout/waitCompleted = FirstCompleted, all = AllSucceededOrFirstFailed,
// any = FirstSucceededOrAllFailed, allSettled/gather = AllCompleted, map = Unknown.
import type { CombinatorKind } from '../model';
import { AggregateFailure, TerminalError, TimeoutError } from './errors';

export type NodeKind =
  'leaf' | 'race' | 'select' | 'orTimeout' | 'all' | 'any' | 'allSettled' | 'gather' | 'waitCompleted' | 'map';

export interface Settlement {
  ok: boolean;
  value: unknown;
  error: TerminalError | null;
  /** Journal index of the notification that settled it. */
  at: number;
  /** Leaf id whose notification settled it. */
  via: string;
  /** Child position that decided it (race/select/any/orTimeout/all failure). */
  childIndex: number;
}

/** What a future needs from the engine that owns it. */
export interface FutureEngine {
  awaitFuture(future: DurableFuture, label?: CombinatorKind): Promise<unknown>;
  compose(kind: NodeKind, children: DurableFuture[], extra?: CompositeExtra): DurableFuture;
  timer(ms: number): DurableFuture;
}

export interface CompositeExtra {
  keys?: string[];
  mapFn?: (value: unknown) => unknown;
  timeoutMs?: number;
}

export interface LeafInfo {
  id: string;
  /** 'Run' | 'Sleep' | 'Call' | 'Awakeable' | 'CallInvocationId' | 'AttachInvocation' | 'Cancel' | promise types. */
  type: string;
  name: string;
  completionId?: number;
  signalIndex?: number;
  /** Named signals (`ctx.signal(name)`): the name; the leaf's id is `s:<name>`. */
  signalName?: string;
  /** Runs: the closure computing the value when the run executes (never called on replay). */
  compute?: () => unknown;
  /** Calls: the callee's invocation id (for cancel). */
  calleeInvocationId?: string;
}

const NO_EXTRA: CompositeExtra = Object.freeze({});

/** One allocation site and one property order for every settlement (keeps V8 objects monomorphic). */
export function settlementOf(
  ok: boolean,
  value: unknown,
  error: TerminalError | null,
  at: number,
  via: string,
  childIndex: number,
): Settlement {
  return { ok, value, error, at, via, childIndex };
}

export class DurableFuture<T = unknown> implements PromiseLike<T> {
  settlement: Settlement | null = null;
  /** Composite nodes still listening to this one. */
  parents: Set<DurableFuture> | null = null;
  /** Pending awaits (engine Waiter objects); null until the first (most leaves are never awaited directly). */
  waiters: unknown[] | null = null;
  /** Awaits currently blocked on this leaf (a run executes only while awaited). */
  activeAwaits = 0;
  /**
   * CANCEL reached an await of this very future: every later await of it throws 409 at once, as in the TS SDK,
   * where the awaited RestatePromise keeps its rejected cancel promise (sdk-typescript `promises.ts`,
   * `BaseRestatePromise.tryCancel` / `publicPromiseOrCancelPromise`; found by the differential test).
   */
  cancelled = false;
  pendingChildren = 0;
  private idCache: string | null = null;
  private leavesCache: DurableFuture[] | null = null;

  constructor(
    readonly engine: FutureEngine,
    readonly kind: NodeKind,
    readonly children: DurableFuture[],
    readonly leaf: LeafInfo | null,
    readonly extra: CompositeExtra = NO_EXTRA,
  ) {}

  /** `c<completionId>` / `s<signalIndex>` for leaves; a readable expression for combinators. */
  get id(): string {
    if (this.idCache === null) {
      this.idCache = this.leaf ? this.leaf.id : `${this.kind}(${this.children.map((c) => c.id).join(',')})`;
    }
    return this.idCache;
  }

  /** Leaves under this node, unique, in argument order. */
  leaves(): DurableFuture[] {
    if (this.leavesCache) return this.leavesCache;
    if (this.leaf) return (this.leavesCache = [this]);
    const seen = new Set<DurableFuture>();
    const out: DurableFuture[] = [];
    for (const child of this.children) {
      for (const leaf of child.leaves()) {
        if (!seen.has(leaf)) {
          seen.add(leaf);
          out.push(leaf);
        }
      }
    }
    return (this.leavesCache = out);
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return (this.engine.awaitFuture(this) as Promise<T>).then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  /** A future of fn(value) (sdk-typescript `RestatePromise.map`; an `Unknown` tree node). */
  map<U>(fn: (value: T) => U): DurableFuture<U> {
    return this.engine.compose('map', [this], { mapFn: fn as (value: unknown) => unknown }) as DurableFuture<U>;
  }

  /** Races a real Sleep of `ms`; fails with TimeoutError (408) when the timer wins. Nothing is cancelled. */
  orTimeout(ms: number): DurableFuture<T> {
    const timer = this.engine.timer(ms);
    return this.engine.compose('orTimeout', [this, timer], { timeoutMs: ms }) as DurableFuture<T>;
  }
}

/** Settles `node` and propagates to its parents; every node that settled and has waiters is pushed to `out`. */
export function settle(node: DurableFuture, settlement: Settlement, out: DurableFuture[]): void {
  node.settlement = settlement;
  if (node.waiters !== null && node.waiters.length > 0) out.push(node);
  const parents = node.parents;
  node.parents = null;
  if (parents) for (const parent of parents) childSettled(parent, node, out);
}

/** Builds a composite: feeds already-settled children in journal order, then listens to the pending ones. */
export function initComposite(node: DurableFuture, out: DurableFuture[]): void {
  const unique = [...new Set(node.children)];
  const settled = unique.filter((c) => c.settlement).sort((a, b) => a.settlement!.at - b.settlement!.at);
  node.pendingChildren = unique.length;
  for (const child of settled) {
    childSettled(node, child, out);
    if (node.settlement) return;
  }
  for (const child of unique) if (!child.settlement) (child.parents ??= new Set()).add(node);
}

function childSettled(node: DurableFuture, child: DurableFuture, out: DurableFuture[]): void {
  if (node.settlement) return;
  node.pendingChildren--;
  const s = child.settlement!;
  const done = node.pendingChildren === 0;
  // indexOf only where a winner is reported: `all` over 100,000 children must stay linear.
  const indexOfChild = () => node.children.indexOf(child);
  let result: Settlement | null = null;
  switch (node.kind) {
    case 'leaf':
      return;
    case 'race':
      result = settlementOf(s.ok, s.value, s.error, s.at, s.via, indexOfChild());
      break;
    case 'waitCompleted':
      // Never fails: a failed future is just a completed one (its [completed, pending] lists are built on delivery).
      result = settlementOf(true, null, null, s.at, s.via, indexOfChild());
      break;
    case 'select': {
      const index = indexOfChild();
      result = s.ok
        ? settlementOf(true, [node.extra.keys![index], s.value], null, s.at, s.via, index)
        : settlementOf(false, undefined, s.error, s.at, s.via, index);
      break;
    }
    case 'orTimeout': {
      const index = indexOfChild();
      result =
        index === 1
          ? settlementOf(false, undefined, new TimeoutError(), s.at, s.via, index)
          : settlementOf(s.ok, s.value, s.error, s.at, s.via, index);
      break;
    }
    case 'map':
      result = s.ok ? mapped(node, s) : settlementOf(false, undefined, s.error, s.at, s.via, 0);
      break;
    case 'all':
      if (!s.ok) result = settlementOf(false, undefined, s.error, s.at, s.via, indexOfChild());
      else if (done)
        result = settlementOf(
          true,
          node.children.map((c) => c.settlement!.value),
          null,
          s.at,
          s.via,
          -1,
        );
      break;
    case 'any':
      if (s.ok) result = settlementOf(true, s.value, null, s.at, s.via, indexOfChild());
      else if (done) {
        const errors = node.children.map((c) => c.settlement!.error!);
        result = settlementOf(false, undefined, new AggregateFailure(errors), s.at, s.via, -1);
      }
      break;
    case 'allSettled':
      if (done) result = settlementOf(true, node.children.map(settledRecord), null, s.at, s.via, -1);
      break;
    case 'gather':
      if (done) result = settlementOf(true, [...node.children], null, s.at, s.via, -1);
      break;
  }
  if (!result) return;
  for (const other of node.children) other.parents?.delete(node);
  settle(node, result, out);
}

function mapped(node: DurableFuture, s: Settlement): Settlement {
  try {
    return settlementOf(true, node.extra.mapFn!(s.value), null, s.at, s.via, 0);
  } catch (error) {
    const terminal =
      error instanceof TerminalError ? error : new TerminalError(String((error as Error)?.message ?? error));
    return settlementOf(false, undefined, terminal, s.at, s.via, 0);
  }
}
function settledRecord(child: DurableFuture): unknown {
  const s = child.settlement!;
  return s.ok ? { status: 'fulfilled', value: s.value } : { status: 'rejected', reason: s.error };
}
