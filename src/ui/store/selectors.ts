// Named selectors: components read the store through these, never by ad-hoc lambdas over internals.
import type { Entry, Future } from '../../model';
import { statusSentence } from '../derive/status';
import { attemptsEndingAt, type StepDecision } from '../derive/steps';
import type { Store } from './store';

export const selectRun = (s: Store) => s.run;
export const selectModel = (s: Store) => s.model;
export const selectCursor = (s: Store) => s.cursor;
export const selectTotal = (s: Store) => s.model?.steps.total ?? 0;
export const selectSelection = (s: Store) => s.selection;

/** Decisions made at the current step. */
export function decisionsAtCursor(s: Pick<Store, 'model' | 'cursor'>): StepDecision[] {
  if (!s.model) return [];
  const idx = s.model.steps.decisionIndexesByCursor.get(s.cursor) ?? [];
  return idx.map((i) => s.model!.steps.decisions[i]);
}

/** The most recent decision at or before the cursor (what the graph and highlights show). */
export function latestDecisionIndex(s: Pick<Store, 'model' | 'cursor'>): number | null {
  if (!s.model) return null;
  let found: number | null = null;
  for (const c of s.model.steps.decisionCursors) {
    if (c > s.cursor) break;
    const list = s.model.steps.decisionIndexesByCursor.get(c)!;
    found = list[list.length - 1];
  }
  return found;
}

export function entryAtCursor(s: Pick<Store, 'run' | 'cursor'>): Entry | null {
  return s.run && s.cursor > 0 ? (s.run.journal.entries[s.cursor - 1] ?? null) : null;
}

/** `loading`: what the session is loading (src/ui/session), said while no run is shown yet. */
export function selectStatus(s: Store, loading: { label: string } | null = null): string {
  if (!s.run || !s.model) return loading ? `${loading.label}…` : 'No run loaded. Open a journal or pick an example.';
  return statusSentence({
    cursor: s.cursor,
    total: s.model.steps.total,
    entry: entryAtCursor(s),
    decisions: decisionsAtCursor(s),
    futuresById: s.model.futuresById,
    attemptsEnded: attemptsEndingAt(s.run.attempts, s.cursor),
    mismatch: s.run.mismatch,
    mismatchCursor: s.model.mismatchCursor,
    frontier: s.model.frontier,
    callOfInvocationId: s.model.callOfInvocationId,
  });
}

export function selectedFuture(s: Pick<Store, 'model' | 'selection'>): Future | null {
  return s.selection && s.model ? (s.model.futuresById.get(s.selection) ?? null) : null;
}
