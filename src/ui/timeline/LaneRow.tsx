// One lane: a button naming the future (kind, name, id, state) with its bar drawn at the cursor.
import { memo } from 'react';
import type { LaneRowView } from '../../share/lane-view';
import type { FutureState } from '../derive/futureState';
import { uToPx, type ViewWindow } from '../derive/timeAxis';
import { MIN_BAR_PX } from './geometry';

export interface LaneRowProps {
  /** The lane at the cursor, from laneView (ui/derive/laneView.ts): the same row the SVG export draws. */
  row: LaneRowView;
  window: ViewWindow;
  widthPx: number;
  top: number;
  height: number;
  selected: boolean;
  onSelect(id: string): void;
  onKeyNav(id: string, delta: number): void;
}

const stateClass: Record<FutureState, string> = {
  'not-started': 'ghost',
  pending: 'pending',
  'transient-retrying': 'retrying',
  'completed-success': 'done',
  'failed-terminal': 'failed',
};

/** Compact state words for the label column (the accessible name and tooltip keep the full words). */
const shortState: Record<FutureState, string> = {
  'not-started': '—',
  pending: 'pending',
  'transient-retrying': 'retrying',
  'completed-success': 'done',
  'failed-terminal': 'failed',
};

function span(x0: number, x1: number) {
  return { left: x0, width: Math.max(MIN_BAR_PX, x1 - x0) };
}

/**
 * laneView builds a fresh row object at every step; compare its fields so that a step re-renders only the lanes it
 * changed (pending bars reach the cursor; other rows carry cursorU 0).
 */
function sameRow(a: LaneRowView, b: LaneRowView): boolean {
  return (
    a.future === b.future &&
    a.state === b.state &&
    a.startU === b.startU &&
    a.endU === b.endU &&
    a.cursorU === b.cursorU &&
    a.role === b.role &&
    a.candidate === b.candidate &&
    a.dim === b.dim &&
    a.marker?.u === b.marker?.u &&
    a.marker?.title === b.marker?.title &&
    a.invocationIdFutureId === b.invocationIdFutureId &&
    a.transientU.length === b.transientU.length &&
    a.transientU.every((u, i) => u === b.transientU[i])
  );
}

function sameProps(a: LaneRowProps, b: LaneRowProps): boolean {
  return (
    sameRow(a.row, b.row) &&
    a.window === b.window &&
    a.widthPx === b.widthPx &&
    a.top === b.top &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.onKeyNav === b.onKeyNav
  );
}

export const LaneRow = memo(function LaneRow(p: LaneRowProps) {
  const row = p.row;
  const f = row.future;
  const px = (u: number) => uToPx(p.window, p.widthPx, u);
  const x0 = px(row.startU);
  const xEnd = row.endU === null ? null : px(row.endU);
  const xCur = px(row.cursorU);
  const right = p.widthPx + 20;
  const bars: { key: string; cls: string; left: number; width: number; opacity?: number }[] = [];
  if (row.state === 'not-started') bars.push({ key: 'g', cls: 'ghost', ...span(x0, xEnd ?? right) });
  else if (row.state === 'pending' || row.state === 'transient-retrying') {
    const cut = Math.max(xCur, x0 + MIN_BAR_PX);
    bars.push({ key: 'p', cls: stateClass[row.state], ...span(x0, cut) });
    if (xEnd === null) bars.push({ key: 'o', cls: stateClass[row.state], ...span(cut, right), opacity: 0.35 });
    else if (xEnd > cut) bars.push({ key: 'g', cls: 'ghost', ...span(cut, xEnd) });
  } else bars.push({ key: 'd', cls: stateClass[row.state], ...span(x0, xEnd ?? x0) });
  const badgeX =
    row.state === 'completed-success' || row.state === 'failed-terminal'
      ? Math.max(xEnd ?? x0, x0 + MIN_BAR_PX)
      : Math.max(xCur, x0 + MIN_BAR_PX);
  // Keep the badge inside the lane: when the bar ends near the right edge, put it inside the bar's end.
  const badgeInside = badgeX > p.widthPx - 70;
  const roleText =
    row.role === 'winner' ? 'won' : row.role === 'failed-first' ? 'failed first' : row.role === 'loser' ? 'lost' : null;
  const markerText = row.marker?.title ?? null;
  const xMarker = row.marker && row.marker.u !== null ? px(row.marker.u) : null;
  const label = `${row.label}: ${row.stateText}${roleText ? `, ${roleText}` : ''}${markerText ? `; ${markerText}` : ''}`;
  const cls = [
    'lane',
    f.kind === 'CallInvocationId' ? 'minor' : '',
    row.candidate ? 'candidate' : '',
    row.dim ? 'dim' : '',
  ].join(' ');
  return (
    <button
      type="button"
      className={cls}
      style={{ top: p.top, height: p.height }}
      data-future-id={f.id}
      data-state={row.state}
      aria-label={label}
      aria-pressed={p.selected}
      title={`${label}\nentries #${f.entryIndex ?? '—'} → ${f.completionEntryIndex === null ? 'never completed' : `#${f.completionEntryIndex}`}${f.startMs !== null && f.endMs !== null ? ` · took ${f.endMs - f.startMs} ms` : ''}`}
      onClick={() => p.onSelect(f.id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          e.stopPropagation();
          p.onKeyNav(f.id, e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <span className="lane-label">
        <span className="fid">{f.id}</span>
        <span className="kind">{f.kind}</span>
        <span className="fname">{f.name}</span>
        <span className={`state s-${row.state}`}>{shortState[row.state]}</span>
      </span>
      <span className="lane-area" aria-hidden="true">
        {bars.map((b) => (
          <span
            key={b.key}
            className={`bar ${b.cls}${row.role === 'winner' && b.key !== 'g' ? ' winner' : ''}`}
            style={{ left: b.left, width: b.width, opacity: b.opacity }}
          />
        ))}
        {row.state === 'completed-success' && xEnd !== null && <span className="end-dot" style={{ left: xEnd }} />}
        {row.state === 'failed-terminal' && xEnd !== null && <span className="end-dot failed" style={{ left: xEnd }} />}
        {markerText && xMarker !== null && (
          <span
            className="inv-id-mark"
            style={{ left: xMarker }}
            title={markerText}
            data-invocation-id-future={row.invocationIdFutureId}
          />
        )}
        {row.transientU.map((u, i) => (
          <span key={i} className="tick-mark" style={{ left: px(u) }} />
        ))}
        {roleText && (
          <span
            className={`badge ${row.role === 'winner' ? 'won' : row.role === 'failed-first' ? 'fail' : 'lost'}`}
            style={badgeInside ? { left: badgeX - 8, transform: 'translate(-100%, -50%)' } : { left: badgeX }}
          >
            {row.role === 'winner' ? '★ won' : roleText}
          </span>
        )}
      </span>
    </button>
  );
}, sameProps);
