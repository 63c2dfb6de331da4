// Future ids and completion order: the one definition the reader, the simulator, the SDK trace, compare and the UI
// share (docs/restate-facts.md §1). A command allocates completion ids and each becomes a future
// `c<completionId>`; a signal is a future `s<signalIndex>` (1 = cancel, ≥17 = awakeables), or `s:<name>` for a
// named signal. A notification completes exactly one of them.
import type { Entry, NotificationEntry } from './journal';

export const CANCEL_SIGNAL_INDEX = 1;
export const FIRST_AWAKEABLE_SIGNAL_INDEX = 17;

/** `c3`: the future a completion id stands for. */
export function completionFutureId(completionId: number): string {
  return `c${completionId}`;
}

/** `s17`: the future a signal index stands for. */
export function signalFutureId(signalIndex: number): string {
  return `s${signalIndex}`;
}

/** The future a notification completes: `c<completionId>`, `s<signalIndex>` or `s:<signalName>`; null if none. */
export function notificationFutureId(entry: NotificationEntry): string | null {
  if (entry.completionId !== undefined) return completionFutureId(entry.completionId);
  if (entry.signalIndex !== undefined) return signalFutureId(entry.signalIndex);
  if (entry.signalName !== undefined) return `s:${entry.signalName}`;
  return null;
}

/** Same, for any entry: null for commands and unknown entries. */
export function entryFutureId(entry: Entry): string | null {
  return entry.kind === 'notification' ? notificationFutureId(entry) : null;
}

/**
 * Future ids in the order their first notifications appear in the journal: the order replay honours (a recorded
 * notification is delivered in journal order). A repeated notification for the same future does not move it.
 */
export function completionOrder(entries: readonly Entry[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = entryFutureId(entry);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    order.push(id);
  }
  return order;
}
