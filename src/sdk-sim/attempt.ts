// One attempt of the simulated Restate server against the real SDK: it replays the journal so far to the SDK over a
// bidirectional stream, journals each command the SDK writes (as src/sim's engine does for its own handlers), lets
// the world (src/sim/world.ts) decide when each completion happens on the virtual clock, and delivers the
// notifications one at a time, only when the SDK has gone quiet (so the order is the world's, not the host's).
import type { Decision, FutureTree, Journal, RunOutput } from '../model';
import type { AttemptResult } from '../sim/engine-types';
import type { AttemptRunner, AttemptStart } from '../sim/simulate';
import { SimError } from '../sim/errors';
import { valueOfPayload } from '../sim/payload';
import { decodeMessage, encodeStart, type MessageObject } from '../protocol/codec';
import type { Frame } from '../protocol/frames';
import { commandNameOfType, CONTROL_TYPES, isCommandType } from '../protocol/message-types';
import { decisionsFromTrace } from '../sdk-host/decisions';
import { withRecorder, type UnresolvedFuture, type VmRecorder } from '../sdk-host/vm-trace';
import { commandFieldsOf, inputFrame, notificationFrame, payloadOf, resultOf } from './entries';
import { SdkSession, type FetchHandler } from './session';
import { futureTreeOf } from './suspension';
import { invocationIdBytes } from '../model/invocation-id';

/** Macrotask turns without any SDK activity after which the SDK counts as waiting for the server. */
export const QUIET_TURNS = 4;
/** After the input closes, turns to wait for the SDK's answer before calling the handler stuck. */
const CLOSE_TURNS = 200;

const RUN_COMMAND_TYPE = 0x0411;

/** What lives across attempts of one simulation. */
export interface SdkSimulation {
  endpoint: FetchHandler;
  path: string;
  key: string;
  /** The frame of every journal entry, by journal index (what a new attempt replays). */
  frames: Frame[];
  /** Callee invocation id → the Call's result completion id (a cancel names the callee). */
  calls: Map<string, number>;
  awakeableNames: string[];
  /** The object's state (key → value bytes), kept by the server across attempts. */
  state: Map<string, Uint8Array>;
  /** Executions of each run (completion id) so far, over all attempts. */
  executions: Map<number, number>;
  yieldTurn: () => Promise<void>;
  /** The attempt whose run interceptor is live. */
  current: SdkAttempt | null;
}

export class SdkAttempt implements AttemptRunner {
  appendedCommands = 0;
  decisions: Decision[] = [];
  private readonly recorder: VmRecorder = { events: [], awakeables: 0 };
  private scanned = 0;
  private sentUpTo = 0;
  private session!: SdkSession;
  private readonly gates = new Map<number, (transientMessage: string | null) => void>();
  private readonly handleCommands = new Map<number, number>();
  private readonly awakeables: { afterCommand: number; signalIndex: number }[] = [];
  private readonly runsToStart: { handle: number; name: string; resolve: (transient: string | null) => void }[] = [];
  private output: RunOutput | null = null;

  constructor(
    private readonly start: AttemptStart,
    private readonly sim: SdkSimulation,
  ) {}

  async run(): Promise<AttemptResult> {
    const { writer } = this.start;
    const known = writer.entries.length;
    const startFrame: Frame = {
      type: CONTROL_TYPES.Start,
      flags: 0,
      payload: encodeStart({
        id: invocationIdBytes(this.start.invocationId),
        debugId: this.start.invocationId,
        knownEntries: known,
        key: this.sim.key,
        retryCountSinceLastStoredEntry: this.start.retryCountSinceLastCommand,
      }),
    };
    this.frameEntriesUpTo(known);
    this.sim.current = this;
    this.sentUpTo = known;
    try {
      return await withRecorder(this.recorder, async () => {
        this.session = SdkSession.open(this.sim.endpoint, this.sim.path, [
          startFrame,
          ...this.sim.frames.slice(0, known),
        ]);
        const result = await this.loop();
        this.decisions = decisionsFromTrace(this.recorder.events, this.journalSoFar()).map((d) => ({
          ...d,
          attempt: this.start.attempt,
        }));
        return result;
      });
    } finally {
      this.sim.current = null;
    }
  }

