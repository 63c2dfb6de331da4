// Records what the real SDK asks of its WASM VM (sdk-shared-core), at the JS side of the bindings
// (@restatedev/restate-sdk dist/endpoint/handlers/vm/sdk_shared_core_wasm_bindings.js, class WasmVM):
// every handle a sys_* call returns with the command index it got, every do_progress (an await, as a tree of
// handles under FirstCompleted / AllCompleted / ... nodes) and every notification taken. The prototype is patched
// once; a replay sets the active recorder for its duration (replays run one at a time).

/** An await tree as the SDK passes it to do_progress: `{ Single: handle }` or `{ <Combinator>: tree[] }`. */
export type UnresolvedFuture = { Single: number } | { [combinator: string]: UnresolvedFuture[] };

export interface HandleInfo {
  handle: number;
  /** sys_* method that created it, e.g. 'sys_run'. */
  syscall: string;
  commandIndex: number;
  /** For sys_call: 'invocationId' or 'result'; for awakeables the awakeable's ordinal from 1. */
  role?: string;
}

export type TraceEvent =
  | { kind: 'handle'; info: HandleInfo }
  /** `executeRun`: the handle of the run whose closure the SDK executes next (do_progress answered ExecuteRun). */
  | { kind: 'progress'; future: UnresolvedFuture; result: string; executeRun?: number }
  | { kind: 'notification'; handle: number; value: unknown };

export interface VmRecorder {
  events: TraceEvent[];
  /** Awakeables created so far in this replay (their signal ids follow from it). */
  awakeables: number;
}

let active: VmRecorder | null = null;
const patched = new WeakSet<object>();

interface VmPrototype {
  last_command_index(this: unknown): number;
  [method: string]: unknown;
}

/** Patches the WasmVM class of the SDK copy being used (idempotent per class). */
export function installVmTrace(wasmVmClass: { prototype: object }): void {
  const proto = wasmVmClass.prototype as VmPrototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  for (const method of Object.getOwnPropertyNames(proto)) {
    const original = proto[method];
    if (typeof original !== 'function' || method === 'constructor') continue;
    if (method.startsWith('sys_')) {
      proto[method] = function (this: VmPrototype, ...args: unknown[]) {
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (active) {
          const commandIndex = proto.last_command_index.call(this);
          const recorder = active;
          for (const info of handlesOf(method, args, result, commandIndex, () => ++recorder.awakeables))
            active.events.push({ kind: 'handle', info });
        }
        return result;
      };
    } else if (method === 'do_progress') {
      proto[method] = function (this: unknown, future: UnresolvedFuture) {
        const result = (original as (f: UnresolvedFuture) => unknown).call(this, future);
        if (active) {
          const event: TraceEvent = { kind: 'progress', future: structuredClone(future), result: progressText(result) };
          const run = (result as { ExecuteRun?: unknown } | null)?.ExecuteRun;
          if (typeof run === 'number') event.executeRun = run;
          active.events.push(event);
        }
        return result;
      };
    } else if (method === 'take_notification') {
      proto[method] = function (this: unknown, handle: number) {
        const value = (original as (h: number) => unknown).call(this, handle);
        if (active && value !== 'NotReady')
          active.events.push({ kind: 'notification', handle, value: summarise(value) });
        return value;
      };
    }
  }
}

export function withRecorder<T>(recorder: VmRecorder, body: () => Promise<T>): Promise<T> {
  active = recorder;
  return body().finally(() => {
    active = null;
  });
}

function handlesOf(
  method: string,
  args: unknown[],
  result: unknown,
  commandIndex: number,
  nextAwakeable: () => number,
): HandleInfo[] {
  if (typeof result === 'number') {
    const role = method === 'sys_signal' ? String(args[0]) : undefined;
    return [{ handle: result, syscall: method, commandIndex, role }];
  }
  if (typeof result !== 'object' || result === null) return [];
  const fields = result as Record<string, unknown>;
  if (method === 'sys_call') {
    return [
      { handle: Number(fields.invocation_id_completion_id), syscall: method, commandIndex, role: 'invocationId' },
      { handle: Number(fields.call_completion_id), syscall: method, commandIndex, role: 'result' },
    ];
  }
  if (method === 'sys_send')
    return [{ handle: Number(fields.invocation_id_completion_id ?? fields.handle), syscall: method, commandIndex }];
  if (method === 'sys_awakeable')
    return [{ handle: Number(fields.handle), syscall: method, commandIndex, role: String(nextAwakeable()) }];
  return typeof fields.handle === 'number' ? [{ handle: fields.handle, syscall: method, commandIndex }] : [];
}

function progressText(result: unknown): string {
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && result !== null) return Object.keys(result).join(',');
  return String(result);
}

/** Notification values are kept small: the kind of result, not its bytes. */
function summarise(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : keys;
}
