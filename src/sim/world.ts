// The outside world of a simulation: when runs, calls, timers and awakeables complete, on a virtual clock with a
// seeded RNG. Server-side futures (timers, calls, awakeables, cancel) are events that survive a crash of the
// handler; run executions belong to one attempt and are lost with it.
import type { EntryResult } from '../model';
import type { Behaviour } from './scenario';
import type { Budget } from './budget';
import type { JournalWriter, NotificationFields } from './journal-writer';
import { compareEvents, type RunEvent, type ServerEvent, type SimEvent } from './events';
import { MinHeap } from './heap';
import { createRng, type Rng } from './prng';
import { successResult } from './payload';
import type { RunExecution } from './results';
import { DurablePromises } from './durable-promises';
import { ownAwakeableSignal } from './awakeable-id';
import { FIRST_AWAKEABLE_SIGNAL_INDEX } from '../model/future-ids';

export const RUN_LATENCY_DEFAULT_MS = 10;
export const CALL_LATENCY_DEFAULT_MS = 50;
/** How long a cancel takes to reach a callee and come back as its 409 result. */
export const CANCEL_PROPAGATION_MS = 1;
/** World keys of named signals sent from outside: `signal:<name>`. */
export const SIGNAL_KEY_PREFIX = 'signal:';

export type Advance =
  | { kind: 'appended' }
  | { kind: 'crash'; atMs: number }
  | {
      kind: 'transient';
      atMs: number;
      completionId: number;
      name: string;
      execution: number;
      failures: number;
      message: string;
    }
  /** An external run's execution is due (src/sdk-sim): the SDK now finishes it, or fails it transiently. */
  | {
      kind: 'run-due';
      atMs: number;
      completionId: number;
      name: string;
      execution: number;
      transientMessage: string | null;
    }
  | { kind: 'idle' };

export class World {
  private readonly heap = new MinHeap<SimEvent>(compareEvents);
  private seq = 0;
  private readonly rng: Rng;
  private readonly usage = new Map<string, number>();
  private readonly assigned = new Map<string, Behaviour>();
  private readonly executions = new Map<number, number>();
  private readonly callResults = new Map<number, ServerEvent>();
  /** Callees this invocation started (by invocation id), for attach (AttachInvocation). */
  private readonly callees = new Map<string, Callee>();
  private readonly awakeables = new Set<number>();
  /** Each awakeable's name and the world's pending completion of it (the handler may complete it first). */
  private readonly awakeableNames = new Map<number, string>();
  private readonly outsideAwakeableCompletions = new Map<number, ServerEvent>();
  /** The world's pending completion of each named signal (the handler may send it to itself first). */
  private readonly outsideSignals = new Map<string, ServerEvent>();
  private readonly crashes: number[];
  private crashCursor = 0;

  constructor(
    private readonly behaviours: Record<string, Behaviour | Behaviour[]>,
    seed: number,
    private readonly writer: JournalWriter,
    private readonly budget: Budget,
    crashesAtMs: number[],
  ) {
    this.rng = createRng(seed);
    this.crashes = [...crashesAtMs].sort((a, b) => a - b);
    this.scheduleOutsideSignals();
  }

  /**
   * Named signals sent from outside (world keys `signal:<name>`): another invocation sends them whether or not the
   * handler awaits them, so they are scheduled when the simulation starts, in the order of the world's keys (the
   * seed draws their latencies in that order, in both engines). Restate appends a named signal to the journal when
   * it arrives (restatedev/restate `crates/worker/src/partition/state_machine/lifecycle/notify_signal.rs`).
   */
  private scheduleOutsideSignals(): void {
    for (const key of Object.keys(this.behaviours)) {
      if (!key.startsWith(SIGNAL_KEY_PREFIX)) continue;
      const name = key.slice(SIGNAL_KEY_PREFIX.length);
      if (name === '') continue;
      const completion = this.outsideCompletion(`s:${name}`, name, 'signal', key);
      if (!completion) continue;
      const notification = { type: 'Signal', name, signalName: name, result: completion.result };
      this.outsideSignals.set(name, this.pushServer(completion.atMs, 1, 0, notification));
    }
  }

