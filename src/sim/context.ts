// The `ctx` a scenario handler receives: each method issues one command (or allocates a signal) through the
// engine and returns a durable future. Completion ids are allocated in creation order from 1; a Call takes two
// (invocation id, result); awakeables are signals from 17 (facts §1).
import type { CallTarget, EntryResult } from '../model';
import type { ContextEngine } from './engine-types';
import type { AwakeableFuture, CallFuture, SendOptions, SimContext } from './scenario';
import { awakeableIdOf } from './awakeable-id';
import { valueResult } from './payload';
import { durablePromise } from './promise-handle';
import { DurableFuture } from './future';
import { SimError } from './errors';

export function createContext(engine: ContextEngine): SimContext {
  const signals = new Map<string, DurableFuture>();
  const ctx: SimContext = {
    run(name: string, fn?: () => unknown) {
      engine.ensureAlive();
      checkName('run', name);
      if (fn !== undefined && typeof fn !== 'function')
        throw new SimError('SIM_BAD_OPTIONS', `run '${name}': the second argument must be a function`);
      const completionId = engine.nextCompletionId++;
      engine.command({ type: 'Run', name, completionIds: [completionId] });
      return engine.newLeaf({
        id: `c${completionId}`,
        type: 'Run',
        name,
        completionId,
        compute: fn,
      }) as DurableFuture<any>;
    },

    sleep(ms: number, name = '') {
      engine.ensureAlive();
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        throw new SimError('SIM_BAD_OPTIONS', `sleep: ms must be a number ≥ 0, got ${ms}`);
      const completionId = engine.nextCompletionId++;
      const wakeUpAtMs = engine.nowMs + Math.round(ms);
      const { appended } = engine.command({ type: 'Sleep', name, completionIds: [completionId], wakeUpAtMs });
      if (appended) engine.setup.world!.onSleep(completionId, wakeUpAtMs);
      return engine.newLeaf({ id: `c${completionId}`, type: 'Sleep', name, completionId }) as DurableFuture<void>;
    },

    call(target: string, input?: unknown) {
      engine.ensureAlive();
      const parsed = parseTarget(target);
      const invocationIdCompletionId = engine.nextCompletionId++;
      const resultCompletionId = engine.nextCompletionId++;
      const calleeId = `${engine.setup.invocationId}_c${resultCompletionId}`;
      const parameter = input === undefined ? undefined : JSON.stringify(input);
      const { entry, appended } = engine.command({
        type: 'Call',
        name: '',
        completionIds: [invocationIdCompletionId, resultCompletionId],
        target: parsed,
        invocationId: calleeId,
        ...(parameter !== undefined ? { detail: { parameter } } : {}),
      });
      const callee = entry?.invocationId ?? calleeId;
      if (appended)
        engine.setup.world!.onCall(
          invocationIdCompletionId,
          resultCompletionId,
          callee,
          `${parsed.service}/${parsed.handler}`,
        );
      const label = `${parsed.service}/${parsed.handler}`;
      const invocationId = engine.newLeaf({
        id: `c${invocationIdCompletionId}`,
        type: 'CallInvocationId',
        name: label,
        completionId: invocationIdCompletionId,
      }) as DurableFuture<string>;
      const future = engine.newLeaf({
        id: `c${resultCompletionId}`,
        type: 'Call',
        name: label,
        completionId: resultCompletionId,
        calleeInvocationId: callee,
      });
      engine.calls.push(future);
      // The callee's invocation id, as sdk-typescript's `InvocationPromise.invocationId` (what `attach` takes).
      return Object.assign(future, { invocationId }) as CallFuture<any>;
    },

    send(target: string, input?: unknown, options?: SendOptions) {
      engine.ensureAlive();
      const parsed = parseTarget(target);
      const delayMs = options?.delayMs ?? 0;
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0)
        throw new SimError('SIM_BAD_OPTIONS', `send: delayMs must be a number ≥ 0, got ${delayMs}`);
      const completionId = engine.nextCompletionId++;
      const calleeId = `${engine.setup.invocationId}_c${completionId}`;
      const parameter = input === undefined ? undefined : JSON.stringify(input);
      const delay = Math.round(delayMs);
      const detail = {
        ...(parameter !== undefined ? { parameter } : {}),
        ...(delay > 0 ? { invokeAtMs: engine.nowMs + delay } : {}),
      };
      const { entry, appended } = engine.command({
        type: 'OneWayCall',
        name: '',
        completionIds: [completionId],
        target: parsed,
        invocationId: calleeId,
        ...(Object.keys(detail).length ? { detail } : {}),
      });
      const callee = entry?.invocationId ?? calleeId;
      if (appended)
        engine.setup.world!.onSend(
          completionId,
          callee,
          `${parsed.service}/${parsed.handler}`,
          delay > 0 ? engine.nowMs + delay : undefined,
        );
      const invocationId = engine.newLeaf({
        id: `c${completionId}`,
        type: 'CallInvocationId',
        name: `${parsed.service}/${parsed.handler}`,
        completionId,
      }) as DurableFuture<string>;
      return { invocationId };
    },

    attach(invocationId: string) {
      engine.ensureAlive();
      if (typeof invocationId !== 'string' || invocationId === '')
        throw new SimError('SIM_BAD_OPTIONS', 'attach: the invocation id must be a non-empty string');
      const completionId = engine.nextCompletionId++;
      const { appended } = engine.command({
        type: 'AttachInvocation',
        name: '',
        completionIds: [completionId],
        invocationId,
      });
      if (appended) engine.setup.world!.onAttach(completionId, invocationId);
      return engine.newLeaf({
        id: `c${completionId}`,
        type: 'AttachInvocation',
        name: '',
        completionId,
      }) as DurableFuture<any>;
    },

    awakeable(name: string) {
      engine.ensureAlive();
      checkName('awakeable', name);
      const signalIndex = engine.nextSignalIndex++;
      engine.setup.world?.onAwakeable(signalIndex, name);
      const future = engine.newLeaf({ id: `s${signalIndex}`, type: 'Awakeable', name, signalIndex });
      return Object.assign(future, {
        awakeableId: awakeableIdOf(engine.setup.invocationId, signalIndex),
      }) as AwakeableFuture;
    },

    resolveAwakeable(awakeableId: string, value?: unknown) {
      // sdk-typescript `resolveAwakeable`: an undefined payload is serialized as null.
      completeAwakeable(engine, awakeableId, valueResult(value === undefined ? null : value));
    },

    rejectAwakeable(awakeableId: string, reason: string | { code: number; message: string }) {
      completeAwakeable(engine, awakeableId, { kind: 'failure', failure: failureOf(reason) });
    },

    signal(name: string) {
      engine.ensureAlive();
      checkName('signal', name);
      const id = `s:${name}`;
      // The SDK hands out a new handle on the same signal; one future per name here settles the same way.
      let future = signals.get(id);
      if (!future) signals.set(id, (future = engine.newLeaf({ id, type: 'Signal', name, signalName: name })));
      return future as DurableFuture<any>;
    },

    sendSignal(invocationId: string, name: string, value?: unknown) {
      // sdk-typescript `SignalReference.resolve`: the serde writes undefined as the empty value.
      sendNamedSignal(engine, invocationId, name, valueResult(value));
    },

    rejectSignal(invocationId: string, name: string, reason: string | { code: number; message: string }) {
      sendNamedSignal(engine, invocationId, name, { kind: 'failure', failure: failureOf(reason) });
    },

    get invocationId() {
      return engine.setup.invocationId;
    },

    promise(name: string) {
      checkName('promise', name);
      return durablePromise(engine, name);
    },

    cancel(future: DurableFuture) {
      engine.ensureAlive();
      const info = future instanceof DurableFuture && future.engine === engine ? future.leaf : null;
      if (!info || info.type !== 'Call') {
        throw new SimError('SIM_NOT_CANCELLABLE', 'cancel: only a future returned by ctx.call can be cancelled');
      }
      const { appended } = engine.command({
        type: 'SendSignal',
        name: '',
        completionIds: [],
        signal: { index: 1, targetInvocationId: info.calleeInvocationId },
      });
      if (appended) engine.setup.world!.cancelCall(info.completionId!);
    },
  };
  return ctx;
}

