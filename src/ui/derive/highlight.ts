// What to highlight at a cursor: the latest decision made at or before it (fresh when made at this very step).
import type { RunSteps, StepDecision } from './steps';

export interface Highlight {
  decisionIndex: number;
  decision: StepDecision;
  /** Made at exactly this step. */
  fresh: boolean;
  candidates: Set<string>;
  winner: string | null;
}

export function highlightAt(steps: RunSteps, cursor: number): Highlight | null {
  let index: number | null = null;
  let at = -1;
  for (const c of steps.decisionCursors) {
    if (c > cursor) break;
    const list = steps.decisionIndexesByCursor.get(c)!;
    index = list[list.length - 1];
    at = c;
  }
  if (index === null) return null;
  const decision = steps.decisions[index];
  return {
    decisionIndex: index,
    decision,
    fresh: at === cursor,
    candidates: new Set(decision.futures),
    winner: decision.winner ?? null,
  };
}
