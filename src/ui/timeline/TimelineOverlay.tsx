// Markers over all lanes: attempt bands, crash / retry / suspension / mismatch markers, idle gaps and the cursor line.
import { memo } from 'react';
import type { Attempt, JournalEvent } from '../../model';
import { uToPx, visibleGaps, type TimeAxis, type ViewWindow } from '../derive/timeAxis';

export interface OverlayProps {
  axis: TimeAxis;
  window: ViewWindow;
  widthPx: number;
  cursor: number;
  attempts: Attempt[];
  events: JournalEvent[];
  mismatchCursor: number | null;
  virtualTime: boolean;
  /** Entry whose notification decided the decision made at this step (marked so the eye finds the cause). */
  decidingEntry: number | null;
}

const endLabel: Record<string, string> = { crash: '⚡ crash', 'transient-failure': '↻ retry', suspension: '‖ suspended', cancelled: '✕ cancelled', limit: '✕ limit' };
const endClass: Record<string, string> = { crash: '', 'transient-failure': 'transient', suspension: 'suspension', cancelled: '', limit: '' };

/** Events that happened after the same entry are merged into one marker. */
function eventMarkers(events: JournalEvent[]): { after: number; type: string; count: number; text: string }[] {
  const byKey = new Map<string, { after: number; type: string; count: number; text: string }>();
  for (const e of events) {
    if (e.type !== 'TransientError' && e.type !== 'Suspended' && e.type !== 'Paused') continue;
    const key = `${e.afterEntryIndex}:${e.type}`;
    const m = byKey.get(key) ?? { after: e.afterEntryIndex, type: e.type, count: 0, text: '' };
    m.count++;
    m.text = e.type === 'TransientError' ? `transient ${e.code}` : e.type.toLowerCase();
    byKey.set(key, m);
  }
  return [...byKey.values()];
}

// Memoised: scrolling the lanes re-renders the timeline, but none of these props change (issue 6: wheel steps).
export const TimelineOverlay = memo(function TimelineOverlay(p: OverlayProps) {
  const px = (u: number) => uToPx(p.window, p.widthPx, u);
  const inView = (x: number) => x > -40 && x < p.widthPx + 40;
  const cursorX = px(p.axis.cursorU(p.cursor));
  // Simulated attempts carry their virtual times: on the time axis a crash sits where it happened (at 60 ms), not at
  // the last entry before it; on the index axis it sits after the entries the attempt appended.
  const virtual = p.virtualTime && p.axis.mode === 'wall';
  const attemptStartX = (a: Attempt) => px((virtual ? p.axis.timeU(a.startMs) : null) ?? p.axis.cursorU(a.startEntryIndex));
  const attemptEndX = (a: Attempt) => px((virtual ? p.axis.timeU(a.endMs) : null) ?? p.axis.cursorU(a.endEntryIndex));
  return (
    <div className="tl-overlay" aria-hidden="true">
      {visibleGaps(p.axis, p.window).map((s, i) => (
          <div key={`gap${i}`} className="gap-mark" style={{ left: (px(s.u0) + px(s.u1)) / 2, opacity: 0.25, width: Math.max(8, px(s.u1) - px(s.u0)), marginLeft: -Math.max(8, px(s.u1) - px(s.u0)) / 2 }} />
        ))}
      {p.attempts.length > 1 &&
        p.attempts.map((a) => {
          const x0 = attemptStartX(a);
          const x1 = attemptEndX(a);
          return (
            <div key={`a${a.attempt}`} className="band" style={{ left: x0, width: Math.max(2, x1 - x0), opacity: a.startEntryIndex <= p.cursor ? 1 : 0.4 }}>
              <span className="band-label" style={{ top: 2 + ((a.attempt - 1) % 2) * 13, left: Math.min(4, p.widthPx - 64 - x0) }}>attempt {a.attempt}</span>
            </div>
          );
        })}
      {p.attempts.slice(1).map((next, i) => {
        // Between an attempt's end and the next one's start the handler is down; server-side futures still complete.
        const x0 = attemptEndX(p.attempts[i]);
        const x1 = attemptStartX(next);
        return x1 - x0 > 2 ? (
          <div key={`down${next.attempt}`} className="down-band" style={{ left: x0, width: x1 - x0 }}>
            {x1 - x0 > 70 && <span className="band-label">handler down</span>}
          </div>
        ) : null;
      })}
      {p.attempts
        .filter((a) => a.end !== 'done')
        .map((a) => {
          const x = attemptEndX(a);
          return inView(x) ? (
            <div key={`e${a.attempt}`} className={`marker ${endClass[a.end] ?? ''}`} style={{ left: x, opacity: a.endEntryIndex <= p.cursor ? 1 : 0.4 }} title={a.reason}>
              <span className="marker-label" style={{ top: 16 + ((a.attempt - 1) % 2) * 14 }}>{endLabel[a.end] ?? a.end}</span>
            </div>
          ) : null;
        })}
      {/* Simulated runs show their attempts instead; the events would repeat them. */}
      {(p.attempts.length ? [] : eventMarkers(p.events)).map((m, i) => {
        const x = px(p.axis.cursorU(m.after + 1));
        return inView(x) ? (
          <div key={`ev${m.after}${m.type}`} className={`marker ${m.type === 'TransientError' ? 'transient' : 'suspension'}`} style={{ left: x, opacity: m.after < p.cursor ? 1 : 0.4 }}>
            <span className="marker-label" style={{ top: 'auto', bottom: 4 + (i % 3) * 15 }}>
              {m.text}
              {m.count > 1 ? ` ×${m.count}` : ''}
            </span>
          </div>
        ) : null;
      })}
      {p.mismatchCursor !== null && (
        <div className="marker mismatch" style={{ left: px(p.axis.cursorU(p.mismatchCursor)) }}>
          <span className="marker-label">570 mismatch</span>
        </div>
      )}
      {p.decidingEntry !== null && (
        <div className="decided-mark" style={{ left: px(p.axis.entryU(p.decidingEntry)) }}>
          <span className="marker-label">decided by #{p.decidingEntry}</span>
        </div>
      )}
      <div className="cursor-line" style={{ left: cursorX }} />
    </div>
  );
});
