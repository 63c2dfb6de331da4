// Combinators over durable futures. Python SDK names and semantics (sdk-python `python/restate/asyncio.py`):
// select, waitCompleted, asCompleted, gather. TypeScript SDK semantics (sdk-typescript
// `packages/libs/restate-sdk/src/promises.ts`): all, any, race, allSettled. None of them cancels a loser.
import type { FutureEngine, Settlement } from './future';
import { DurableFuture } from './future';
import { SimError } from './errors';

type Futures = Array<DurableFuture | DurableFuture[]>;

function flat(args: Futures): DurableFuture[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : (args.flat() as DurableFuture[]);
}

function engineOf(name: string, futures: unknown[]): FutureEngine {
  for (const f of futures) {
    if (!(f instanceof DurableFuture)) {
      throw new SimError(
        'SIM_NOT_DURABLE',
        `${name}: every argument must be a durable future from ctx (got ${f === null ? 'null' : typeof f})`,
      );
    }
  }
  return (futures[0] as DurableFuture).engine;
}

function nonEmpty(name: string, futures: unknown[]): void {
  if (futures.length === 0) throw new SimError('SIM_EMPTY_COMBINATOR', `${name}: needs at least one future`);
}

/** A future already settled with `value` (combinators over zero futures). */
function settledEmpty<T>(value: T): DurableFuture<T> {
  const engine: FutureEngine = {
    awaitFuture: (f) => Promise.resolve(f.settlement!.value),
    compose: () => {
      throw new SimError('SIM_EMPTY_COMBINATOR', 'cannot combine a future over zero futures');
    },
    timer: () => {
      throw new SimError('SIM_EMPTY_COMBINATOR', 'cannot time out a future over zero futures');
    },
  };
  const future = new DurableFuture<T>(engine, 'all', [], null);
  const settlement: Settlement = { ok: true, value, error: null, at: -1, via: '', childIndex: -1 };
  future.settlement = settlement;
  return future;
}

/** `[key, value]` of the first future to complete; a failed winner throws its TerminalError. */
export function select(futures: Record<string, DurableFuture>): DurableFuture<[string, any]> {
  const keys = Object.keys(futures ?? {});
  nonEmpty('select', keys);
  const list = keys.map((k) => futures[k]);
  return engineOf('select', list).compose('select', list, { keys }) as DurableFuture<[string, any]>;
}

/** `[completed, pending]` (argument order); returns at once with every already-completed future. */
export function waitCompleted(...futures: Futures): DurableFuture<[DurableFuture[], DurableFuture[]]> {
  const list = flat(futures);
  nonEmpty('waitCompleted', list);
  return engineOf('waitCompleted', list).compose('waitCompleted', list) as DurableFuture<
    [DurableFuture[], DurableFuture[]]
  >;
}

/** Yields `{ future, index }` for each completed future, batch by batch (waitCompleted in a loop). */
export function asCompleted(...futures: Futures): AsyncIterable<{ future: DurableFuture; index: number }> {
  const list = flat(futures);
  const engine = list.length > 0 ? engineOf('asCompleted', list) : null;
  return {
    async *[Symbol.asyncIterator]() {
      let pending = list.map((future, index) => ({ future, index }));
      while (pending.length > 0 && engine) {
        const batch = engine.compose(
          'waitCompleted',
          pending.map((p) => p.future),
        );
        await engine.awaitFuture(batch, 'asCompleted');
        const done = pending.filter((p) => p.future.settlement);
        pending = pending.filter((p) => !p.future.settlement);
        for (const item of done) yield item;
      }
    },
  };
}

/** Waits for all (never fails fast); resolves to the futures themselves: await each for its value or error. */
export function gather(...futures: Futures): DurableFuture<DurableFuture[]> {
  const list = flat(futures);
  if (list.length === 0) return settledEmpty<DurableFuture[]>([]);
  return engineOf('gather', list).compose('gather', list) as DurableFuture<DurableFuture[]>;
}

/** All values in order; fails fast with the first failure (journal order). */
export function all<T = any>(futures: DurableFuture<T>[]): DurableFuture<T[]> {
  const list = [...(futures ?? [])] as DurableFuture[];
  if (list.length === 0) return settledEmpty<T[]>([]);
  return engineOf('all', list).compose('all', list) as DurableFuture<T[]>;
}

/** The first success; when all fail, an AggregateError-like TerminalError (AggregateFailure) with every error. */
export function any<T = any>(futures: DurableFuture<any>[]): DurableFuture<T> {
  const list = [...(futures ?? [])] as DurableFuture[];
  nonEmpty('any', list);
  return engineOf('any', list).compose('any', list) as DurableFuture<T>;
}

/** The first to settle, success or failure. */
export function race<T = any>(futures: DurableFuture<any>[]): DurableFuture<T> {
  const list = [...(futures ?? [])] as DurableFuture[];
  nonEmpty('race', list);
  return engineOf('race', list).compose('race', list) as DurableFuture<T>;
}

export type SettledResult<T> =
  { status: 'fulfilled'; value: T; reason?: undefined } | { status: 'rejected'; reason: any; value?: undefined };

/** Waits for all; resolves to `{status, value | reason}` records in argument order. */
export function allSettled<T = any>(futures: DurableFuture<T>[]): DurableFuture<SettledResult<T>[]> {
  const list = [...(futures ?? [])] as DurableFuture[];
  if (list.length === 0) return settledEmpty<SettledResult<T>[]>([]);
  return engineOf('allSettled', list).compose('allSettled', list) as DurableFuture<SettledResult<T>[]>;
}
