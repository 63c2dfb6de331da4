// The status sentence: the current step in words, for the polite live region and the header.
// e.g. `Step 4 of 12: select: timeout (c2) won; a (c1) still pending`.
import type { Attempt, Entry, Mismatch } from '../../model';
import type { FutureLookup } from '../../run/future-index';
import { entryFutureId } from '../../model/future-ids';
import { futureShortLabel } from './labels';
import type { StepDecision } from './steps';

export interface StatusInput {
  cursor: number;
  total: number;
  entry: Entry | null;
  decisions: readonly StepDecision[];
  futuresById: FutureLookup;
  attemptsEnded: readonly Attempt[];
  mismatch: Mismatch | null;
  mismatchCursor: number | null;
  /** Where a real-SDK replay went no further (runModel.ts frontierOf), or null. */
  frontier?: { cursor: number; sentence: string } | null;
  /** Invocation-id future id → its call's future id: that notification is told as part of the call. */
  callOfInvocationId?: ReadonlyMap<string, string>;
}

function labelOf(id: string, futuresById: FutureLookup): string {
  const f = futuresById.get(id);
  return f ? futureShortLabel(f) : id;
}

function list(ids: readonly string[], futuresById: FutureLookup): string {
  return ids.map((id) => labelOf(id, futuresById)).join(', ');
}

/** One decision in words: who won, what completed, what is still pending. */
export function decisionSentence(d: StepDecision, futuresById: FutureLookup): string {
  const parts: string[] = [];
  const winner = d.winner
    ? d.key && d.combinator === 'select'
      ? `${d.key} (${d.winner})`
      : labelOf(d.winner, futuresById)
    : null;
  const failed = d.outcome === 'failure';
  switch (d.combinator) {
    case 'select':
    case 'race':
      parts.push(`${d.combinator}: ${winner ?? list(d.completed, futuresById)} won${failed ? ' (failed)' : ''}`);
      break;
    case 'any':
      parts.push(
        failed
          ? `any: all ${d.futures.length} failed`
          : `any: ${winner ?? list(d.completed, futuresById)} succeeded first`,
      );
      break;
    case 'all':
      parts.push(failed && winner ? `all: ${winner} failed first` : `all: all ${d.futures.length} completed`);
      break;
    case 'orTimeout':
      parts.push(
        failed
          ? `orTimeout: the timer ${winner ?? ''} fired first (408)`.replace('  ', ' ')
          : `orTimeout: ${list(d.completed, futuresById)} beat the timer`,
      );
      break;
    case 'gather':
    case 'allSettled':
      parts.push(`${d.combinator}: all ${d.futures.length} settled`);
      break;
    case 'await':
      parts.push(`await: ${winner ?? list(d.completed, futuresById)} ${failed ? 'failed' : 'completed'}`);
      break;
    default:
      parts.push(`${d.combinator}: ${list(d.completed, futuresById) || 'none'} completed`);
  }
  const pending = d.pending.length ? `${list(d.pending, futuresById)} still pending` : '';
  if (pending) parts.push(pending);
  if (d.note) parts.push(d.note);
  return parts.join('; ');
}

function entrySentence(e: Entry, futuresById: FutureLookup, callOfInvocationId?: ReadonlyMap<string, string>): string {
  if (e.kind === 'notification') {
    const id = entryFutureId(e);
    // A call's invocation-id notification says who the callee is, not that the call completed (issue 12).
    const callId = id ? callOfInvocationId?.get(id) : undefined;
    if (callId) return `${labelOf(callId, futuresById)}: callee invocation id known (${id})`;
    const f = id ? futuresById.get(id) : undefined;
    const who = f ? futureShortLabel(f) : (id ?? e.type);
    if (e.signalIndex === 1) return 'cancel signal received';
    if (e.result.kind === 'failure') return `${who} failed (${e.result.failure.code} ${e.result.failure.message})`;
    return `${who} completed`;
  }
  if (e.kind === 'command') {
    if (e.type === 'Input') return 'invocation started (Input)';
    if (e.type === 'Output')
      return e.result?.kind === 'failure' ? 'handler returned a failure (Output)' : 'handler returned (Output)';
    const id = e.completionIds.length ? `c${e.completionIds[e.completionIds.length - 1]}` : null;
    const f = id ? futuresById.get(id) : undefined;
    return `${e.type}${e.name ? ` ${e.name}` : ''}${f ? ` (${f.id})` : ''} started`;
  }
  return `unknown entry ${e.type}`;
}

const endWords: Record<string, string> = {
  crash: 'crashed',
  'transient-failure': 'failed transiently',
  suspension: 'suspended',
  cancelled: 'was cancelled',
  limit: 'hit a limit',
};

/** Consecutive attempts that ended the same way for the same reason are told once: `attempts 1–3 failed transiently (…)`. */
function attemptsSentences(attempts: readonly Attempt[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < attempts.length;) {
    let j = i;
    while (
      j + 1 < attempts.length &&
      attempts[j + 1].end === attempts[i].end &&
      attempts[j + 1].reason === attempts[i].reason
    )
      j++;
    const who = i === j ? `attempt ${attempts[i].attempt}` : `attempts ${attempts[i].attempt}–${attempts[j].attempt}`;
    const a = attempts[i];
    out.push(`${who} ${endWords[a.end] ?? a.end}${a.reason ? ` (${a.reason})` : ''}`);
    i = j + 1;
  }
  return out;
}

export function statusSentence(s: StatusInput): string {
  const head = `Step ${s.cursor} of ${s.total}`;
  if (s.cursor === 0) return `${head}: nothing appended yet`;
  const parts: string[] = [];
  if (s.mismatch && s.mismatchCursor === s.cursor) {
    parts.push(
      `journal mismatch (570) at command ${s.mismatch.commandIndex}: expected ${s.mismatch.expected}, got ${s.mismatch.actual}`,
    );
  }
  if (s.decisions.length) parts.push(...s.decisions.map((d) => decisionSentence(d, s.futuresById)));
  else if (s.entry) parts.push(entrySentence(s.entry, s.futuresById, s.callOfInvocationId));
  parts.push(...attemptsSentences(s.attemptsEnded));
  if (s.frontier && s.frontier.cursor === s.cursor) parts.push(s.frontier.sentence);
  return `${head}: ${parts.join('; ')}`;
}