  /**
   * A named signal the handler sends (SendSignal with a name). Restate routes it to the target invocation, which
   * appends it as a Signal notification naming the signal (test/fixtures/restate-1.7.12/self-signal: the command,
   * then the notification). Sent to this invocation, the notification follows the command at once; sent to any
   * other invocation it is a one-way effect outside the simulation. As for awakeables, the simulation completes a
   * name once: a second completion appends nothing (docs/restate-semantics-notes.md, named signals).
   */
  sendNamedSignal(targetInvocationId: string, name: string, result: EntryResult, ownInvocationId: string): void {
    if (targetInvocationId !== ownInvocationId || this.writer.notified.has(`s:${name}`)) return;
    const outside = this.outsideSignals.get(name);
    if (outside) outside.superseded = true;
    this.writer.appendNotification({ type: 'Signal', name, signalName: name, result });
  }

  private get nowMs(): number {
    return this.writer.nowMs;
  }

  /** The behaviour of one operation, fixed the first time it is seen (arrays are used in turn). */
  private behaviourFor(futureId: string, key: string): Behaviour | undefined {
    if (this.assigned.has(futureId)) return this.assigned.get(futureId);
    const spec = Object.prototype.hasOwnProperty.call(this.behaviours, key) ? this.behaviours[key] : undefined;
    let behaviour: Behaviour | undefined;
    if (Array.isArray(spec)) {
      const used = this.usage.get(key) ?? 0;
      this.usage.set(key, used + 1);
      behaviour = spec[Math.min(used, spec.length - 1)];
    } else behaviour = spec;
    if (behaviour) this.assigned.set(futureId, behaviour);
    return behaviour;
  }

  private latency(behaviour: Behaviour | undefined, fallbackMs: number): number {
    const latency = behaviour?.latencyMs;
    if (latency === undefined) return fallbackMs;
    if (Array.isArray(latency)) return this.rng.intBetween(Math.ceil(latency[0]), Math.floor(latency[1]));
    return latency;
  }

  private pushServer(atMs: number, rank: 0 | 1, key: number, notification: ServerEvent['notification']): ServerEvent {
    const event: ServerEvent = { type: 'server', atMs, rank, key, seq: this.seq++, notification, superseded: false };
    this.heap.push(event);
    return event;
  }

  onSleep(completionId: number, wakeUpAtMs: number): void {
    this.pushServer(wakeUpAtMs, 0, completionId, { type: 'Sleep', name: '', completionId, result: { kind: 'void' } });
  }

  onCall(invocationIdCompletionId: number, resultCompletionId: number, calleeInvocationId: string, key: string): void {
    const behaviour = this.behaviourFor(`c${resultCompletionId}`, key);
    // The server answers with the callee's invocation id as soon as it logs the Call: a real journal has the
    // CallInvocationId notification right after its Call command (test/fixtures/restate-1.7.12/all-calls).
    this.writer.appendNotification({
      type: 'CallInvocationId',
      name: '',
      completionId: invocationIdCompletionId,
      result: { kind: 'invocation-id', invocationId: calleeInvocationId },
    });
    const atMs = this.nowMs + this.latency(behaviour, CALL_LATENCY_DEFAULT_MS);
    const result = outcomeOf(behaviour);
    const event = this.pushServer(atMs, 0, resultCompletionId, {
      type: 'Call',
      name: '',
      completionId: resultCompletionId,
      result,
    });
    this.callResults.set(resultCompletionId, event);
    this.callees.set(calleeInvocationId, { kind: 'call', resultCompletionId, attaches: [] });
  }

  /**
   * A one-way call (OneWayCall command): the server answers with the callee's invocation id right away, as for a
   * Call; the callee runs on its own and nothing here waits for it (facts §1: a OneWayCall has only that id).
   */
  onSend(invocationIdCompletionId: number, calleeInvocationId: string, key: string, invokeAtMs?: number): void {
    this.writer.appendNotification({
      type: 'CallInvocationId',
      name: '',
      completionId: invocationIdCompletionId,
      result: { kind: 'invocation-id', invocationId: calleeInvocationId },
    });
    this.callees.set(calleeInvocationId, { kind: 'send', key, startAtMs: invokeAtMs ?? this.nowMs, outcome: null });
  }

