// The same store with the shared type moved to a module both sides depend on: no cycle.
import { createCounterSlice } from './counter-slice';

export const store = createCounterSlice();
