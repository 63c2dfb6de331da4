// Scenario definition: a handler written like Restate handler code plus how the outside world behaves.
import type { DurableFuture } from './future';
import { SimError } from './errors';

/** How one operation of the outside world behaves (a run, a call target, an awakeable). */
export interface Behaviour {
  /** Fixed latency, or [min, max]: a uniform integer drawn from the seed. */
  latencyMs?: number | [number, number];
  /** Success value (anything JSON can carry). */
  value?: unknown;
  /** Terminal failure: recorded as a failed completion. */
  terminal?: { code: number; message: string };
  /** Runs: executions that fail transiently (each fails the whole attempt) before one succeeds. */
  transientFailures?: number;
  /** Awakeables: resolved from outside at this virtual time. */
  resolveAtMs?: number;
  /** Awakeables: rejected from outside at this virtual time. */
  rejectAtMs?: number;
  /** Runs: the retry policy of this run (sdk-typescript `RunOptions`); default: `defaults.runRetry`, else none. */
  retry?: RunRetryPolicy;
  /** Runs: the message of the retryable error each failing execution throws (default names the run and execution). */
  transientMessage?: string;
}

/**
 * A run's retry policy, mirroring sdk-typescript `RunOptions` (`maxRetryAttempts`, `initialRetryInterval`,
 * `retryIntervalFactor`, `maxRetryInterval`). Giving any field makes it an exponential policy with the SDK's
 * defaults for the others (50 ms, ×2, 10 s, unlimited attempts); giving none leaves the retries to the server's
 * invocation retry policy (the SDK's `RetryPolicy::Infinite`). See docs/restate-semantics-notes.md.
 */
export interface RunRetryPolicy {
  /** Executions in all, the first included; when the last fails, the run completes with a terminal failure (500). */
  maxAttempts?: number;
  /** Delay before the first retry (default 50 ms). */
  initialIntervalMs?: number;
  /** Growth factor of the delay (default 2). */
  factor?: number;
  /** Cap on the delay (default 10,000 ms). */
  maxIntervalMs?: number;
}

