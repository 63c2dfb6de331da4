// Markers over all lanes: attempt bands, crash / retry / suspension / mismatch / SDK frontier markers, idle gaps and the cursor line.
// Their labels are laid out together (labelLayout.ts) so that markers close in time never draw text over text.
import { memo } from 'react';
import type { Attempt, JournalEvent } from '../../model';
import { uToPx, visibleGaps, type TimeAxis, type ViewWindow } from '../derive/timeAxis';
import { layoutLabels, type LabelRequest } from './labelLayout';
import { labelWidthPx } from './labelWidth';
import { eventMarkers, placedLabelTitle } from './markerLabels';
import './timeline-labels.css';

export interface OverlayProps {
  axis: TimeAxis;
  window: ViewWindow;
  widthPx: number;
  cursor: number;
  attempts: Attempt[];
  events: JournalEvent[];
  mismatchCursor: number | null;
  /** A real-SDK replay's frontier (runModel.ts): where the SDK went no further. */
  frontier: { cursor: number; label: string } | null;
  virtualTime: boolean;
  /** Entry whose notification decided the decision made at this step (marked so the eye finds the cause). */
  decidingEntry: number | null;
}

const endLabel: Record<string, string> = {
  crash: '⚡ crash',
  'transient-failure': '↻ retry',
  suspension: '‖ suspended',
  cancelled: '✕ cancelled',
  limit: '✕ limit',
};
const endClass: Record<string, string> = {
  crash: '',
  'transient-failure': 'transient',
  suspension: 'suspension',
  cancelled: '',
  limit: '',
};

/** Rows of labels hanging from the top of the lanes and from the bottom (the lanes area is at least ~170 px high). */
const ROWS_MAX = 3;
const TOP_ROW0_PX = 2;
const BOTTOM_ROW0_PX = 4;
const ROW_PITCH_PX = 15;
const LABEL_OFFSET_PX = 4;
const LABEL_GAP_PX = 4;

interface MarkerLabel {
  request: LabelRequest;
  className: string;
  opacity?: number;
}

function Labels({ labels, edge, widthPx }: { labels: MarkerLabel[]; edge: 'top' | 'bottom'; widthPx: number }) {
  const byKey = new Map(labels.map((l) => [l.request.key, l]));
  const { placed } = layoutLabels(
    labels.map((l) => l.request),
    { widthPx, rowsMax: ROWS_MAX, offsetPx: LABEL_OFFSET_PX, gapPx: LABEL_GAP_PX, measure: labelWidthPx },
  );
  return placed.map((p) => {
    const l = byKey.get(p.request.key)!;
    const more = p.folded.length > 0;
    const y = (edge === 'top' ? TOP_ROW0_PX : BOTTOM_ROW0_PX) + p.row * ROW_PITCH_PX;
    return (
      <span
        key={p.request.key}
        className={`tl-label${l.className ? ` l-${l.className}` : ''}${more ? ' more' : ''}`}
        data-label-row={p.row}
        style={{ left: p.leftPx, [edge]: y, opacity: l.opacity }}
        title={more || p.request.detail ? placedLabelTitle(p) : undefined}
      >
        {p.text}
      </span>
    );
  });
}