  /**
   * Called by the run interceptor right before the SDK executes a run's closure. The execution starts on the
   * world's clock once the SDK has gone quiet (its Run command is journaled by then), as our engine starts the
   * runs an await is blocked on; the world then says when it ends and whether it fails.
   */
  runStarting(name: string): Promise<string | null> {
    let handle: number | undefined;
    const events = this.recorder.events;
    for (let i = events.length - 1; i >= 0 && handle === undefined; i--) {
      const event = events[i];
      if (event.kind === 'progress' && event.executeRun !== undefined) handle = event.executeRun;
    }
    if (handle === undefined)
      throw new SimError('SIM_SDK_PROTOCOL', `sdk-sim: cannot tell which run '${name}' the SDK executes`);
    return new Promise((resolve) => this.runsToStart.push({ handle, name, resolve }));
  }

  /**
   * Starts the runs the SDK began executing, in the argument order of the await tree it last progressed (the order
   * our engine starts an await's runs in, so the world draws their latencies alike), whatever order the VM picked.
   */
  private startRuns(): void {
    this.scanHandles();
    const order = this.lastAwaitOrder();
    const rank = (handle: number) => (order.has(handle) ? order.get(handle)! : Number.MAX_SAFE_INTEGER);
    const runs = this.runsToStart.splice(0).sort((a, b) => rank(a.handle) - rank(b.handle));
    for (const { handle, name, resolve } of runs) {
      const commandIndex = this.handleCommands.get(handle);
      const command = commandIndex === undefined ? undefined : this.start.writer.commands[commandIndex];
      if (!command || command.type !== 'Run')
        throw new SimError('SIM_SDK_PROTOCOL', `sdk-sim: the SDK executes run '${name}' before journaling it`);
      const completionId = command.completionIds[0];
      this.sim.executions.set(completionId, (this.sim.executions.get(completionId) ?? 0) + 1);
      this.start.world.startExternalRun(completionId, name, this.start.attempt);
      this.gates.set(completionId, resolve);
    }
  }

  private async loop(): Promise<AttemptResult> {
    const { world, attempt } = this.start;
    for (;;) {
      await this.settle(QUIET_TURNS);
      const end = this.processInbox();
      if (end) return end;
      if (this.sendNew()) continue;
      if (this.session.ended) return this.handlerVanished();
      this.startRuns();
      const next = world.next(attempt);
      if (next.kind === 'appended') continue;
      if (next.kind === 'run-due') {
        const release = this.gates.get(next.completionId);
        this.gates.delete(next.completionId);
        release?.(next.transientMessage);
        continue;
      }
      if (next.kind === 'crash') {
        this.session.abort();
        await this.settle(QUIET_TURNS);
        return { end: 'crash', atMs: next.atMs };
      }
      if (next.kind === 'transient')
        throw new SimError('SIM_SDK_PROTOCOL', 'sdk-sim: an internal run event reached the SDK server');
      return this.closeAndSuspend();
    }
  }

  /** Nothing more can happen: the server closes the input, and the SDK suspends on what it awaits. */
  private async closeAndSuspend(): Promise<AttemptResult> {
    this.session.closeInput();
    for (let turns = 0; turns < CLOSE_TURNS && !this.session.ended; turns++) await this.sim.yieldTurn();
    await this.settle(QUIET_TURNS);
    const end = this.processInbox();
    if (end) return end;
    return {
      end: 'suspension',
      reason: 'the handler awaits something that is not a durable future',
      awaiting: null,
    };
  }

  private handlerVanished(): AttemptResult {
    return {
      end: 'handler-error',
      atMs: this.start.writer.nowMs,
      failure: { code: 500, message: 'the SDK closed the stream without an End, Error or Suspension message' },
    };
  }

