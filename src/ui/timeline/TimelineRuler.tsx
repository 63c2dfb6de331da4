// The axis ruler over the lanes: time since the first entry (wall clock) or journal index (logical).
import { axisTicks, formatDuration, uToPx, type TimeAxis, type ViewWindow } from '../derive/timeAxis';

export function TimelineRuler({ axis, window, widthPx, lanes }: { axis: TimeAxis; window: ViewWindow; widthPx: number; lanes: number }) {
  const ticks = widthPx > 0 ? axisTicks(axis, window, Math.max(2, Math.floor(widthPx / 90))) : [];
  return (
    <div className="tl-ruler" aria-hidden="true">
      <div className="ruler-label">
        {lanes} {lanes === 1 ? 'future' : 'futures'} · {axis.mode === 'wall' ? 'time' : 'journal index'}
      </div>
      <div className="ruler-area">
        {ticks.map((t) => (
          <span key={`${t.u}`} className="tick" style={{ left: uToPx(window, widthPx, t.u) }}>
            {t.label}
          </span>
        ))}
        {axis.segments
          .filter((s) => s.compressed)
          .map((s, i) => (
            <span key={i} className="gap-mark" title={`idle gap of ${formatDuration(s.t1 - s.t0)}, compressed`} style={{ left: (uToPx(window, widthPx, s.u0) + uToPx(window, widthPx, s.u1)) / 2 }} />
          ))}
      </div>
    </div>
  );
}
