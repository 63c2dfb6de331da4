// One attempt of a handler, for live simulation and replay alike (one engine, so a replay reproduces a run by
// construction). Commands are matched against the journal by command index; recorded notifications are popped
// FIFO in journal order whenever every await is blocked (sdk-shared-core `src/vm/transitions/input.rs`,
// `async_results_state.rs`); when the journal runs out, a live attempt asks the World for the next event.
import type {
  CombinatorKind,
  CommandEntry,
  Decision,
  FutureTree,
  Mismatch,
  NotificationEntry,
  RunOutput,
} from '../model';
import type { AttemptResult, ContextEngine, EngineSetup } from './engine-types';
import type { SimContext } from './scenario';
import { awaitingTreeOf, labelOf } from './decisions';
import { Waiters } from './waiters';
import { notificationSettlement, outputResult } from './results';
import { RunExecutions } from './runs';
import { failureOf, retryableMessage, SimError, TerminalError } from './errors';
import {
  DurableFuture,
  initComposite,
  settle,
  type CompositeExtra,
  type FutureEngine,
  type LeafInfo,
  type NodeKind,
} from './future';
import { notificationFutureId } from '../model/future-ids';
import { plainValue } from './payload';
import { createContext } from './context';
import {
  commandMismatch,
  exhaustedMismatch,
  matchesCommand,
  outputPayloadDiffers,
  type IssuedCommand,
} from './matching';
import { drainUntilIdle, IDLE_TURNS, STUCK_TURNS } from './idle';

export type { AttemptResult, EngineSetup, Waiter } from './engine-types';
export { IDLE_TURNS, STUCK_TURNS } from './idle';

export class Engine implements FutureEngine, ContextEngine {
  readonly decisions: Decision[] = [];
  /** Journal index of the last entry this attempt has consumed (matched command or popped notification). */
  position = 0;
  private cursor = 0;
  nextCommandIndex = 1;
  nextCompletionId = 1;
  nextSignalIndex = 17;
  private readonly leaves = new Map<string, DurableFuture>();
  private readonly early = new Map<string, NotificationEntry>();
  readonly calls: DurableFuture[] = [];
  private readonly waiters: Waiters;
  private readonly runs: RunExecutions;
  activity = 0;
  private finished: RunOutput | null = null;
  private mismatch: Mismatch | null = null;
  private dead = false;
  private cancelObserved = false;
  /** A limit hit inside a handler operation: it ends the simulation, whatever the handler does with the error. */
  private fatal: SimError | null = null;
  /** The handler threw a non-terminal error: the attempt fails (retried by the server). */
  private handlerError: ReturnType<typeof failureOf> | null = null;
  /** Commands this attempt appended (not replayed): after one, a run failure's retry count restarts at 1. */
  appendedCommands = 0;
  /** Non-fatal observations of a replay (e.g. an Output value that differs while payload checks are off). */
  readonly notes: string[] = [];

  constructor(readonly setup: EngineSetup) {
    this.position = setup.commands[0]?.index ?? 0;
    this.runs = new RunExecutions(setup);
    this.waiters = new Waiters(this.decisions, setup.attempt);
  }

  get nowMs(): number {
    return this.setup.writer?.nowMs ?? 0;
  }

  get attempt(): number {
    return this.setup.attempt;
  }

  /** Every durable operation counts against stepsMax: a handler creating operations forever is stopped too. */
  ensureAlive(): void {
    if (this.fatal) throw this.fatal;
    if (this.dead || this.mismatch)
      throw new SimError('SIM_ATTEMPT_OVER', 'this attempt has ended; its handler can no longer act');
    this.activity++;
    try {
      this.setup.budget.tick();
    } catch (error) {
      this.fatal = error as SimError;
      throw error;
    }
  }

