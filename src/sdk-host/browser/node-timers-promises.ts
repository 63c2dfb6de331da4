// Browser stand-in for `node:timers/promises`, aliased in vite.config.ts for the engine Worker's SDK chunk only.
// The SDK 1.17 (dist/promises.js) awaits `setImmediate()` to let pending promise callbacks run before it asks its
// VM for progress; a macrotask does the same in a Worker. A MessageChannel message is a macrotask without the
// clamping that nested setTimeout(0) gets.
export function setImmediate<T = void>(value?: T): Promise<T> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(value as T);
    };
    channel.port2.postMessage(null);
  });
}

export default { setImmediate };
