// One lane: a button naming the future (kind, name, id, state) with its bar drawn at the cursor.
import { memo } from 'react';
import { futureStateText, type FutureState } from '../derive/futureState';
import { futureLabel } from '../derive/labels';
import { invocationIdText, type Lane } from '../derive/lanes';
import { uToPx, type ViewWindow } from '../derive/timeAxis';
import { MIN_BAR_PX } from './geometry';

export interface LaneRowProps {
  lane: Lane;
  state: FutureState;
  /** Only pending bars reach the cursor; other lanes get 0 so that a step does not re-render them (memo). */
  cursorU: number;
  window: ViewWindow;
  widthPx: number;
  top: number;
  height: number;
  selected: boolean;
  /** The lane is a call's and its callee's invocation id has been appended: draw the marker. */
  invocationIdKnown: boolean;
  candidate: boolean;
  role: 'winner' | 'loser' | 'failed-first' | null;
  dim: boolean;
  transientU: number[];
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

export const LaneRow = memo(function LaneRow(p: LaneRowProps) {
  const f = p.lane.future;
  const px = (u: number) => uToPx(p.window, p.widthPx, u);
  const x0 = px(p.lane.startU);
  const xEnd = p.lane.endU === null ? null : px(p.lane.endU);
  const xCur = px(p.cursorU);
  const right = p.widthPx + 20;
  const bars: { key: string; cls: string; left: number; width: number; opacity?: number }[] = [];
  if (p.state === 'not-started') bars.push({ key: 'g', cls: 'ghost', ...span(x0, xEnd ?? right) });
  else if (p.state === 'pending' || p.state === 'transient-retrying') {
    const cut = Math.max(xCur, x0 + MIN_BAR_PX);
    bars.push({ key: 'p', cls: stateClass[p.state], ...span(x0, cut) });
    if (xEnd === null) bars.push({ key: 'o', cls: stateClass[p.state], ...span(cut, right), opacity: 0.35 });
    else if (xEnd > cut) bars.push({ key: 'g', cls: 'ghost', ...span(cut, xEnd) });
  } else bars.push({ key: 'd', cls: stateClass[p.state], ...span(x0, xEnd ?? x0) });
  const badgeX =
    p.state === 'completed-success' || p.state === 'failed-terminal'
      ? Math.max(xEnd ?? x0, x0 + MIN_BAR_PX)
      : Math.max(xCur, x0 + MIN_BAR_PX);
  // Keep the badge inside the lane: when the bar ends near the right edge, put it inside the bar's end.
  const badgeInside = badgeX > p.widthPx - 70;
  const roleText =
    p.role === 'winner' ? 'won' : p.role === 'failed-first' ? 'failed first' : p.role === 'loser' ? 'lost' : null;
  const marker = p.lane.invocationId;
  const markerText = marker && p.invocationIdKnown ? invocationIdText(marker) : null;
  const xMarker = marker && marker.u !== null ? px(marker.u) : null;
  const label = `${futureLabel(f)}: ${futureStateText[p.state]}${roleText ? `, ${roleText}` : ''}${markerText ? `; ${markerText}` : ''}`;
  const cls = [
    'lane',
    f.kind === 'CallInvocationId' ? 'minor' : '',
    p.candidate ? 'candidate' : '',
    p.dim ? 'dim' : '',
  ].join(' ');
  return (
    <button
      type="button"
      className={cls}
      style={{ top: p.top, height: p.height }}
      data-future-id={f.id}
      data-state={p.state}
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
        <span className={`state s-${p.state}`}>{shortState[p.state]}</span>
      </span>
      <span className="lane-area" aria-hidden="true">
        {bars.map((b) => (
          <span
            key={b.key}
            className={`bar ${b.cls}${p.role === 'winner' && b.key !== 'g' ? ' winner' : ''}`}
            style={{ left: b.left, width: b.width, opacity: b.opacity }}
          />
        ))}
        {p.state === 'completed-success' && xEnd !== null && <span className="end-dot" style={{ left: xEnd }} />}
        {p.state === 'failed-terminal' && xEnd !== null && <span className="end-dot failed" style={{ left: xEnd }} />}
        {markerText && xMarker !== null && (
          <span
            className="inv-id-mark"
            style={{ left: xMarker }}
            title={markerText}
            data-invocation-id-future={marker!.future.id}
          />
        )}
        {p.transientU.map((u, i) => (
          <span key={i} className="tick-mark" style={{ left: px(u) }} />
        ))}
        {roleText && (
          <span
            className={`badge ${p.role === 'winner' ? 'won' : p.role === 'failed-first' ? 'fail' : 'lost'}`}
            style={badgeInside ? { left: badgeX - 8, transform: 'translate(-100%, -50%)' } : { left: badgeX }}
          >
            {p.role === 'winner' ? '★ won' : roleText}
          </span>
        )}
      </span>
    </button>
  );
});
