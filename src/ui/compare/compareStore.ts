// State of the compare view: the two runs (A = what was loaded, B = the second run), their comparison, and one cursor
// per run. A store of its own, so comparing never disturbs the inspector's run, cursor or selection.
import { create } from 'zustand';
import { compareRuns, type RunComparison } from '../../compare/compare-runs';
import { compareRows, cursorsAt, type CompareRow } from '../../compare/compare-view';
import type { LoadedRun } from '../../run/loaded-run';

/** How the compare view's run B is made, relative to run A (compareWith in secondRun.ts makes it). */
export type SecondRunChoice =
  | { kind: 'seed'; seed: number }
  | { kind: 'without-crashes' }
  | { kind: 'example'; file: string; seed: number | null }
  | { kind: 'file'; name: string; text: string }
  | { kind: 'replay'; file: string };

export interface CompareSideRun {
  label: string;
  run: LoadedRun;
}

export interface CompareState {
  chooserOpen: boolean;
  /** What is being loaded for B, or null. */
  loading: string | null;
  error: string | null;
  a: CompareSideRun | null;
  b: CompareSideRun | null;
  comparison: RunComparison | null;
  rows: CompareRow[];
  cursorA: number;
  cursorB: number;
  /** Index into comparison.differences the cursors were last moved to. */
  focused: number | null;
  /** How run B was made: what a share link needs to make it again. */
  choice: SecondRunChoice | null;
  setChooserOpen(open: boolean): void;
  set(patch: Partial<CompareState>): void;
  show(a: CompareSideRun, b: CompareSideRun): void;
  close(): void;
  jumpTo(differenceIndex: number): void;
  stepBoth(delta: number): void;
}

export const useCompare = create<CompareState>()((set, get) => ({
  chooserOpen: false,
  loading: null,
  error: null,
  a: null,
  b: null,
  comparison: null,
  rows: [],
  cursorA: 0,
  cursorB: 0,
  focused: null,
  choice: null,
  setChooserOpen: (chooserOpen) => set({ chooserOpen, error: null }),
  set: (patch) => set(patch),
  show: (a, b) => {
    const comparison = compareRuns(
      {
        label: a.label,
        journal: a.run.journal,
        decisions: a.run.format === 'simulation' || a.run.replayedWith ? a.run.decisions : undefined,
        mismatch: a.run.mismatch,
      },
      {
        label: b.label,
        journal: b.run.journal,
        decisions: b.run.format === 'simulation' || b.run.replayedWith ? b.run.decisions : undefined,
        mismatch: b.run.mismatch,
      },
    );
    const rows = compareRows(comparison, a.run.journal, b.run.journal);
    set({
      a,
      b,
      comparison,
      rows,
      chooserOpen: false,
      loading: null,
      error: null,
      focused: null,
      cursorA: a.run.journal.entries.length,
      cursorB: b.run.journal.entries.length,
    });
  },
  close: () => set({ a: null, b: null, comparison: null, rows: [], focused: null, choice: null }),
  jumpTo: (i) => {
    const { comparison, a, b } = get();
    const d = comparison?.differences[i];
    if (!d || !a || !b) return;
    set({ ...cursorsAt(d, a.run.journal.entries.length, b.run.journal.entries.length), focused: i });
  },
  stepBoth: (delta) => {
    const { a, b, cursorA, cursorB } = get();
    if (!a || !b) return;
    const clamp = (c: number, total: number) => Math.max(0, Math.min(total, c));
    set({
      cursorA: clamp(cursorA + delta, a.run.journal.entries.length),
      cursorB: clamp(cursorB + delta, b.run.journal.entries.length),
      focused: null,
    });
  },
}));