  /**
   * AttachInvocation, as Restate 1.7 answers it (test/fixtures/restate-1.7.12/send-attach; notes §9):
   * the server completes the command with the target's result once it has one, at once when it already has. A
   * call's callee ends when the call's result comes (a cancelled one with its 409); a send's callee, whose outcome
   * is drawn at the first attach from the world entry of its target (as a call's: latency, value / terminal), ends
   * at its invoke time + that latency. An id this invocation did not start is answered at once with a 404.
   */
  onAttach(completionId: number, calleeInvocationId: string): void {
    const callee = this.callees.get(calleeInvocationId);
    const notification = (result: EntryResult): NotificationFields => ({
      type: 'AttachInvocation',
      name: '',
      completionId,
      result,
    });
    // An invocation this simulation did not start does not exist for it: a real Restate 1.7.12 answers an attach to
    // an id that never existed with NOT_FOUND_INVOCATION_ERROR, [404] "not found" (crates/types/src/errors.rs;
    // recorded by test/integration/attach-unknown.test.ts).
    if (!callee) {
      this.writer.appendNotification(notification({ kind: 'failure', failure: { code: 404, message: 'not found' } }));
      return;
    }
    if (callee.kind === 'call') {
      const pending = this.callResults.get(callee.resultCompletionId)!;
      const result = pending.notification.result;
      if (this.writer.notified.has(`c${callee.resultCompletionId}`) || pending.atMs <= this.nowMs) {
        this.writer.appendNotification(notification(result));
        return;
      }
      callee.attaches.push(this.pushServer(pending.atMs, 0, completionId, notification(result)));
      return;
    }
    if (!callee.outcome) {
      const behaviour = this.behaviourFor(`send:${calleeInvocationId}`, callee.key);
      callee.outcome = {
        atMs: callee.startAtMs + this.latency(behaviour, CALL_LATENCY_DEFAULT_MS),
        result: outcomeOf(behaviour),
      };
    }
    if (callee.outcome.atMs <= this.nowMs) this.writer.appendNotification(notification(callee.outcome.result));
    else this.pushServer(callee.outcome.atMs, 0, completionId, notification(callee.outcome.result));
  }

  /** The callee receives the cancel signal and ends with 409, unless it completes first. */
  cancelCall(resultCompletionId: number): void {
    const pending = this.callResults.get(resultCompletionId);
    if (!pending || this.writer.notified.has(`c${resultCompletionId}`)) return;
    const atMs = this.nowMs + CANCEL_PROPAGATION_MS;
    if (pending.atMs <= atMs) return;
    pending.superseded = true;
    const result: EntryResult = { kind: 'failure', failure: { code: 409, message: 'Cancelled' } };
    // A cancelled callee written with the TS SDK ends with its CancelledError: [409] Cancelled (sdk-typescript
    // `types/errors.ts`).
    const event = this.pushServer(atMs, 0, resultCompletionId, { ...pending.notification, result });
    this.callResults.set(resultCompletionId, event);
    // Whoever attached to the callee gets the same 409 at the same time.
    const callee = [...this.callees.values()].find(
      (c) => c.kind === 'call' && c.resultCompletionId === resultCompletionId,
    );
    if (callee?.kind === 'call')
      callee.attaches = callee.attaches.map((attach) => {
        attach.superseded = true;
        return this.pushServer(atMs, 0, attach.key, { ...attach.notification, result });
      });
  }

  onAwakeable(signalIndex: number, name: string): void {
    if (this.awakeables.has(signalIndex)) return;
    this.awakeables.add(signalIndex);
    this.awakeableNames.set(signalIndex, name);
    if (this.writer.notified.has(`s${signalIndex}`)) return; // the handler completed it already
    const completion = this.outsideCompletion(`s${signalIndex}`, name, 'awakeable');
    if (!completion) return; // never resolved from outside: the invocation will suspend on it
    const notification = { type: 'Signal', name, signalIndex, result: completion.result };
    this.outsideAwakeableCompletions.set(signalIndex, this.pushServer(completion.atMs, 1, signalIndex, notification));
  }