/** The durable operations a handler can use (all return durable futures). */
export interface SimContext {
  /**
   * A side effect (Run command). Lazy: it executes only while something awaits it. world key: its name (latency,
   * failures, value). With `fn`, the value is `fn()` (synchronous, deterministic), computed at each execution and
   * journaled; a replay never calls it. A throw becomes a terminal failure.
   */
  run<T = any>(name: string, fn?: () => T): DurableFuture<T>;
  /** A durable timer (Sleep command); a server-side timer that survives crashes. Resolves to undefined, as in the SDK. */
  sleep(ms: number, name?: string): DurableFuture<void>;
  /** Calls another handler, `Service/handler` or `Object/key/handler` (Call command, two completion ids). */
  call<T = any>(target: string, input?: unknown): CallFuture<T>;
  /**
   * A one-way call (OneWayCall command, one completion id: the callee's invocation id, as sdk-typescript
   * `ctx.genericSend` / `serviceSendClient`): the callee is not awaited. `delayMs`: the callee starts that much later.
   */
  send(target: string, input?: unknown, options?: SendOptions): { invocationId: DurableFuture<string> };
  /**
   * Attaches to an invocation this one started (AttachInvocation command, one completion id: the callee's result,
   * success or terminal failure), as sdk-typescript `ctx.attach(id)` / `ctx.invocation(id).attach()`. The id is
   * what a call's or a send's `invocationId` resolved to. A call's callee ends when the call's result comes; a
   * send's callee at its invoke time + the latency of its target's world entry (`Service/handler`: latencyMs,
   * value / terminal), drawn at the first attach.
   */
  attach<T = any>(invocationId: string): DurableFuture<T>;
  /**
   * An awakeable (a signal from index 17), resolved from outside (world key: its name) or by a handler through its
   * `awakeableId` (the id sdk-typescript's `ctx.awakeable()` returns with its promise).
   */
  awakeable<T = any>(name: string): AwakeableFuture<T>;
  /**
   * Completes an awakeable by its id (CompleteAwakeable command, no completion), as sdk-typescript
   * `ctx.resolveAwakeable(id, value)`: the value is journaled as JSON (undefined as null). An awakeable of this
   * invocation is then completed by a Signal notification right after the command, unless it was completed already.
   */
  resolveAwakeable(awakeableId: string, value?: unknown): void;
  /** Same, with a failure, as sdk-typescript `ctx.rejectAwakeable(id, reason)`: a string is code 500. */
  rejectAwakeable(awakeableId: string, reason: string | { code: number; message: string }): void;
  /**
   * A workflow's durable promise (sdk-typescript `ctx.promise(name)`): `get()` (GetPromise: completes when the promise
   * is completed), `peek()` (PeekPromise: undefined while not completed), `resolve(value)` / `reject(message)`
   * (CompletePromise: a 409 failure when already completed). Awaiting the handle itself is `get()`, as in the SDK.
   * world key: its name (resolveAtMs / rejectAtMs / latencyMs, value / terminal), like an awakeable.
   */
  promise<T = any>(name: string): DurablePromiseHandle<T>;
  /**
   * A named signal sent to this invocation (sdk-typescript `ctx.signal(name)`): no command is journaled; it completes
   * when a Signal notification naming it arrives, sent by another invocation (world key `signal:<name>`:
   * resolveAtMs / rejectAtMs / latencyMs, value / terminal) or by this handler (`sendSignal` to its own
   * `invocationId`). A second `signal(name)` is the same future. Awaited and never sent, the invocation suspends on it.
   */
  signal<T = any>(name: string): DurableFuture<T>;
  /**
   * Sends the named signal `name` with `value` to the invocation `invocationId` (a SendSignal command with the name
   * and the value, no completion), as sdk-typescript `ctx.invocation(id).signal(name).resolve(value)` (undefined is
   * the empty value). Sent to this invocation, its Signal notification follows at once (once per name); sent to
   * another, it is a one-way effect outside the simulation.
   */
  sendSignal(invocationId: string, name: string, value?: unknown): void;
  /** Same, with a failure, as `ctx.invocation(id).signal(name).reject(reason)`: a string is code 500. */
  rejectSignal(invocationId: string, name: string, reason: string | { code: number; message: string }): void;
  /** This invocation's id (sdk-typescript `ctx.request().id`). */
  readonly invocationId: string;
  /** Cancels a call: writes a SendSignal (cancel) to the callee, whose result becomes a 409 failure. */
  cancel(future: DurableFuture): void;
}

/** What `ctx.awakeable` returns: the awakeable's future, and the id another handler (or this one) completes it by. */
export type AwakeableFuture<T = any> = DurableFuture<T> & { readonly awakeableId: string };

/** What `ctx.call` returns: the call's result, and (as sdk-typescript's `InvocationPromise`) the callee's invocation id. */
export type CallFuture<T = any> = DurableFuture<T> & { readonly invocationId: DurableFuture<string> };

export interface SendOptions {
  /** The callee is invoked this many ms later (the SDK's `delay`; journaled as the command's invoke time). */
  delayMs?: number;
}

/** What `ctx.promise(name)` returns; each method issues one command, as in the SDK (`DurablePromiseImpl`). */
export interface DurablePromiseHandle<T = any> extends PromiseLike<T> {
  get(): DurableFuture<T>;
  peek(): DurableFuture<T | undefined>;
  resolve(value?: T): DurableFuture<void>;
  reject(message: string): DurableFuture<void>;
}

export interface SimulateDefaults {
  seed?: number;
  crashes?: { atMs: number }[];
  cancelAtMs?: number;
  /** Retry policy of every run whose behaviour has no `retry` (a scenario-wide RunOptions). */
  runRetry?: RunRetryPolicy;
  /** The invocation retry policy's max attempts (see SimulateOptions.attemptsMax). */
  attemptsMax?: number;
  /** The invocation retry policy's first delay (see SimulateOptions.retryDelayMs). */
  retryDelayMs?: number;
}

