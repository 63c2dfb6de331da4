// A store that imports its slice, whose type imports the store back: the cycle the check must reject.
import { createCounterSlice } from './counter-slice';

export type Store = ReturnType<typeof createCounterSlice>;
export const store = createCounterSlice();
