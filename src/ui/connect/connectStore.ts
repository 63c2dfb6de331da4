// State of the Connect panel and of Follow (a store of its own: the inspector's store only sees the loaded runs).
import { create } from 'zustand';
import type { ServeConfig } from './adminClient';
import type { InvocationSummary, ListCursor } from './adminSql';

export type ConfigState = { kind: 'unknown' } | { kind: 'absent' } | { kind: 'present'; config: ServeConfig };

export interface FollowState {
  id: string;
  /** The bundle file name the followed run is loaded under (its RunSource names). */
  fileName: string;
  /** Last status seen in sys_invocation. */
  status: string;
  /** Set while polling fails; following goes on with backoff. */
  error: string | null;
  /** False once completed or stopped. */
  active: boolean;
  /** What the last update did: `short` in the chip (`+3`, `read again in full`), `detail` in its tooltip. */
  note: FollowNote | null;
}

export interface FollowNote {
  short: string;
  detail: string;
}

/** The list as paged so far: the filters it was asked with (Load more keeps them) and where the next page starts. */
export interface ListPaging {
  target: string;
  status: string;
  /** Last row shown; null when there is no next page. */
  next: ListCursor | null;
  /** Matching invocations on the server when the last page was asked for. */
  total: number | null;
  /** Matching invocations created or changed since the first page (they sort before it: Refresh shows them). */
  newer: number;
}

export interface ConnectState {
  open: boolean;
  config: ConfigState;
  targetFilter: string;
  statusFilter: string;
  invocations: InvocationSummary[] | null;
  listLoading: boolean;
  paging: ListPaging | null;
  /** Last error of the list or of opening an invocation (the list and the loaded run stay as they were). */
  error: string | null;
  opening: string | null;
  follow: FollowState | null;
  setOpen(open: boolean): void;
  set(patch: Partial<ConnectState>): void;
}

export const useConnect = create<ConnectState>()((set) => ({
  open: false,
  config: { kind: 'unknown' },
  targetFilter: '',
  statusFilter: '',
  invocations: null,
  listLoading: false,
  paging: null,
  error: null,
  opening: null,
  follow: null,
  setOpen: (open) => set({ open }),
  set: (patch) => set(patch),
}));
