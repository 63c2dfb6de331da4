// What the side-by-side compare view draws, derived from a RunComparison: one row per command index, each side's
// command with the place its completions took in the completion order, and which rows hold a difference.
// Pure: the view only renders these rows and moves two cursors (one per run) over them.
import type { CommandEntry, Entry, Journal } from '../model';
import { completionSequence, describeCommand, type Difference, type RunComparison } from './compare-runs';

export interface CompareSide {
  /** Journal index of the command (null when this run has no command at this index). */
  entryIndex: number | null;
  text: string;
  /** This command's completions that happened, with their place (1-based) in the run's completion order. */
  completions: { id: string; position: number }[];
}

export interface CompareRow {
  commandIndex: number;
  a: CompareSide;
  b: CompareSide;
  /** Indexes into comparison.differences that show on this row. */
  differenceIndexes: number[];
}

/** The command index an entry belongs to: a command its own; a notification the command that allocated its completion
 * id; anything else (signals, unknown entries) the last command before it. Null before the first command. */
export function commandIndexOfEntry(journal: Journal, entryIndex: number): number | null {
  const entries = journal.entries as Entry[];
  const entry = entries[entryIndex];
  if (!entry) return null;
  if (entry.kind === 'command') return entry.commandIndex;
  if (entry.kind === 'notification' && entry.completionId !== undefined) {
    for (let i = entryIndex - 1; i >= 0; i--) {
      const e = entries[i];
      if (e.kind === 'command' && e.completionIds.includes(entry.completionId)) return e.commandIndex;
    }
  }
  for (let i = entryIndex - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.kind === 'command') return e.commandIndex;
  }
  return null;
}

function completionPositions(journal: Journal): Map<string, number> {
  const out = new Map<string, number>();
  completionSequence(journal).forEach((c, i) => out.set(c.id, i + 1));
  return out;
}

function side(command: CommandEntry | null, positions: Map<string, number>): CompareSide {
  if (!command) return { entryIndex: null, text: '(none)', completions: [] };
  const completions = command.completionIds
    .map((n) => ({ id: `c${n}`, position: positions.get(`c${n}`) }))
    .filter((c): c is { id: string; position: number } => c.position !== undefined);
  return { entryIndex: command.index, text: describeCommand(command), completions };
}

/** The rows a difference shows on (A's row and B's row; usually the same). */
export function rowsOfDifference(d: Difference, a: Journal, b: Journal): { rowA: number | null; rowB: number | null } {
  if (d.kind === 'command' || d.kind === 'replay-mismatch') return { rowA: d.position, rowB: d.position };
  return {
    rowA: d.entryIndexA === null ? null : commandIndexOfEntry(a, d.entryIndexA),
    rowB: d.entryIndexB === null ? null : commandIndexOfEntry(b, d.entryIndexB),
  };
}

export function compareRows(comparison: RunComparison, a: Journal, b: Journal): CompareRow[] {
  const pa = completionPositions(a);
  const pb = completionPositions(b);
  const rows: CompareRow[] = comparison.pairs.map((p) => ({
    commandIndex: p.commandIndex,
    a: side(p.a, pa),
    b: side(p.b, pb),
    differenceIndexes: [],
  }));
  comparison.differences.forEach((d, i) => {
    const { rowA, rowB } = rowsOfDifference(d, a, b);
    for (const row of new Set([rowA, rowB]))
      if (row !== null && rows[row] && !rows[row].differenceIndexes.includes(i)) rows[row].differenceIndexes.push(i);
  });
  return rows;
}

/** Both cursors on a difference: each run's cursor on the step that appends its entry (step k appends entry k-1);
 * a run without an entry there goes to its end. */
export function cursorsAt(d: Difference, totalA: number, totalB: number): { cursorA: number; cursorB: number } {
  return {
    cursorA: d.entryIndexA === null ? totalA : Math.min(totalA, d.entryIndexA + 1),
    cursorB: d.entryIndexB === null ? totalB : Math.min(totalB, d.entryIndexB + 1),
  };
}

/** The command index row holding a cursor (the row of the last appended entry), or null at step 0. */
export function rowAtCursor(journal: Journal, cursor: number): number | null {
  return cursor <= 0 ? null : commandIndexOfEntry(journal, Math.min(cursor, journal.entries.length) - 1);
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
