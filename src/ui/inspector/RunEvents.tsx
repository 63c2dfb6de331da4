// The journal's lifecycle events (sys_journal_events: transient errors, pauses, suspensions), one line each. The
// timeline draws them as markers whose labels may be folded into a neighbour ("+2") when they crowd; this list keeps
// every one of them readable, and reachable without a pointer.
import type { Journal } from '../../model';
import { formatMs } from '../derive/payload';
import { eventLine } from '../timeline/markerLabels';

const EVENTS_SHOWN_MAX = 200;

/** The time of day of an ISO time (the date is in the title): the inspector column is narrow. */
function shortTime(text: string): string {
  return /^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d\.\d+)Z$/.exec(text)?.[1] ?? text;
}

export function RunEvents({ journal, cursor }: { journal: Journal; cursor: number }) {
  const events = journal.events;
  if (events.length === 0) return null;
  return (
    <section aria-label="Lifecycle events">
      <h3>
        Lifecycle events <span className="pill warn">{events.length}</span>
      </h3>
      <ul className="decision-list">
        {events.slice(0, EVENTS_SHOWN_MAX).map((e, i) => (
          <li key={i} style={{ opacity: e.afterEntryIndex < cursor ? 1 : 0.55 }}>
            <span style={{ whiteSpace: 'nowrap' }}>after #{e.afterEntryIndex}</span>
            <span
              style={{ whiteSpace: 'nowrap', color: 'var(--muted)' }}
              title={formatMs(e.appendedAtMs, !!journal.virtualTime)}
            >
              {shortTime(formatMs(e.appendedAtMs, !!journal.virtualTime))}
            </span>
            <span>{eventLine(e)}</span>
          </li>
        ))}
      </ul>
      {events.length > EVENTS_SHOWN_MAX && (
        <p className="empty" style={{ padding: 0 }}>
          … and {events.length - EVENTS_SHOWN_MAX} more.
        </p>
      )}
    </section>
  );
}
