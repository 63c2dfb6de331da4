import type { Store } from './store-types';

export function createCounterSlice(): Store {
  return { count: 0 };
}
