// Follow, incrementally: the journal on screen plus the rows the server appended since, read by the journal reader.
// Pure. The tail is read from the rows with index >= the last shown one: that first row overlaps what is shown, and if
// it differs (or is missing) the server's journal is not a longer version of ours any more (restarted, purged,
// trimmed): the caller then reads the whole journal again. Sys_journal is append-only while an invocation runs
// (Restate only rewrites a journal by purging it or restarting the invocation), so one overlapping row is the check.
import type { Entry, Journal, ReaderWarning } from '../model';
import { JournalBuilder } from '../journal-reader/journal-builder';

const UNKNOWN_REASON = 'an entry of a kind the reader does not know cannot be numbered incrementally';

export type MergeOutcome =
  | { kind: 'appended'; journal: Journal; added: number }
  /** The tail does not continue the shown journal: read it all again, and say why. */
  | { kind: 'reread'; reason: string };

/** Same entry at the same index: what a restarted or rewritten journal would change. */
export function sameEntry(a: Entry, b: Entry): boolean {
  if (
    a.index !== b.index ||
    a.kind !== b.kind ||
    a.type !== b.type ||
    a.name !== b.name ||
    a.appendedAtMs !== b.appendedAtMs
  )
    return false;
  if (a.kind === 'command' && b.kind === 'command') return a.completionIds.join(',') === b.completionIds.join(',');
  if (a.kind === 'notification' && b.kind === 'notification') {
    return (
      a.completionId === b.completionId &&
      a.signalIndex === b.signalIndex &&
      a.signalName === b.signalName &&
      a.result.kind === b.result.kind
    );
  }
  return true;
}

/** An entry the reader did not know follows the last command (it may be a command: numbering cannot go on). */
function unknownAfterLastCommand(entries: readonly Entry[]): boolean {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.kind === 'command') return false;
    if (e.kind === 'unknown') return true;
  }
  return false;
}

/**
 * `shown` with the entries of `tail` after the overlapping row appended. `tail` is the reader's journal of the rows
 * with index >= shown's last index, read with the invocation's current sys_invocation, status and events rows: its
 * invocation-level fields (status, outcome, events, awaited tree) replace shown's. Commands are renumbered after
 * shown's (the reader numbered the tail from 0); a CallInvocationId notification whose command is in the shown part
 * gets the callee id the reader could not see.
 */
export function mergeTail(shown: Journal, tail: Journal): MergeOutcome {
  const count = shown.entries.length;
  if (count === 0) return { kind: 'reread', reason: 'nothing was shown yet' };
  const last = shown.entries[count - 1];
  if (last.index !== count - 1) return { kind: 'reread', reason: 'the journal shown has gaps' };
  const overlap = tail.entries[0];
  if (!overlap || overlap.index !== last.index) {
    return {
      kind: 'reread',
      reason: `the journal on the server no longer has entry ${last.index} (it has fewer than the ${count} shown)`,
    };
  }
  if (!sameEntry(last, overlap))
    return {
      kind: 'reread',
      reason: `entry ${last.index} changed on the server (the invocation was restarted or its journal rewritten)`,
    };
  if (unknownAfterLastCommand(shown.entries)) return { kind: 'reread', reason: UNKNOWN_REASON };
  // Numbered on from the shown entries the way the reader numbers a whole journal (copies: the tail stays as read).
  const builder = JournalBuilder.continuing(shown.entries);
  for (let k = 1; k < tail.entries.length; k++) {
    const entry = tail.entries[k];
    if (entry.index !== count - 1 + k)
      return { kind: 'reread', reason: `the server sent entry ${entry.index} where ${count - 1 + k} was expected` };
    if (entry.kind === 'unknown') return { kind: 'reread', reason: UNKNOWN_REASON };
    builder.add({ ...entry }, false);
  }
  const added = builder.entries;
  const journal: Journal = {
    ...tail,
    version: Math.max(shown.version, tail.version),
    entries: added.length ? [...shown.entries, ...added] : shown.entries,
  };
  if (journal.completionResult == null && shown.completionResult != null)
    journal.completionResult = shown.completionResult;
  return { kind: 'appended', journal, added: added.length };
}

/** The run's warnings after an append: the tail's own, minus the gap a tail always has (it starts mid-journal). */
export function mergeWarnings(shown: readonly ReaderWarning[], tail: readonly ReaderWarning[]): ReaderWarning[] {
  const codes = new Set(shown.map((w) => w.code));
  return [...shown, ...tail.filter((w) => w.code !== 'INDEX_GAP' && !codes.has(w.code))];
}
