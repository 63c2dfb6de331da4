// Scenario code is user code, and a share link can carry code its reader did not write. It runs only in a fresh,
// throw-away Worker (never on the page), and before it runs this removes every way a Worker has to reach the
// network or to compile more code from strings: so scenario code can compute, but cannot send anything anywhere.
// (Static `import` lines are stripped before evaluation; a dynamic `import()` is refused by `assertNoDynamicImport`.)

const networkGlobals = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'WebTransport',
  'importScripts',
  'Request',
  'BroadcastChannel',
  'SharedWorker',
  'Worker',
];

function refuse(name: string) {
  return function refused(): never {
    throw new Error(`${name} is not available to scenario code: scenarios run sandboxed, without network access.`);
  };
}

/** Call once per Worker, after the simulator's modules are loaded and the scenario function is compiled. */
export function lockDown(scope: Record<string, unknown>): void {
  for (const name of networkGlobals) {
    if (!(name in scope)) continue;
    try {
      Object.defineProperty(scope, name, { value: refuse(name), configurable: false, writable: false });
    } catch {
      scope[name] = refuse(name);
    }
  }
  // No more compiling from strings: eval, Function and its async/generator siblings reached through `.constructor`.
  // Each constructor is replaced by a Proxy that refuses to be called or constructed but is otherwise the
  // constructor itself, so `f instanceof Function` and `Function.prototype` keep working (the Restate SDK's
  // `restate.service` checks `handler instanceof Function`).
  const constructors = [
    Function,
    async function () {}.constructor,
    function* () {}.constructor,
    async function* () {}.constructor,
  ];
  const guarded = (ctor: unknown) =>
    new Proxy(ctor as (...args: unknown[]) => unknown, {
      apply: refuse('Function'),
      construct: refuse('Function'),
    });
  for (const ctor of constructors) {
    Object.defineProperty((ctor as { prototype: object }).prototype, 'constructor', {
      value: guarded(ctor),
      configurable: false,
      writable: false,
    });
  }
  Object.defineProperty(scope, 'Function', { value: guarded(Function), configurable: false, writable: false });
  Object.defineProperty(scope, 'eval', { value: refuse('eval'), configurable: false, writable: false });
}

/** Dynamic import would load code (and send a request) from any URL: scenario code may not use it. */
export function assertNoDynamicImport(body: string): void {
  if (dynamicImport.test(body)) {
    throw new Error(
      'Scenario code may not use import() or import.meta: scenarios run sandboxed; import only from the simulator.',
    );
  }
}

/**
 * `import(…)` / `import.meta`, also with comments between the keyword and the `(` or `.` (`import`, a block comment,
 * `(url)` did reach the network when only whitespace was allowed there). The code has parsed as JavaScript by now
 * (typescript.ts), so whitespace and comments are all that can sit in between. A string that spells `import(` is
 * refused too: harmless, and simpler than tokenising.
 */
const gap = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n\r\u2028\u2029]*)*`;
const dynamicImport = new RegExp(String.raw`\bimport${gap}(?:\(|\.${gap}meta\b)`);