export interface ScenarioSpec {
  name: string;
  description?: string;
  input?: unknown;
  /** Keyed by run name, call target `Service/handler`, or awakeable name; an array is used in turn. */
  world?: Record<string, Behaviour | Behaviour[]>;
  handler: (ctx: SimContext, input: any) => Promise<unknown>;
  /** Options `simulate` uses when the caller gives none (e.g. a crash for a crash-and-replay lesson). */
  defaults?: SimulateDefaults;
}

export interface Scenario extends ScenarioSpec {
  readonly description: string;
  readonly world: Record<string, Behaviour | Behaviour[]>;
}

const behaviourKeys = new Set([
  'latencyMs',
  'value',
  'terminal',
  'transientFailures',
  'resolveAtMs',
  'rejectAtMs',
  'retry',
  'transientMessage',
]);
const retryKeys = new Set(['maxAttempts', 'initialIntervalMs', 'factor', 'maxIntervalMs']);

export function defineScenario(spec: ScenarioSpec): Scenario {
  const bad = (message: string): never => {
    throw new SimError('SIM_BAD_SCENARIO', `scenario ${JSON.stringify(spec?.name ?? '?')}: ${message}`);
  };
  if (!spec || typeof spec !== 'object') bad('defineScenario needs an object');
  if (typeof spec.name !== 'string' || spec.name.trim() === '') bad('name must be a non-empty string');
  if (typeof spec.handler !== 'function') bad('handler must be an async function (ctx, input) => …');
  const world = spec.world ?? {};
  if (typeof world !== 'object' || Array.isArray(world)) bad('world must be an object keyed by name or target');
  for (const [key, value] of Object.entries(world)) {
    for (const behaviour of Array.isArray(value) ? value : [value]) validateBehaviour(key, behaviour, bad);
  }
  if (spec.defaults?.runRetry !== undefined) validateRetry('defaults.runRetry', spec.defaults.runRetry, bad);
  return { ...spec, description: spec.description ?? '', world };
}

function validateBehaviour(key: string, b: Behaviour, bad: (m: string) => never): void {
  if (!b || typeof b !== 'object') bad(`world[${JSON.stringify(key)}] must be a behaviour object`);
  for (const field of Object.keys(b)) {
    if (!behaviourKeys.has(field)) bad(`world[${JSON.stringify(key)}] has unknown field '${field}'`);
  }
  const latency = b.latencyMs;
  const okNumber = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (latency !== undefined) {
    const ok = Array.isArray(latency)
      ? latency.length === 2 && latency.every(okNumber) && latency[0] <= latency[1]
      : okNumber(latency);
    if (!ok) bad(`world[${JSON.stringify(key)}].latencyMs must be a number ≥ 0 or [min, max]`);
  }
  for (const field of ['transientFailures', 'resolveAtMs', 'rejectAtMs'] as const) {
    if (b[field] !== undefined && !okNumber(b[field]))
      bad(`world[${JSON.stringify(key)}].${field} must be a number ≥ 0`);
  }
  if (b.terminal && (typeof b.terminal.code !== 'number' || typeof b.terminal.message !== 'string')) {
    bad(`world[${JSON.stringify(key)}].terminal must be { code: number, message: string }`);
  }
  if (b.transientMessage !== undefined && typeof b.transientMessage !== 'string')
    bad(`world[${JSON.stringify(key)}].transientMessage must be a string`);
  if (b.retry !== undefined) validateRetry(`world[${JSON.stringify(key)}].retry`, b.retry, bad);
}

function validateRetry(where: string, policy: RunRetryPolicy, bad: (m: string) => never): void {
  if (!policy || typeof policy !== 'object' || Array.isArray(policy))
    bad(`${where} must be an object { maxAttempts?, initialIntervalMs?, factor?, maxIntervalMs? }`);
  for (const [field, value] of Object.entries(policy)) {
    if (!retryKeys.has(field)) bad(`${where} has unknown field '${field}'`);
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (field === 'maxAttempts' ? Number.isInteger(value) && value >= 1 : field === 'factor' ? value >= 1 : value >= 0);
    if (!ok)
      bad(
        `${where}.${field} must be ${field === 'maxAttempts' ? 'an integer ≥ 1' : field === 'factor' ? 'a number ≥ 1' : 'a number ≥ 0'}`,
      );
  }
}
