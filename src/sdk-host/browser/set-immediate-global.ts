// The SDK 1.17 also calls the Node global `setImmediate` (dist/endpoint/handlers/generic.js, when the request's
// abort signal fires after the invocation ends). A Worker has no such global: give it one, a macrotask, like the
// `node:timers/promises` stand-in. A no-op where the host has it (Node).
import { setImmediate as setImmediatePromise } from './node-timers-promises';

const scope = globalThis as { setImmediate?: (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown };
if (typeof scope.setImmediate !== 'function') {
  scope.setImmediate = (callback, ...args) => void setImmediatePromise().then(() => callback(...args));
}

export {};
