import type { Store } from './store';

export function createCounterSlice(): { count: number; parent?: Store } {
  return { count: 0 };
}