  /** Matches a command against the journal (replay) or appends it (live). Returns the entry, or null when replay-only and new. */
  command(issued: IssuedCommand): { entry: CommandEntry | null; appended: boolean } {
    const commandIndex = this.nextCommandIndex++;
    const { commands, recordedCommands, writer } = this.setup;
    if (commandIndex < recordedCommands) {
      const recorded = commands[commandIndex];
      const payloadChecks = this.setup.payloadChecks ?? true;
      if (!matchesCommand(recorded, issued, payloadChecks)) {
        this.mismatch = commandMismatch(commandIndex, recorded, issued);
        throw new SimError('SIM_JOURNAL_MISMATCH', this.mismatch.message);
      }
      if (!payloadChecks && recorded.type === 'Output' && outputPayloadDiffers(recorded, issued)) {
        this.notes.push(
          `output differs from the recorded one (not a mismatch with payload checks off): recorded ${recorded.result?.kind === 'success' ? recorded.result.payload?.text : ''}, now ${issued.result?.kind === 'success' ? issued.result.payload?.text : ''}`,
        );
      }
      this.position = Math.max(this.position, recorded.index);
      return { entry: recorded, appended: false };
    }
    if (!writer) return { entry: null, appended: false };
    this.appendedCommands++;
    const entry = writer.appendCommand(issued);
    this.position = entry.index;
    return { entry, appended: true };
  }

  /** A new leaf future; settled at once if its notification was already popped. */
  newLeaf(info: LeafInfo): DurableFuture {
    const leaf = new DurableFuture(this, 'leaf', [], info);
    this.leaves.set(info.id, leaf);
    const early = this.early.get(info.id);
    if (early) {
      this.early.delete(info.id);
      settle(leaf, notificationSettlement(early, info.id), []);
    }
    return leaf;
  }

  compose(kind: NodeKind, children: DurableFuture[], extra: CompositeExtra = {}): DurableFuture {
    for (const child of children) {
      if (!(child instanceof DurableFuture))
        throw new SimError('SIM_NOT_DURABLE', `${kind}: every argument must be a durable future (got ${typeof child})`);
      if (child.engine !== this)
        throw new SimError('SIM_FOREIGN_FUTURE', `${kind}: a future from another attempt or scenario was passed`);
    }
    const node = new DurableFuture(this, kind, children, null, extra);
    initComposite(node, []);
    return node;
  }

  timer(ms: number): DurableFuture {
    return this.context.sleep(ms);
  }

  readonly context: SimContext = createContext(this);

  awaitFuture(future: DurableFuture, label?: CombinatorKind): Promise<unknown> {
    if (this.dead || this.mismatch) return new Promise(() => {});
    this.activity++;
    return new Promise((resolve, reject) => {
      this.waiters.add(future, label ?? labelOf(future), resolve, reject, this.position, (leaf) =>
        this.runs.awaitedNow(leaf),
      );
    });
  }

  /** Pops the next recorded notification (journal order). False when the journal has no more. */
  private popNext(): boolean {
    const entries = this.setup.entries;
    while (this.cursor < entries.length) {
      const entry = entries[this.cursor++];
      if (entry.kind !== 'notification') continue;
      this.setup.budget.tick();
      this.position = Math.max(this.position, entry.index);
      this.onNotification(entry);
      return true;
    }
    return false;
  }

  private onNotification(entry: NotificationEntry): void {
    const id = notificationFutureId(entry);
    if (id === null) return;
    if (id === 's1') return this.onCancel(entry);
    const leaf = this.leaves.get(id);
    if (!leaf) {
      if (!this.early.has(id)) this.early.set(id, entry);
      return;
    }
    if (leaf.settlement) return;
    const settled: DurableFuture[] = [];
    settle(leaf, notificationSettlement(entry, id), settled);
    this.waiters.deliverSettled(settled, entry.index);
  }

  /**
   * CANCEL (signal 1): the SDK sends a cancel SendSignal to every child call made so far, in creation order, even
   * to one that already completed (restatedev/sdk-shared-core `src/vm/mod.rs`, `do_progress`: every
   * `tracked_invocation_ids` entry is cancelled; found by the differential test against the real SDK), then the
   * awaits in progress throw 409 (implicit cancellation, docs/restate-facts.md §3.5).
   */
  private onCancel(entry: NotificationEntry): void {
    if (this.cancelObserved) return;
    this.cancelObserved = true;
    try {
      for (const call of this.calls) this.context.cancel(call);
    } catch (error) {
      if (this.mismatch) return;
      throw error;
    }
    this.waiters.rejectAllCancelled(entry.index);
  }

