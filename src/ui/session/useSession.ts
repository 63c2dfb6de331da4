// React's thin binding to the session's vanilla store (zustand's useStore over a StoreApi).
import { useStore as useZustand } from 'zustand';
import { session } from './appSession';
import type { SessionState } from './session';

export function useSession<T>(selector: (state: SessionState) => T): T {
  return useZustand(session.store, selector);
}