  /**
   * CompleteAwakeable (the handler's `resolveAwakeable` / `rejectAwakeable`), as Restate 1.7 applies it
   * (restatedev/restate `crates/worker/src/partition/state_machine/entries/complete_awakeable_command.rs`): the
   * command has no completion; the awakeable id names an invocation and a signal index, and the server sends that
   * invocation the signal (`NotifySignal`), which appends it to the journal as a Signal notification
   * (`lifecycle/notify_signal.rs`). An awakeable of this invocation is therefore completed by a Signal notification
   * right after the command; one of another invocation is outside the simulation (the command alone). The
   * simulation completes an awakeable once: the handler's completion replaces the world's pending one, and a
   * completion of an awakeable already completed appends nothing (Restate would append a second Signal
   * notification; docs/restate-semantics-notes.md §9).
   */
  completeAwakeable(awakeableId: string, result: EntryResult, ownInvocationId: string): void {
    const signalIndex = ownAwakeableSignal(awakeableId, ownInvocationId);
    if (signalIndex === null) return;
    if (signalIndex < FIRST_AWAKEABLE_SIGNAL_INDEX || this.writer.notified.has(`s${signalIndex}`)) return;
    const outside = this.outsideAwakeableCompletions.get(signalIndex);
    if (outside) outside.superseded = true;
    const name = this.awakeableNames.get(signalIndex) ?? '';
    this.writer.appendNotification({ type: 'Signal', name, signalIndex, result });
  }

  /** When and how the outside world completes an awakeable or a durable promise (null: never). */
  private outsideCompletion(
    futureId: string,
    name: string,
    what: 'awakeable' | 'promise' | 'signal',
    key = name,
  ): { atMs: number; result: EntryResult } | null {
    const b = this.behaviourFor(futureId, key);
    if (!b) return null;
    let atMs: number;
    let rejected = b.terminal !== undefined;
    if (b.resolveAtMs !== undefined) {
      atMs = b.resolveAtMs;
      rejected = false;
    } else if (b.rejectAtMs !== undefined) {
      atMs = b.rejectAtMs;
      rejected = true;
    } else if (b.latencyMs !== undefined) atMs = this.nowMs + this.latency(b, 0);
    else return null;
    const failure = b.terminal ?? { code: 500, message: `${what} '${name}' rejected` };
    const result: EntryResult = rejected ? { kind: 'failure', failure } : successResult(b.value ?? null);
    return { atMs: Math.max(atMs, this.nowMs), result };
  }

  /** A workflow's durable promises (GetPromise / PeekPromise / CompletePromise): server state, see durable-promises.ts. */
  readonly promises = new DurablePromises({
    nowMs: () => this.nowMs,
    externalCompletion: (name) => this.outsideCompletion(`p:${name}`, name, 'promise'),
    append: (notification) => this.writer.appendNotification(notification),
    schedule: (atMs, notification) => this.pushServer(atMs, 0, notification.completionId ?? 0, notification),
  });

  /** Cancellation from outside: the server appends signal 1 (CANCEL). */
  scheduleCancel(atMs: number): void {
    this.pushServer(atMs, 1, 1, { type: 'Signal', name: 'cancel', signalIndex: 1, result: { kind: 'void' } });
  }

  /** Starts one execution of a run inside attempt `attempt`. */
  startRun(completionId: number, name: string, attempt: number, computed?: RunExecution): void {
    const behaviour = this.behaviourFor(`c${completionId}`, name);
    const execution = (this.executions.get(completionId) ?? 0) + 1;
    this.executions.set(completionId, execution);
    const atMs = this.nowMs + this.latency(behaviour, RUN_LATENCY_DEFAULT_MS);
    const failsTransiently = execution <= (behaviour?.transientFailures ?? 0);
    const event: RunEvent = {
      type: 'run',
      atMs,
      rank: 0,
      key: completionId,
      seq: this.seq++,
      attempt,
      name,
      result: failsTransiently || computed?.kind === 'retryable' ? null : (computed ?? outcomeOf(behaviour)),
      execution,
    };
    if (!failsTransiently && computed?.kind === 'retryable') event.message = computed.message;
    this.heap.push(event);
  }