  /** Handle → position among the leaves of the await tree of the SDK's latest do_progress. */
  private lastAwaitOrder(): Map<number, number> {
    const order = new Map<number, number>();
    const events = this.recorder.events;
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i];
      if (event.kind !== 'progress') continue;
      const walk = (tree: UnresolvedFuture) => {
        for (const [key, value] of Object.entries(tree)) {
          if (key === 'Single') {
            if (!order.has(value as number)) order.set(value as number, order.size);
          } else for (const child of value as UnresolvedFuture[]) walk(child);
        }
      };
      walk(event.future);
      break;
    }
    return order;
  }

  /** Waits until the SDK made no VM call and wrote nothing for `turns` macrotask turns in a row. */
  private async settle(turns: number): Promise<void> {
    const activity = () => this.recorder.events.length + this.session.bytesReceived;
    let seen = activity();
    for (let quiet = 0; quiet < turns;) {
      await this.sim.yieldTurn();
      const now = activity();
      if (now !== seen) {
        seen = now;
        quiet = 0;
      } else quiet++;
    }
  }

  private scanHandles(): void {
    const events = this.recorder.events;
    for (; this.scanned < events.length; this.scanned++) {
      const event = events[this.scanned];
      if (event.kind !== 'handle') continue;
      this.handleCommands.set(event.info.handle, event.info.commandIndex);
      if (event.info.syscall === 'sys_awakeable')
        this.awakeables.push({ afterCommand: event.info.commandIndex, signalIndex: 16 + Number(event.info.role) });
    }
  }

  /** Awakeables the handler created once the commands before them are journaled (program order for the world's draws). */
  private announceAwakeables(): void {
    const { writer, world } = this.start;
    while (this.awakeables.length && this.awakeables[0].afterCommand < writer.commands.length) {
      const { signalIndex } = this.awakeables.shift()!;
      world.onAwakeable(signalIndex, this.sim.awakeableNames[signalIndex - 17] ?? `awakeable-${signalIndex - 16}`);
    }
  }

  /** Journals what the SDK wrote; returns how the attempt ended when the SDK said so. */
  private processInbox(): AttemptResult | null {
    this.scanHandles();
    this.announceAwakeables();
    for (const frame of this.session.take()) {
      if (isCommandType(frame.type)) {
        this.appendCommand(frame);
        this.scanHandles();
        this.announceAwakeables();
        continue;
      }
      const message = decodeMessage(frame.type, frame.payload) ?? {};
      if (frame.type === CONTROL_TYPES.ProposeRunCompletion) this.appendRunCompletion(message);
      else if (frame.type === CONTROL_TYPES.Error) return this.errorEnd(message);
      else if (frame.type === CONTROL_TYPES.Suspension) {
        const awaiting: FutureTree | null = futureTreeOf(message);
        return { end: 'suspension', reason: 'suspended: the SDK awaits what the world will not deliver', awaiting };
      } else if (frame.type === CONTROL_TYPES.End) {
        if (!this.output) return this.handlerVanished();
        return { end: 'done', output: this.output };
      }
    }
    this.announceAwakeables();
    return null;
  }

  private appendCommand(frame: Frame): void {
    const { writer, world, budget, invocationId } = this.start;
    const type = commandNameOfType(frame.type) ?? `0x${frame.type.toString(16)}`;
    const message = decodeMessage(frame.type, frame.payload) ?? {};
    const fields = commandFieldsOf(type, message, (resultId) => `${invocationId}_c${resultId}`);
    if (!fields)
      throw new SimError('SIM_SDK_UNSUPPORTED', `the simulated server does not serve '${type}' commands yet`);
    budget.tick();
    const entry = writer.appendCommand(fields);
    this.sim.frames[entry.index] = frame;
    this.appendedCommands++;
    if (type === 'Sleep') world.onSleep(entry.completionIds[0], entry.wakeUpAtMs!);
    else if (type === 'Call') {
      const [invocationIdCompletion, resultCompletion] = entry.completionIds;
      this.sim.calls.set(entry.invocationId!, resultCompletion);
      world.onCall(
        invocationIdCompletion,
        resultCompletion,
        entry.invocationId!,
        `${entry.target!.service}/${entry.target!.handler}`,
      );
    } else if (type === 'OneWayCall') {
      const invokeAtMs = entry.detail?.invokeAtMs;
      world.onSend(
        entry.completionIds[0],
        entry.invocationId!,
        `${entry.target!.service}/${entry.target!.handler}`,
        typeof invokeAtMs === 'number' ? invokeAtMs : undefined,
      );
    } else if (type === 'AttachInvocation') world.onAttach(entry.completionIds[0], entry.invocationId!);
    else if (type === 'SendSignal' && entry.signal?.name !== undefined)
      world.sendNamedSignal(entry.signal.targetInvocationId ?? '', entry.signal.name, entry.result!, invocationId);
    else if (type === 'SendSignal' && entry.signal?.index === 1) {
      const callee = this.sim.calls.get(entry.signal.targetInvocationId ?? '');
      if (callee !== undefined) world.cancelCall(callee);
    } else if (type === 'SetState' || type === 'ClearState' || type === 'ClearAllState') {
      this.applyState(type, entry.detail?.key, message);
    } else if (type === 'GetLazyState') {
      const value = this.sim.state.get(String(entry.detail?.key));
      writer.appendNotification({
        type,
        name: '',
        completionId: entry.completionIds[0],
        result: value === undefined ? { kind: 'void' } : { kind: 'success', payload: payloadOf(value) },
      });
    } else if (type === 'GetLazyStateKeys') {
      writer.appendNotification({
        type,
        name: '',
        completionId: entry.completionIds[0],
        result: { kind: 'state-keys', keys: [...this.sim.state.keys()].sort() },
      });
    } else if (type === 'GetPromise') world.promises.get(entry.completionIds[0], String(entry.detail?.key));
    else if (type === 'PeekPromise') world.promises.peek(entry.completionIds[0], String(entry.detail?.key));
    else if (type === 'CompletePromise')
      world.promises.complete(entry.completionIds[0], String(entry.detail?.key), entry.result!);
    else if (type === 'CompleteAwakeable')
      world.completeAwakeable(String(entry.detail?.awakeableId ?? ''), entry.result!, invocationId);
    else if (type === 'Output') {
      const result = entry.result!;
      this.output =
        result.kind === 'failure'
          ? { failure: result.failure }
          : { value: result.kind === 'success' ? valueOfPayload(result.payload) : undefined };
    }
  }

  /** State commands take effect on the server when they are journaled (Restate applies them in journal order). */
  private applyState(type: string, key: unknown, message: MessageObject): void {
    const state = this.sim.state;
    if (type === 'ClearAllState') state.clear();
    else if (type === 'ClearState') state.delete(String(key));
    else {
      const value = message.value as MessageObject | undefined;
      state.set(String(key), value?.content instanceof Uint8Array ? value.content : new Uint8Array(0));
    }
  }

  private appendRunCompletion(message: MessageObject): void {
    const completionId = Number(message.result_completion_id);
    this.start.writer.appendNotification({ type: 'Run', name: '', completionId, result: resultOf(message) });
  }

  private errorEnd(message: MessageObject): AttemptResult {
    const { writer, world } = this.start;
    const code = Number(message.code ?? 500);
    const text = String(message.message ?? '');
    if (code === 570)
      throw new SimError('SIM_SDK_PROTOCOL', `the SDK reported a journal mismatch while simulating: ${text}`);
    const commandIndex = message.related_command_index === undefined ? null : Number(message.related_command_index);
    const command = commandIndex === null ? undefined : writer.commands[commandIndex];
    if (Number(message.related_command_type) === RUN_COMMAND_TYPE && command?.type === 'Run') {
      const completionId = command.completionIds[0];
      const delay = message.next_retry_delay;
      return {
        end: 'transient',
        atMs: writer.nowMs,
        completionId,
        name: command.name,
        execution: this.sim.executions.get(completionId) ?? 1,
        failures: world.transientFailuresOf(completionId),
        message: text,
        retryCount: (this.appendedCommands === 0 ? this.start.retryCountSinceLastCommand : 0) + 1,
        delayMs: delay === undefined ? null : Number(delay),
      };
    }
    return { end: 'handler-error', atMs: writer.nowMs, failure: { code, message: text } };
  }

  /** Frames for the entries the server wrote itself: the Input, and what it appended while the handler was down. */
  private frameEntriesUpTo(known: number): void {
    const { writer } = this.start;
    for (let index = 0; index < known; index++) {
      if (this.sim.frames[index]) continue;
      const entry = writer.entries[index];
      if (entry.kind === 'notification') this.sim.frames[index] = notificationFrame(entry);
      else if (entry.kind === 'command' && entry.type === 'Input') this.sim.frames[index] = inputFrame(entry.result);
      else throw new SimError('SIM_SDK_PROTOCOL', `sdk-sim: no frame for journal entry ${index} (${entry.type})`);
    }
  }

  /** Sends the notifications appended since the last call; true when there were some. */
  private sendNew(): boolean {
    const { writer } = this.start;
    const frames: Frame[] = [];
    for (; this.sentUpTo < writer.entries.length; this.sentUpTo++) {
      const entry = writer.entries[this.sentUpTo];
      if (entry.kind !== 'notification') continue;
      const frame = notificationFrame(entry);
      this.sim.frames[entry.index] = frame;
      frames.push(frame);
    }
    this.session.send(frames);
    return frames.length > 0;
  }

  private journalSoFar(): Journal {
    return {
      invocationId: this.start.invocationId,
      target: null,
      status: 'running',
      completionResult: null,
      version: 2,
      entries: this.start.writer.entries,
      events: [],
      virtualTime: true,
    };
  }
}
