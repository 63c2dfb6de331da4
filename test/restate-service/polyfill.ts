// SDK 1.17 calls Promise.withResolvers (ES2024), which Node 20 lacks. This module must be evaluated before the SDK
// loads: main.ts imports it first and loads the SDK afterwards with a dynamic import.
type Resolvers<T> = { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };

const PromiseCtor = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof PromiseCtor.withResolvers !== 'function') {
  PromiseCtor.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};
