// Steps of a run: step k (1..N) appends journal entry k-1; cursor 0 shows nothing appended.
// Decisions are attached to the step that appends the notification that let them be made.
import type { Attempt, Decision, Journal } from '../../model';

/** A decision as the stepper shows it: deduplicated across attempts (a replaying attempt makes it again). */
export interface StepDecision extends Decision {
  /** Every attempt that made this same decision, ascending. */
  attempts: number[];
}

export interface RunSteps {
  /** Number of steps (= journal entries). Cursor ranges over 0..total. */
  total: number;
  decisions: StepDecision[];
  /** decisionIndexesByCursor.get(k): indexes into `decisions` made at cursor k. */
  decisionIndexesByCursor: Map<number, number[]>;
  /** Cursors that hold at least one decision, ascending. */
  decisionCursors: number[];
}

/** Cursor of the step that appends entry `entryIndex`. */
export function cursorOfEntry(entryIndex: number): number {
  return entryIndex + 1;
}

function decisionKey(d: Decision): string {
  return [d.combinator, d.futures.join(','), d.completed.join(','), d.winner ?? '', d.entryIndex, d.outcome ?? ''].join(
    '|',
  );
}

/** Deduplicate decisions replayed by later attempts, keeping the first and noting every attempt that made it. */
export function dedupeDecisions(decisions: readonly Decision[]): StepDecision[] {
  const byKey = new Map<string, StepDecision>();
  const out: StepDecision[] = [];
  for (const d of decisions) {
    const key = decisionKey(d);
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.attempts.includes(d.attempt)) seen.attempts.push(d.attempt);
      continue;
    }
    const sd: StepDecision = { ...d, attempts: [d.attempt] };
    byKey.set(key, sd);
    out.push(sd);
  }
  return out;
}

export function buildSteps(journal: Journal, decisions: readonly Decision[]): RunSteps {
  const total = journal.entries.length;
  const deduped = dedupeDecisions(decisions);
  const decisionIndexesByCursor = new Map<number, number[]>();
  deduped.forEach((d, i) => {
    const cursor = Math.min(total, Math.max(0, cursorOfEntry(d.entryIndex)));
    const list = decisionIndexesByCursor.get(cursor);
    if (list) list.push(i);
    else decisionIndexesByCursor.set(cursor, [i]);
  });
  const decisionCursors = [...decisionIndexesByCursor.keys()].sort((a, b) => a - b);
  return { total, decisions: deduped, decisionIndexesByCursor, decisionCursors };
}

export function clampCursor(steps: Pick<RunSteps, 'total'>, cursor: number): number {
  if (!Number.isFinite(cursor)) return 0;
  return Math.max(0, Math.min(steps.total, Math.round(cursor)));
}

/** The next cursor after `cursor` that holds a decision, or null. */
export function nextDecisionCursor(steps: RunSteps, cursor: number): number | null {
  for (const c of steps.decisionCursors) if (c > cursor) return c;
  return null;
}

export function previousDecisionCursor(steps: RunSteps, cursor: number): number | null {
  for (let i = steps.decisionCursors.length - 1; i >= 0; i--)
    if (steps.decisionCursors[i] < cursor) return steps.decisionCursors[i];
  return null;
}

/** Where a freshly loaded run opens: at its first decision (what a newcomer wants to see), else at its end. */
export function initialCursor(steps: RunSteps): number {
  return steps.decisionCursors[0] ?? steps.total;
}

/** The attempt running when entry (cursor-1) was appended, by the entry ranges the simulator recorded. */
export function attemptAtCursor(attempts: readonly Attempt[], cursor: number): Attempt | null {
  let found: Attempt | null = null;
  for (const a of attempts) if (a.startEntryIndex < cursor || (cursor === 0 && a.startEntryIndex === 0)) found = a;
  return found;
}

/** Attempts that ended exactly at this step (the journal had `cursor` entries when they ended). */
export function attemptsEndingAt(attempts: readonly Attempt[], cursor: number): Attempt[] {
  return attempts.filter((a) => a.endEntryIndex === cursor && a.end !== 'done');
}
