// How futures and entries are named in words, everywhere in the UI (lanes, status line, inspector, graph).
import type { Entry, Future } from '../../model';

/** `Run fetch-a (c1)`, `Sleep (c2)`: kind, then name when there is one, then the summary id. */
export function futureLabel(f: Pick<Future, 'id' | 'kind' | 'name'>): string {
  return f.name ? `${f.kind} ${f.name} (${f.id})` : `${f.kind} (${f.id})`;
}

/** Short form for sentences: `fetch-a (c1)`, or `sleep (c2)` when unnamed. */
export function futureShortLabel(f: Pick<Future, 'id' | 'kind' | 'name'>): string {
  return `${f.name || f.kind.toLowerCase()} (${f.id})`;
}

/** `Command: Run fetch-a`, `Notification: Sleep`, for the inspector and the status line. */
export function entryLabel(e: Entry): string {
  const kind = e.kind === 'command' ? 'Command' : e.kind === 'notification' ? 'Notification' : 'Unknown';
  return e.name ? `${kind}: ${e.type} ${e.name}` : `${kind}: ${e.type}`;
}