function completeAwakeable(engine: ContextEngine, awakeableId: string, result: EntryResult): void {
  engine.ensureAlive();
  if (typeof awakeableId !== 'string' || awakeableId === '')
    throw new SimError('SIM_BAD_OPTIONS', 'resolveAwakeable / rejectAwakeable: an awakeable id is required');
  const { appended } = engine.command({
    type: 'CompleteAwakeable',
    name: '',
    completionIds: [],
    detail: { awakeableId },
    result,
  });
  if (appended) engine.setup.world?.completeAwakeable(awakeableId, result, engine.setup.invocationId);
}

/** sdk-typescript `toWasmFailure`: a string reason is UNKNOWN_ERROR_CODE (500), an error keeps its code. */
function failureOf(reason: string | { code: number; message: string }): { code: number; message: string } {
  return typeof reason === 'string'
    ? { code: 500, message: reason }
    : { code: Number(reason?.code ?? 500), message: String(reason?.message ?? '') };
}

function sendNamedSignal(engine: ContextEngine, invocationId: string, name: string, result: EntryResult): void {
  engine.ensureAlive();
  if (typeof invocationId !== 'string' || invocationId === '')
    throw new SimError('SIM_BAD_OPTIONS', 'sendSignal / rejectSignal: an invocation id is required');
  checkName('sendSignal / rejectSignal', name);
  const { appended } = engine.command({
    type: 'SendSignal',
    name: '',
    completionIds: [],
    signal: { name, targetInvocationId: invocationId },
    result,
  });
  if (appended) engine.setup.world?.sendNamedSignal(invocationId, name, result, engine.setup.invocationId);
}

function checkName(what: string, name: unknown): void {
  if (typeof name !== 'string' || name === '')
    throw new SimError('SIM_BAD_OPTIONS', `${what}: a non-empty name is required`);
}

function parseTarget(target: string): CallTarget {
  const parts = typeof target === 'string' ? target.split('/') : [];
  if (parts.some((p) => p === '') || (parts.length !== 2 && parts.length !== 3)) {
    throw new SimError(
      'SIM_BAD_TARGET',
      `call: target must be 'Service/handler' or 'Object/key/handler', got ${JSON.stringify(target)}`,
    );
  }
  return parts.length === 2
    ? { service: parts[0], handler: parts[1] }
    : { service: parts[0], key: parts[1], handler: parts[2] };
}
