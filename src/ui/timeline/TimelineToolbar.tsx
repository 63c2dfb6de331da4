// Timeline controls: axis mode, idle-gap compression, zoom and fit, and a legend of bar styles.
import { memo } from 'react';
import { useStore } from '../store/store';

export const TimelineToolbar = memo(function TimelineToolbar({ onZoom }: { onZoom(factor: number): void }) {
  const axisMode = useStore((s) => s.axisMode);
  const compressGaps = useStore((s) => s.compressGaps);
  const { setAxisMode, setCompressGaps, setWindow } = useStore.getState();
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline">
      <button
        className="btn"
        aria-pressed={axisMode === 'wall'}
        onClick={() => setAxisMode('wall')}
        title="Wall clock: position entries by appended_at"
        aria-label="Wall-clock axis"
      >
        Time
      </button>
      <button
        className="btn"
        aria-pressed={axisMode === 'logical'}
        onClick={() => setAxisMode('logical')}
        title="Logical: position entries by journal index"
        aria-label="Journal-index axis"
      >
        Index
      </button>
      <label
        style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}
        title="Compress idle gaps on the time axis"
      >
        <input
          type="checkbox"
          checked={compressGaps}
          disabled={axisMode !== 'wall'}
          onChange={(e) => setCompressGaps(e.target.checked)}
        />
        Compress gaps
      </label>
      <button className="btn icon" aria-label="Zoom in" title="Zoom in (+)" onClick={() => onZoom(1.5)}>
        +
      </button>
      <button className="btn icon" aria-label="Zoom out" title="Zoom out (−)" onClick={() => onZoom(1 / 1.5)}>
        −
      </button>
      <button className="btn" onClick={() => setWindow(null)} title="Fit to view (0)">
        Fit
      </button>
      <span className="legend" aria-hidden="true">
        <span>
          <span className="sw" style={{ background: 'var(--ok-soft)', border: '1px solid var(--ok)' }} />
          completed
        </span>
        <span>
          <span className="sw bar pending" style={{ position: 'static' }} />
          pending
        </span>
        <span>
          <span className="sw bar retrying" style={{ position: 'static' }} />
          retrying
        </span>
        <span>
          <span className="sw" style={{ background: 'var(--fail-soft)', border: '2px solid var(--fail)' }} />
          failed
        </span>
        <span>
          <span className="sw" style={{ background: 'var(--winner)' }} />
          winner
        </span>
      </span>
    </div>
  );
});