  /** What the blocked handler awaits (see `awaitingTreeOf`). */
  awaitingTree(): FutureTree | null {
    return awaitingTreeOf(this.waiters.awaitedFutures());
  }

  private drain(turns: number): Promise<void> {
    return drainUntilIdle(
      () => this.activity,
      () => !!(this.finished || this.mismatch || this.fatal || this.handlerError),
      turns,
    );
  }

  /** Runs the handler for this attempt until it finishes, crashes, fails transiently, suspends or mismatches. */
  async run(handler: (ctx: SimContext, input: unknown) => Promise<unknown>, input: unknown): Promise<AttemptResult> {
    const started = Promise.resolve().then(() => handler(this.context, input));
    started.then(
      (value) => this.finish({ value: plainValue(value) }),
      (error) =>
        error instanceof TerminalError ? this.finish({ failure: failureOf(error) }) : this.failAttempt(error),
    );
    try {
      return await this.loop();
    } finally {
      this.dead = true;
    }
  }

  private finish(output: RunOutput): void {
    if (this.dead || this.finished) return;
    this.finished = output;
    this.activity++;
  }

  /**
   * A non-terminal error from the handler fails the attempt; the server retries it with its invocation retry policy
   * (sdk-typescript `endpoint/handlers/generic.ts` → `notify_error`; only a TerminalError becomes the Output).
   */
  private failAttempt(error: unknown): void {
    if (this.dead || this.finished || this.handlerError) return;
    this.handlerError = { code: 500, message: retryableMessage(error) };
    this.activity++;
  }

  private async loop(): Promise<AttemptResult> {
    for (;;) {
      await this.drain(IDLE_TURNS);
      if (this.fatal) throw this.fatal;
      if (this.mismatch) return { end: 'mismatch', mismatch: this.mismatch };
      if (this.handlerError) return { end: 'handler-error', atMs: this.nowMs, failure: this.handlerError };
      if (this.finished) return this.writeOutput(this.finished);
      if (this.waiters.size === 0) {
        await this.drain(STUCK_TURNS);
        if (this.mismatch || this.finished || this.waiters.size > 0) continue;
        return {
          end: 'suspension',
          reason: 'the handler awaits something that is not a durable future',
          awaiting: null,
        };
      }
      this.waiters.resolvedSinceDrain = false;
      while (!this.waiters.resolvedSinceDrain && !this.mismatch) {
        if (this.popNext()) continue;
        if (!this.setup.world) return this.journalExhausted();
        this.runs.startAwaited();
        const next = this.setup.world.next(this.setup.attempt);
        if (next.kind === 'appended') continue;
        if (next.kind === 'crash') return { end: 'crash', atMs: next.atMs };
        if (next.kind === 'transient') {
          const result = this.runs.failed(next, this.appendedCommands);
          if (result) return result;
          continue;
        }
        return {
          end: 'suspension',
          reason: `suspended: awaiting ${this.waiters
            .awaitedFutures()
            .map((f) => f.id)
            .join(', ')}`,
          awaiting: this.awaitingTree(),
        };
      }
    }
  }

  private writeOutput(output: RunOutput): AttemptResult {
    try {
      this.command({ type: 'Output', name: '', completionIds: [], result: outputResult(output) });
    } catch (error) {
      if (this.mismatch) return { end: 'mismatch', mismatch: this.mismatch };
      throw error;
    }
    return { end: 'done', output };
  }

  /** Replay only: no notification left. With recorded commands still ahead, an await was added (570). */
  private journalExhausted(): AttemptResult {
    const { commands, recordedCommands } = this.setup;
    if (this.nextCommandIndex < recordedCommands) {
      this.mismatch = exhaustedMismatch(this.nextCommandIndex, commands[this.nextCommandIndex]);
      return { end: 'mismatch', mismatch: this.mismatch };
    }
    return {
      end: 'suspension',
      reason: 'the journal ends here: the recorded invocation was still waiting',
      awaiting: this.awaitingTree(),
    };
  }
}
