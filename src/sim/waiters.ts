// The handler's pending awaits of one attempt, and the one Decision each await records when it is resolved,
// rejected, or interrupted by CANCEL (split out of engine.ts).
import type { CombinatorKind, Decision } from '../model';
import type { Waiter } from './engine-types';
import type { DurableFuture } from './future';
import { decisionFor, explainSettlement } from './decisions';
import { CancelledError } from './errors';

export class Waiters {
  private readonly active = new Set<Waiter>();
  private seq = 0;
  /** Set whenever an await was resolved or rejected: the handler may make progress before the next pop. */
  resolvedSinceDrain = false;

  constructor(
    private readonly decisions: Decision[],
    private readonly attempt: number,
  ) {}

  get size(): number {
    return this.active.size;
  }

  /** A new await of `future`; `onRunLeaf` is told of every pending run under it (runs execute while awaited). */
  add(
    future: DurableFuture,
    label: CombinatorKind,
    resolve: Waiter['resolve'],
    reject: Waiter['reject'],
    position: number,
    onRunLeaf: (leaf: DurableFuture) => void,
  ): void {
    const waiter: Waiter = { future, label, seq: this.seq++, runLeaves: [], resolve, reject };
    if (future.cancelled)
      return this.rejectCancelled(
        waiter,
        position,
        'cancelled earlier: this future was awaited when the CANCEL signal came (409)',
        true,
      );
    if (future.settlement) return this.deliver(waiter, position, true);
    (future.waiters ??= []).push(waiter);
    this.active.add(waiter);
    for (const leaf of future.leaves()) {
      if (!leaf.settlement && leaf.leaf?.type === 'Run') {
        leaf.activeAwaits++;
        waiter.runLeaves.push(leaf);
        onRunLeaf(leaf);
      }
    }
  }

  /** The awaits of the nodes that just settled, resolved in the order they were made. */
  deliverSettled(settled: DurableFuture[], entryIndex: number): void {
    const waiters: Waiter[] = [];
    for (const node of settled) {
      for (const waiter of node.waiters as Waiter[]) waiters.push(waiter);
      node.waiters = null;
    }
    waiters.sort((a, b) => a.seq - b.seq);
    for (const waiter of waiters) this.deliver(waiter, entryIndex);
  }

  private deliver(waiter: Waiter, entryIndex: number, settledBeforeAwait = false): void {
    this.active.delete(waiter);
    for (const leaf of waiter.runLeaves) leaf.activeAwaits--;
    const future = waiter.future;
    const s = future.settlement!;
    const decision = explainSettlement(
      decisionFor(future, waiter.label, entryIndex, this.attempt, s.ok ? 'success' : 'failure'),
      future,
    );
    if (settledBeforeAwait) decision.settledBeforeAwait = true;
    this.decisions.push(decision);
    this.resolvedSinceDrain = true;
    if (!s.ok) return waiter.reject(s.error);
    if (future.kind === 'waitCompleted') {
      const children = future.children;
      waiter.resolve([children.filter((c) => c.settlement), children.filter((c) => !c.settlement)]);
    } else waiter.resolve(s.value);
  }

  /** CANCEL popped: every await in progress throws 409; its decision names s1 as the winner. */
  rejectAllCancelled(entryIndex: number): void {
    for (const waiter of this.inOrder()) {
      this.active.delete(waiter);
      for (const leaf of waiter.runLeaves) leaf.activeAwaits--;
      const future = waiter.future;
      future.waiters = future.waiters?.filter((w) => w !== waiter) ?? null;
      future.cancelled = true;
      this.rejectCancelled(waiter, entryIndex, 'cancelled: the invocation received the CANCEL signal (409)');
    }
  }

  private rejectCancelled(waiter: Waiter, entryIndex: number, note: string, settledBeforeAwait = false): void {
    const decision = decisionFor(waiter.future, waiter.label, entryIndex, this.attempt, 'failure');
    decision.winner = 's1';
    decision.note = note;
    if (settledBeforeAwait) decision.settledBeforeAwait = true;
    this.decisions.push(decision);
    this.resolvedSinceDrain = true;
    waiter.reject(new CancelledError());
  }

  /** The awaited futures, in the order of their awaits. */
  awaitedFutures(): DurableFuture[] {
    return this.inOrder().map((w) => w.future);
  }

  private inOrder(): Waiter[] {
    return [...this.active].sort((a, b) => a.seq - b.seq);
  }
}
