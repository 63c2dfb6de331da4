// How a run's futures are presented, the same in the engine Worker (which sends them ready) and on the page: named
// for people, and in lane order. Pure: it only reads the run.
import type { Future, Journal } from '../model';

/** Journal index where the future first appears (its command, or its first notification for a bare signal). */
export function futureStartIndex(f: Future): number {
  return f.entryIndex ?? f.completionEntryIndex ?? 0;
}

const laneOrder = (a: Future, b: Future) =>
  futureStartIndex(a) - futureStartIndex(b) || idNumber(a.id) - idNumber(b.id);

export function orderFutures(futures: readonly Future[]): Future[] {
  // The engine Worker sends futures already in lane order: one linear check instead of a sort (issue 6).
  let sorted = true;
  for (let i = 1; i < futures.length && sorted; i++) sorted = laneOrder(futures[i - 1], futures[i]) <= 0;
  return sorted ? [...futures] : [...futures].sort(laneOrder);
}

function idNumber(id: string): number {
  const n = Number(id.slice(1));
  return (id[0] === 's' ? 1e9 : 0) + (Number.isFinite(n) ? n : 0);
}

/**
 * Futures as the UI names them: a call without a user-given name is named by its target (`OpenAI/complete`), an
 * awakeable by the name on its signal, so that lanes, the status line and the graph say who answered, not `call (c2)`.
 */
export function withDisplayNames(futures: readonly Future[], journal: Journal): Future[] {
  return futures.map((f) => {
    if (f.name) return f;
    const e = f.entryIndex === null ? undefined : journal.entries[f.entryIndex];
    if (e && e.kind === 'command' && e.target) return { ...f, name: `${e.target.service}/${e.target.handler}` };
    // An awakeable has no command: its signal notification carries the name it was resolved under.
    const n = f.completionEntryIndex === null ? undefined : journal.entries[f.completionEntryIndex];
    if (n && n.kind === 'notification' && f.signalIndex !== undefined && (n.name || n.signalName))
      return { ...f, name: n.name || n.signalName! };
    return f;
  });
}
