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
  const byId = new Map<string, Future>();
  for (const entry of journal.entries) {
    if (entry.kind === 'command') {
      for (let k = 0; k < entry.completionIds.length; k++) {
        const completionId = entry.completionIds[k];
        const id = `c${completionId}`;
        if (byId.has(id)) continue;
        const future: Future = {
          id,
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
        byId.set(id, future);
      }
    } else if (entry.kind === 'notification') {
      const id = notificationFutureId(entry);
      if (id === null) continue;
      let future = byId.get(id);
      if (!future) {
        future = futureWithoutCommand(id, entry);
        futures.push(future);
        byId.set(id, future);
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