  /**
   * Starts one execution of a run that the real SDK executes (src/sdk-sim): the world draws its latency and
   * whether this execution fails transiently, exactly as for our engine's runs; `next` reports it as `run-due`.
   */
  startExternalRun(completionId: number, name: string, attempt: number): void {
    const behaviour = this.behaviourFor(`c${completionId}`, name);
    const execution = (this.executions.get(completionId) ?? 0) + 1;
    this.executions.set(completionId, execution);
    const atMs = this.nowMs + this.latency(behaviour, RUN_LATENCY_DEFAULT_MS);
    const failsTransiently = execution <= (behaviour?.transientFailures ?? 0);
    this.heap.push({
      type: 'run',
      atMs,
      rank: 0,
      key: completionId,
      seq: this.seq++,
      attempt,
      name,
      result: failsTransiently ? null : outcomeOf(behaviour),
      execution,
      external: true,
    });
  }

  transientFailuresOf(completionId: number): number {
    return this.assigned.get(`c${completionId}`)?.transientFailures ?? 0;
  }

  /** The behaviour fixed for a run or call (undefined when the world has none for it). */
  behaviourOf(completionId: number): Behaviour | undefined {
    return this.assigned.get(`c${completionId}`);
  }

  /** A run whose retries are exhausted: its completion is journaled as a terminal failure (sdk-shared-core `ProposeRunCompletion`). */
  failRun(completionId: number, failure: { code: number; message: string }): void {
    this.writer.appendNotification({ type: 'Run', name: '', completionId, result: { kind: 'failure', failure } });
  }

  /** Processes events until one notification is appended or the attempt ends (crash, transient failure, idle). */
  next(attempt: number): Advance {
    for (;;) {
      while (this.crashCursor < this.crashes.length && this.crashes[this.crashCursor] < this.nowMs) this.crashCursor++;
      const event = this.heap.peek();
      if (!event) return { kind: 'idle' };
      const crashAtMs = this.crashes[this.crashCursor];
      if (crashAtMs !== undefined && crashAtMs <= event.atMs) {
        this.crashCursor++;
        this.writer.nowMs = crashAtMs;
        return { kind: 'crash', atMs: crashAtMs };
      }
      this.heap.pop();
      this.budget.tick();
      if (event.type === 'server') {
        if (event.superseded) continue;
        this.writer.nowMs = event.atMs;
        this.writer.appendNotification(event.notification);
        return { kind: 'appended' };
      }
      if (event.attempt !== attempt) continue; // its attempt died: the execution was lost
      this.writer.nowMs = event.atMs;
      if (event.external)
        return {
          kind: 'run-due',
          atMs: event.atMs,
          completionId: event.key,
          name: event.name,
          execution: event.execution,
          transientMessage:
            event.result === null
              ? (this.behaviourOf(event.key)?.transientMessage ??
                `run '${event.name}' failed with a retryable error (simulated, execution ${event.execution})`)
              : null,
        };
      if (event.result === null) {
        const failures = this.transientFailuresOf(event.key);
        const message =
          event.message ??
          this.behaviourOf(event.key)?.transientMessage ??
          `run '${event.name}' failed with a retryable error (simulated, execution ${event.execution})`;
        return {
          kind: 'transient',
          atMs: event.atMs,
          completionId: event.key,
          name: event.name,
          execution: event.execution,
          failures,
          message,
        };
      }
      this.writer.appendNotification({ type: 'Run', name: '', completionId: event.key, result: event.result });
      return { kind: 'appended' };
    }
  }

  /** While the handler is down, the server keeps appending what completes on its side. */
  advanceWhileDown(untilMs: number): void {
    for (;;) {
      const event = this.heap.peek();
      if (!event || event.atMs > untilMs) break;
      this.heap.pop();
      this.budget.tick();
      if (event.type === 'run' || event.superseded) continue;
      this.writer.nowMs = event.atMs;
      this.writer.appendNotification(event.notification);
    }
    this.writer.nowMs = Math.max(this.writer.nowMs, untilMs);
  }
}

type Callee =
  | { kind: 'call'; resultCompletionId: number; attaches: ServerEvent[] }
  | { kind: 'send'; key: string; startAtMs: number; outcome: { atMs: number; result: EntryResult } | null };

function outcomeOf(behaviour: Behaviour | undefined): EntryResult {
  if (behaviour?.terminal)
    return { kind: 'failure', failure: { code: behaviour.terminal.code, message: behaviour.terminal.message } };
  return successResult(behaviour?.value ?? null);
}
