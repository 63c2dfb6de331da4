// What the timeline's lifecycle markers say: events from sys_journal_events merged per entry, and the title of a label
// that other labels were folded into. Pure, so it is tested without a DOM.
import type { JournalEvent } from '../../model';
import type { PlacedLabel } from './labelLayout';

export interface EventMarker {
  /** The events happened after this entry (sys_journal_events.after_journal_entry_index). */
  after: number;
  type: 'TransientError' | 'Suspended' | 'Paused';
  count: number;
  text: string;
  /** One line per event, for titles and the inspector. */
  details: string[];
}

/** A line about one event: its kind, the command it concerns and its message. */
export function eventLine(e: JournalEvent): string {
  switch (e.type) {
    case 'TransientError': {
      const command =
        e.relatedCommandName || e.relatedCommandType
          ? ` in ${[e.relatedCommandType, e.relatedCommandName].filter(Boolean).join(' ')}`
          : '';
      return `transient ${e.code}${command}: ${e.message}`;
    }
    case 'Paused':
      return e.message ? `paused: ${e.message}` : 'paused';
    case 'Suspended':
      return 'suspended';
    case 'Unknown':
      return e.eventType;
  }
}

/** Events of one type after the same entry are merged into one marker ("transient 500 ×2"). */
export function eventMarkers(events: readonly JournalEvent[]): EventMarker[] {
  const byKey = new Map<string, EventMarker>();
  for (const e of events) {
    if (e.type !== 'TransientError' && e.type !== 'Suspended' && e.type !== 'Paused') continue;
    const key = `${e.afterEntryIndex}:${e.type}`;
    const m = byKey.get(key) ?? { after: e.afterEntryIndex, type: e.type, count: 0, text: '', details: [] };
    m.count++;
    m.text =
      (e.type === 'TransientError' ? `transient ${e.code}` : e.type.toLowerCase()) +
      (m.count > 1 ? ` ×${m.count}` : '');
    m.details.push(eventLine(e));
    byKey.set(key, m);
  }
  return [...byKey.values()];
}

/** The title of a drawn label: its own words, then one line per label folded into it. */
export function placedLabelTitle(p: PlacedLabel): string {
  const line = (text: string, detail?: string) => (detail ? `${text} — ${detail}` : text);
  return [line(p.request.text, p.request.detail), ...p.folded.map((f) => line(f.text, f.detail))].join('\n');
}