// Memoised: scrolling the lanes re-renders the timeline, but none of these props change (issue 6: wheel steps).
export const TimelineOverlay = memo(function TimelineOverlay(p: OverlayProps) {
  const px = (u: number) => uToPx(p.window, p.widthPx, u);
  const inView = (x: number) => x > -40 && x < p.widthPx + 40;
  const cursorX = px(p.axis.cursorU(p.cursor));
  // Simulated attempts carry their virtual times: on the time axis a crash sits where it happened (at 60 ms), not at
  // the last entry before it; on the index axis it sits after the entries the attempt appended.
  const virtual = p.virtualTime && p.axis.mode === 'wall';
  const attemptStartX = (a: Attempt) =>
    px((virtual ? p.axis.timeU(a.startMs) : null) ?? p.axis.cursorU(a.startEntryIndex));
  const attemptEndX = (a: Attempt) => px((virtual ? p.axis.timeU(a.endMs) : null) ?? p.axis.cursorU(a.endEntryIndex));
  const top: MarkerLabel[] = [];
  const bottom: MarkerLabel[] = [];

  const bands = p.attempts.length > 1 ? p.attempts.map((a) => ({ a, x0: attemptStartX(a), x1: attemptEndX(a) })) : [];
  for (const { a, x0, x1 } of bands) {
    if (x1 < 0 || x0 > p.widthPx) continue;
    top.push({
      request: { key: `a${a.attempt}`, x: Math.max(x0, 0), text: `attempt ${a.attempt}`, align: 'start' },
      className: 'attempt',
      opacity: a.startEntryIndex <= p.cursor ? 1 : 0.4,
    });
  }
  // Between an attempt's end and the next one's start the handler is down; server-side futures still complete.
  const downBands = p.attempts
    .slice(1)
    .map((next, i) => ({ attempt: next.attempt, x0: attemptEndX(p.attempts[i]), x1: attemptStartX(next) }));
  for (const d of downBands) {
    if (d.x1 - d.x0 > 70 && d.x1 > 0 && d.x0 < p.widthPx)
      bottom.push({
        request: { key: `down${d.attempt}`, x: Math.max(d.x0, 0), text: 'handler down', align: 'start' },
        className: 'down',
      });
  }
  const ends = p.attempts.filter((a) => a.end !== 'done').map((a) => ({ a, x: attemptEndX(a) }));
  for (const { a, x } of ends) {
    if (!inView(x)) continue;
    top.push({
      request: { key: `e${a.attempt}`, x, text: endLabel[a.end] ?? a.end, align: 'start', detail: a.reason },
      className: endClass[a.end] ?? '',
      opacity: a.endEntryIndex <= p.cursor ? 1 : 0.4,
    });
  }
  // Simulated runs show their attempts instead; the events would repeat them.
  const events = (p.attempts.length ? [] : eventMarkers(p.events)).map((m) => ({
    m,
    x: px(p.axis.cursorU(m.after + 1)),
  }));
  for (const { m, x } of events) {
    if (!inView(x)) continue;
    bottom.push({
      request: {
        key: `ev${m.after}${m.type}`,
        x,
        text: m.text,
        align: 'start',
        detail: `after entry #${m.after}: ${m.details.join('; ')}`,
      },
      className: m.type === 'TransientError' ? 'transient' : 'suspension',
      opacity: m.after < p.cursor ? 1 : 0.4,
    });
  }
  const mismatchX = p.mismatchCursor === null ? null : px(p.axis.cursorU(p.mismatchCursor));
  if (mismatchX !== null)
    top.push({
      request: { key: 'mismatch', x: mismatchX, text: '570 mismatch', align: 'start', pinned: true },
      className: 'mismatch',
    });
  const frontierX = p.frontier === null ? null : px(p.axis.cursorU(p.frontier.cursor));
  if (frontierX !== null && p.frontier)
    top.push({
      request: { key: 'frontier', x: frontierX, text: p.frontier.label, align: 'start', pinned: true },
      className: 'frontier',
    });
  const decidingX = p.decidingEntry === null ? null : px(p.axis.entryU(p.decidingEntry));
  if (decidingX !== null)
    bottom.push({
      request: { key: 'decided', x: decidingX, text: `decided by #${p.decidingEntry}`, align: 'end', pinned: true },
      className: 'decided',
    });

  return (
    <div className="tl-overlay" aria-hidden="true">
      {visibleGaps(p.axis, p.window).map((s, i) => (
        <div
          key={`gap${i}`}
          className="gap-mark"
          style={{
            left: (px(s.u0) + px(s.u1)) / 2,
            opacity: 0.25,
            width: Math.max(8, px(s.u1) - px(s.u0)),
            marginLeft: -Math.max(8, px(s.u1) - px(s.u0)) / 2,
          }}
        />
      ))}
      {bands.map(({ a, x0, x1 }) => (
        <div
          key={`a${a.attempt}`}
          className="band"
          style={{ left: x0, width: Math.max(2, x1 - x0), opacity: a.startEntryIndex <= p.cursor ? 1 : 0.4 }}
        />
      ))}
      {downBands.map((d) =>
        d.x1 - d.x0 > 2 ? (
          <div key={`down${d.attempt}`} className="down-band" style={{ left: d.x0, width: d.x1 - d.x0 }} />
        ) : null,
      )}
      {ends.map(({ a, x }) =>
        inView(x) ? (
          <div
            key={`e${a.attempt}`}
            className={`marker ${endClass[a.end] ?? ''}`}
            style={{ left: x, opacity: a.endEntryIndex <= p.cursor ? 1 : 0.4 }}
            title={a.reason}
          />
        ) : null,
      )}
      {events.map(({ m, x }) =>
        inView(x) ? (
          <div
            key={`ev${m.after}${m.type}`}
            className={`marker ${m.type === 'TransientError' ? 'transient' : 'suspension'}`}
            style={{ left: x, opacity: m.after < p.cursor ? 1 : 0.4 }}
          />
        ) : null,
      )}
      {mismatchX !== null && <div className="marker mismatch" style={{ left: mismatchX }} />}
      {frontierX !== null && <div className="marker frontier" style={{ left: frontierX }} />}
      {decidingX !== null && <div className="decided-mark" style={{ left: decidingX }} />}
      <Labels labels={top} edge="top" widthPx={p.widthPx} />
      <Labels labels={bottom} edge="bottom" widthPx={p.widthPx} />
      <div className="cursor-line" style={{ left: cursorX }} />
    </div>
  );
});
