// `ctx.promise(name)` of our scenario API: a handle whose methods each issue one command, like sdk-typescript's
// `DurablePromiseImpl` (`context_impl.js`): get → GetPromise, peek → PeekPromise, resolve / reject →
// CompletePromise (a reject is a failure with code 500, the SDK's INTERNAL_ERROR_CODE). The world (durable-promises.ts)
// answers each as the Restate server does.
import type { EntryResult } from '../model';
import type { ContextEngine } from './engine-types';
import type { DurablePromiseHandle } from './scenario';
import type { DurableFuture } from './future';
import { SimError } from './errors';
import { valueResult } from './payload';

type PromiseCommand = 'GetPromise' | 'PeekPromise' | 'CompletePromise';

export function durablePromise<T>(engine: ContextEngine, name: string): DurablePromiseHandle<T> {
  const issue = (type: PromiseCommand, result?: EntryResult): DurableFuture => {
    engine.ensureAlive();
    const completionId = engine.nextCompletionId++;
    const { appended } = engine.command({
      type,
      name: '',
      completionIds: [completionId],
      detail: { key: name },
      ...(result ? { result } : {}),
    });
    if (appended) {
      const promises = engine.setup.world!.promises;
      if (type === 'GetPromise') promises.get(completionId, name);
      else if (type === 'PeekPromise') promises.peek(completionId, name);
      else promises.complete(completionId, name, result!);
    }
    return engine.newLeaf({ id: `c${completionId}`, type, name, completionId });
  };
  const handle: DurablePromiseHandle<T> = {
    get: () => issue('GetPromise') as DurableFuture<T>,
    peek: () => issue('PeekPromise') as DurableFuture<T | undefined>,
    resolve: (value?: T) => issue('CompletePromise', valueResult(value)) as DurableFuture<void>,
    reject: (message: string) => {
      if (typeof message !== 'string')
        throw new SimError('SIM_BAD_OPTIONS', `promise '${name}'.reject: the reason must be a string`);
      return issue('CompletePromise', { kind: 'failure', failure: { code: 500, message } }) as DurableFuture<void>;
    },
    then: (onFulfilled, onRejected) => handle.get().then(onFulfilled, onRejected),
  };
  return handle;
}
