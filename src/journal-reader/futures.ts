// Futures and completion order derived from a journal, exactly as `replay-inspector summary` lists them.
// A future per completion id (allocated by commands, facts §1) and per signal, in order of first appearance.
// A Call's invocation-id completion is its own future ('CallInvocationId'); signals: 1 = Cancel, ≥17 = Awakeable.
import type { Future, Journal, NotificationEntry } from '../model';
import {
  CANCEL_SIGNAL_INDEX as CANCEL_SIGNAL,
  completionOrder as completionOrderOf,
  FIRST_AWAKEABLE_SIGNAL_INDEX as FIRST_AWAKEABLE_SIGNAL,
  notificationFutureId,
} from '../model/future-ids';

export { notificationFutureId };

export function deriveFutures(journal: Journal): Future[] {
  const futures: Future[] = [];
  const byId = new FutureTable();
  for (const entry of journal.entries) {
    if (entry.kind === 'command') {
      for (let k = 0; k < entry.completionIds.length; k++) {
        const completionId = entry.completionIds[k];
        if (byId.ofCompletion(completionId)) continue;
        const future: Future = {
          id: `c${completionId}`,
          completionId,
          commandIndex: entry.commandIndex,
          entryIndex: entry.index,
          kind: commandFutureKind(entry.type, k),
          name: entry.name,
          startMs: entry.appendedAtMs,
          endMs: null,
          completionEntryIndex: null,
          result: 'pending',
        };
        futures.push(future);
        byId.addCompletion(completionId, future);
      }
    } else if (entry.kind === 'notification') {
      let future: Future | undefined;
      if (entry.completionId !== undefined) {
        future = byId.ofCompletion(entry.completionId);
        if (!future) {
          future = futureWithoutCommand(notificationFutureId(entry)!, entry);
          futures.push(future);
          byId.addCompletion(entry.completionId, future);
        }
      } else {
        const id = notificationFutureId(entry);
        if (id === null) continue;
        future = byId.ofSignal(id);
        if (!future) {
          future = futureWithoutCommand(id, entry);
          futures.push(future);
          byId.addSignal(id, future);
        }
      }
      if (future.result === 'pending') {
        future.endMs = entry.appendedAtMs;
        future.completionEntryIndex = entry.index;
        future.result = entry.result.kind;
      }
    }
  }
  return futures;
}

/**
 * The futures made so far, by id. A completion's id is `c<completionId>`, so a small integer completion id is its
 * own key into an array: with a Map keyed by freshly made id strings (a million lookups, 500,000 keys) the step took
 * 0.3–1 s of a 1,000,000-entry load in the engine Worker's large heap, 0.13–0.44 s with the array (issue 15,
 * docs/performance.md "After the reader"). Other completion ids (never seen in practice: negative, fractional, huge) and signals use a Map by id;
 * `c${n}` is the same text only for the same n (−0 and 0 both give `c0`, and index the same slot).
 */
class FutureTable {
  private byCompletion: (Future | undefined)[] = [];
  private readonly byId = new Map<string, Future>();

  ofCompletion(completionId: number): Future | undefined {
    return slotOf(completionId) ? this.byCompletion[completionId] : this.byId.get(`c${completionId}`);
  }

  addCompletion(completionId: number, future: Future): void {
    if (slotOf(completionId)) this.byCompletion[completionId] = future;
    else this.byId.set(`c${completionId}`, future);
  }

  ofSignal(id: string): Future | undefined {
    return this.byId.get(id);
  }

  addSignal(id: string, future: Future): void {
    this.byId.set(id, future);
  }
}

/** Completion ids kept in the array: integers from 0 below 2^24 (an array index, a few MB at most). */
const slotOf = (completionId: number) => Number.isInteger(completionId) && completionId >= 0 && completionId < 1 << 24;

/** Call allocates [invocationIdCompletionId, resultCompletionId]; OneWayCall only the first. */
function commandFutureKind(type: string, position: number): string {
  if ((type === 'Call' && position === 0) || type === 'OneWayCall') return 'CallInvocationId';
  return type;
}

/** Signals (and completions whose command is not in the export) start where they complete: nothing says earlier. */
function futureWithoutCommand(id: string, entry: NotificationEntry): Future {
  const future: Future = {
    id,
    commandIndex: null,
    entryIndex: entry.index,
    kind: entry.completionId !== undefined ? entry.type : signalKind(entry),
    name: entry.signalName ?? '',
    startMs: null,
    endMs: null,
    completionEntryIndex: null,
    result: 'pending',
  };
  if (entry.completionId !== undefined) future.completionId = entry.completionId;
  if (entry.signalIndex !== undefined) future.signalIndex = entry.signalIndex;
  return future;
}

function signalKind(entry: NotificationEntry): string {
  if (entry.signalIndex === CANCEL_SIGNAL) return 'Cancel';
  if (entry.signalIndex !== undefined && entry.signalIndex >= FIRST_AWAKEABLE_SIGNAL) return 'Awakeable';
  return 'Signal';
}

/** Future ids in the order their (first) notifications appear in the journal: the order replay honours (facts §3). */
export function completionOrder(journal: Journal): string[] {
  return completionOrderOf(journal.entries);
}
