// Run executions of one attempt: a run is lazy, so it starts only while an await is blocked on it; a retryable
// failure either fails the attempt or, once the run's retry policy is exhausted, completes the run with a
// terminal failure (split out of engine.ts).
import type { AttemptResult, EngineSetup } from './engine-types';
import type { DurableFuture } from './future';
import type { Advance } from './world';
import { computeRun } from './results';
import { nextRunRetry } from './retry-policy';

type RunFailure = Extract<Advance, { kind: 'transient' }>;

export class RunExecutions {
  private awaited: DurableFuture[] = [];
  private readonly started = new Set<number>();

  constructor(private readonly setup: EngineSetup) {}

  /** An await blocked on this run leaf: it may start at the next world step. */
  awaitedNow(leaf: DurableFuture): void {
    this.awaited.push(leaf);
  }

  /** Starts every run that is still awaited, not started in this attempt and not completed on the server. */
  startAwaited(): void {
    const world = this.setup.world!;
    const notified = this.setup.writer!.notified;
    for (const leaf of this.awaited) {
      const cid = leaf.leaf!.completionId!;
      if (leaf.settlement || leaf.activeAwaits <= 0 || this.started.has(cid) || notified.has(leaf.id)) continue;
      if (!stillAwaited(leaf)) continue;
      this.started.add(cid);
      world.startRun(cid, leaf.leaf!.name, this.setup.attempt, computeRun(leaf.leaf!.compute));
    }
    this.awaited = [];
  }

  /**
   * A run execution failed with a retryable error. Its retry count (sdk-shared-core `src/vm/transitions/journal.rs`,
   * `ProposeRunCompletion` + `Context::infer_entry_retry_info`): the server's count since the last stored command
   * + 1 while nothing new was written in this attempt (`processing_first_entry`), else 1. Exhausted: the run's
   * completion is journaled as a terminal failure [500, message] and the attempt goes on (null); otherwise the
   * attempt fails with the delay the policy asks for.
   */
  failed(next: RunFailure, appendedCommands: number): AttemptResult | null {
    const world = this.setup.world!;
    const policy = world.behaviourOf(next.completionId)?.retry ?? this.setup.runRetryDefault;
    const retryCount = (appendedCommands === 0 ? (this.setup.retryCountAtStart ?? 0) : 0) + 1;
    const decision = nextRunRetry(policy, retryCount);
    if (decision.kind === 'terminal') {
      world.failRun(next.completionId, { code: 500, message: next.message });
      return null;
    }
    const { kind: _kind, ...rest } = next;
    return { end: 'transient', ...rest, retryCount, delayMs: decision.delayMs };
  }
}

/**
 * Whether an await still waits on this node: directly, or through composites that have not settled. A run under a
 * combinator that already settled (an orTimeout whose timer fired) is no longer awaited and does not start, as in
 * the SDK, whose await tree drops settled subtrees (sdk-typescript `promises.ts`, `unresolvedFuture`; found by the
 * differential test).
 */
function stillAwaited(node: DurableFuture): boolean {
  if (node.waiters && node.waiters.length > 0) return true;
  for (const parent of node.parents ?? []) if (!parent.settlement && stillAwaited(parent)) return true;
  return false;
}
