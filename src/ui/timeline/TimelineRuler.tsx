// The axis ruler over the lanes: time since the first entry (wall clock) or journal index (logical).
import { memo, useMemo } from 'react';
import { resimulateWithCrashes } from '../source/loaders';
import { useStore } from '../store/store';
import {
  axisTicks,
  formatDuration,
  uToPx,
  uToTime,
  visibleGaps,
  type TimeAxis,
  type ViewWindow,
} from '../derive/timeAxis';

// Memoised: stepping the cursor does not change the ruler, so it is not redrawn (issue 6: step latency).
export const TimelineRuler = memo(function TimelineRuler({
  axis,
  window,
  widthPx,
  lanes,
}: {
  axis: TimeAxis;
  window: ViewWindow;
  widthPx: number;
  lanes: number;
}) {
  // Crashes can be injected by clicking the time axis of a simulated run (virtual time is the simulator's clock).
  const canCrash =
    useStore(
      (s) =>
        !!s.run?.journal.virtualTime &&
        (s.run.source.kind === 'example' || s.run.source.kind === 'scenario' || s.run.source.kind === 'sdk-scenario'),
    ) && axis.mode === 'wall';
  const ticks = useMemo(
    () => (widthPx > 0 ? axisTicks(axis, window, Math.max(2, Math.floor(widthPx / 90))) : []),
    [axis, window, widthPx],
  );
  return (
    <div className="tl-ruler">
      <div className="ruler-label" aria-hidden="true">
        {lanes} {lanes === 1 ? 'future' : 'futures'} · {axis.mode === 'wall' ? 'time' : 'journal index'}
      </div>
      <div
        className="ruler-area"
        title={canCrash ? 'Alt+click: crash the handler at this time and re-simulate' : undefined}
        onClick={(e) => {
          if (!canCrash || !e.altKey) return;
          const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
          const ms = Math.max(
            0,
            Math.round(uToTime(axis.segments, window.u0 + (x / Math.max(1, widthPx)) * (window.u1 - window.u0))),
          );
          const run = useStore.getState().run;
          void resimulateWithCrashes([...(run?.crashes ?? []), ms].sort((a, b) => a - b));
        }}
      >
        {ticks.map((t) => (
          <span key={`${t.u}`} className="tick" style={{ left: uToPx(window, widthPx, t.u) }}>
            {t.label}
          </span>
        ))}
        {visibleGaps(axis, window).map((s, i) => (
          <span
            key={i}
            className="gap-mark"
            title={`idle gap of ${formatDuration(s.t1 - s.t0)}, compressed`}
            style={{ left: (uToPx(window, widthPx, s.u0) + uToPx(window, widthPx, s.u1)) / 2 }}
          />
        ))}
      </div>
    </div>
  );
});
