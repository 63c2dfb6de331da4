// The timeline: one virtualized lane per future (only visible lanes are in the DOM, so 100,000 futures stay smooth),
// an axis ruler, markers and the cursor line. Ctrl/⌘+wheel zooms, Shift+wheel or drag pans, +/− zoom, 0 fits.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { futureStateAt, futureStartIndex } from '../derive/futureState';
import { highlightAt } from '../derive/highlight';
import { invocationIdKnownAt, laneIndexOf, layoutLanes } from '../derive/lanes';
import { buildTimeAxis, fitWindow, type ViewWindow } from '../derive/timeAxis';
import { ZOOM_EVENT } from '../app/useKeyboard';
import { axisExtraTimes } from '../engine/prepare';
import { useStore } from '../store/store';
import { LABEL_WIDTH_PX, laneHeight } from './geometry';
import { LaneRow } from './LaneRow';
import { TimelineOverlay } from './TimelineOverlay';
import { TimelineRuler } from './TimelineRuler';
import { TimelineToolbar } from './TimelineToolbar';
import './timeline-perf.css';

const RACE_LIKE = new Set(['select', 'race', 'any', 'orTimeout']);
const ALL_LANES_MAX = 400;
const NO_TICKS: number[] = [];

export function Timeline() {
  const { run, model, cursor, selection, axisMode, compressGaps, storedWindow } = useStore(
    useShallow((s) => ({
      run: s.run,
      model: s.model,
      cursor: s.cursor,
      selection: s.selection,
      axisMode: s.axisMode,
      compressGaps: s.compressGaps,
      storedWindow: s.window,
    })),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidthPx(Math.max(0, el.clientWidth - LABEL_WIDTH_PX)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const attemptTimes = useMemo(() => (run ? axisExtraTimes(run) : []), [run]);
  const axis = useMemo(
    () => buildTimeAxis(model?.times ?? [], axisMode, compressGaps, attemptTimes),
    [model, axisMode, compressGaps, attemptTimes],
  );
  const lanes = useMemo(() => (model ? layoutLanes(model.laneFutures, axis, model.markerOfCall) : []), [model, axis]);
  const fitted = useMemo(() => fitWindow(axis), [axis]);
  const window: ViewWindow = storedWindow ?? fitted;
  const highlight = useMemo(() => (model ? highlightAt(model.steps, cursor) : null), [model, cursor]);
  const transientU = useMemo(() => {
    const byCommand = new Map<number, number[]>();
    if (!run) return byCommand;
    for (const e of run.journal.events)
      if (e.type === 'TransientError' && e.relatedCommandIndex !== undefined) {
        const list = byCommand.get(e.relatedCommandIndex) ?? [];
        if (e.afterEntryIndex < cursor) list.push(axis.cursorU(e.afterEntryIndex + 1));
        byCommand.set(e.relatedCommandIndex, list);
      }
    return byCommand;
  }, [run, axis, cursor]);

  const virtualizer = useVirtualizer({
    count: lanes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => laneHeight(lanes[i]?.future.kind),
    // Up to ALL_LANES_MAX lanes are all in the DOM (findable by data-future-id without scrolling); beyond that only
    // the visible ones, so 100,000 futures stay smooth.
    overscan: lanes.length <= ALL_LANES_MAX ? ALL_LANES_MAX : 4,
  });
  useEffect(() => virtualizer.measure(), [lanes, virtualizer]);

  const zoomBy = useCallback(
    (factor: number, anchorU?: number) => {
      const s = useStore.getState();
      s.zoom(factor, anchorU ?? axis.cursorU(s.cursor), s.window ?? fitWindow(axis));
    },
    [axis],
  );
  useEffect(() => {
    const onZoom = (e: Event) => zoomBy((e as CustomEvent<number>).detail);
    globalThis.addEventListener(ZOOM_EVENT, onZoom);
    return () => globalThis.removeEventListener(ZOOM_EVENT, onZoom);
  }, [zoomBy]);

  // Wheel: Ctrl/⌘ zooms around the pointer, Shift (or a horizontal wheel) pans; plain wheel scrolls the lanes.
  // A plain wheel must not wait for script: with only passive listeners Chromium scrolls the lanes on its compositor
  // thread (20 wheel steps through 100,000 lanes: ~1.25 s → ~1.0 s in bench/ui.bench.ts). Panning needs no
  // preventDefault (the lanes never overflow sideways); only zooming must stop the page's own Ctrl+wheel zoom, so that
  // non-passive listener is attached only while Ctrl/⌘ is held.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const anchorOf = (e: WheelEvent, w: ViewWindow) => {
      const x = e.clientX - el.getBoundingClientRect().left - LABEL_WIDTH_PX;
      return w.u0 + (x / Math.max(1, widthPx)) * (w.u1 - w.u0);
    };
    const onPan = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey || !(e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))) return;
      const s = useStore.getState();
      const w = s.window ?? fitWindow(axis);
      const delta = (e.shiftKey ? e.deltaY : e.deltaX) / Math.max(1, widthPx);
      s.pan(delta * (w.u1 - w.u0), w);
    };
    const onZoom = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const s = useStore.getState();
      const w = s.window ?? fitWindow(axis);
      s.zoom(e.deltaY < 0 ? 1.25 : 1 / 1.25, anchorOf(e, w), w);
    };
    let zooming = false;
    const setZooming = (on: boolean) => {
      if (on === zooming) return;
      zooming = on;
      if (on) el.addEventListener('wheel', onZoom, { passive: false });
      else el.removeEventListener('wheel', onZoom);
    };
    const onKey = (e: KeyboardEvent) => setZooming(e.ctrlKey || e.metaKey);
    const onBlur = () => setZooming(false);
    el.addEventListener('wheel', onPan, { passive: true });
    globalThis.addEventListener('keydown', onKey);
    globalThis.addEventListener('keyup', onKey);
    globalThis.addEventListener('blur', onBlur);
    return () => {
      setZooming(false);
      el.removeEventListener('wheel', onPan);
      globalThis.removeEventListener('keydown', onKey);
      globalThis.removeEventListener('keyup', onKey);
      globalThis.removeEventListener('blur', onBlur);
    };
  }, [axis, widthPx]);

  // Drag on the bar area pans; a click without movement still selects the lane.
  const drag = useRef<{ x: number; w: ViewWindow; moved: boolean } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    const el = scrollRef.current;
    if (!el || e.button !== 0 || e.clientX - el.getBoundingClientRect().left < LABEL_WIDTH_PX) return;
    drag.current = { x: e.clientX, w: useStore.getState().window ?? fitWindow(axis), moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) > 3) d.moved = true;
    if (d.moved)
      useStore.getState().setWindow({
        u0: d.w.u0 - (dx / Math.max(1, widthPx)) * (d.w.u1 - d.w.u0),
        u1: d.w.u1 - (dx / Math.max(1, widthPx)) * (d.w.u1 - d.w.u0),
      });
  };
  const onClickCapture = (e: React.MouseEvent) => {
    if (drag.current?.moved) {
      e.stopPropagation();
      e.preventDefault();
    }
    drag.current = null;
  };

  const onSelect = useCallback((id: string) => useStore.getState().select(id), []);
  const onKeyNav = useCallback(
    (id: string, delta: number) => {
      const i = laneIndexOf(lanes, id) + delta;
      if (i < 0 || i >= lanes.length) return;
      const next = lanes[i].future.id;
      useStore.getState().select(next);
      virtualizer.scrollToIndex(i);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-future-id="${next}"]`)?.focus());
    },
    [lanes, virtualizer],
  );

  // Keep the selected lane in view when the selection changes from elsewhere (graph, URL).
  useEffect(() => {
    if (!selection) return;
    const i = laneIndexOf(lanes, selection);
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [selection, lanes, virtualizer]);

  if (!run || !model) return null;
  const cursorU = axis.cursorU(cursor);
  return (
    <section className="timeline" aria-label="Timeline" style={{ ['--label-w' as string]: `${LABEL_WIDTH_PX}px` }}>
      <TimelineToolbar onZoom={zoomBy} />
      <TimelineRuler axis={axis} window={window} widthPx={widthPx} lanes={lanes.length} />
      <div
        className="tl-scroll"
        style={{ gridRow: 3, gridColumn: 1 }}
        ref={scrollRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onClickCapture={onClickCapture}
        onPointerUp={() => setTimeout(() => (drag.current = null))}
      >
        {lanes.length === 0 && <p className="empty">This journal has no futures (no run, sleep, call or awakeable).</p>}
        <div className="tl-inner" style={{ height: virtualizer.getTotalSize() }} role="list" aria-label="Futures">
          {virtualizer.getVirtualItems().map((item) => {
            const lane = lanes[item.index];
            const f = lane.future;
            const state = futureStateAt(f, cursor, model.transient);
            const invocationIdId = lane.invocationId?.future.id;
            // A decision over the call's invocation id (`await call.invocationId`) is about this lane too.
            const candidate =
              !!highlight &&
              (highlight.candidates.has(f.id) ||
                (invocationIdId !== undefined && highlight.candidates.has(invocationIdId)));
            let role: 'winner' | 'loser' | 'failed-first' | null = null;
            if (candidate && highlight) {
              const d = highlight.decision;
              if (highlight.winner === f.id)
                role = d.combinator === 'all' && d.outcome === 'failure' ? 'failed-first' : 'winner';
              else if (highlight.winner && RACE_LIKE.has(d.combinator)) role = 'loser';
            }
            return (
              <div role="listitem" key={f.id}>
                <LaneRow
                  lane={lane}
                  state={state}
                  cursorU={state === 'pending' || state === 'transient-retrying' ? cursorU : 0}
                  window={window}
                  widthPx={widthPx}
                  top={item.start}
                  height={item.size}
                  selected={selection === f.id || (invocationIdId !== undefined && selection === invocationIdId)}
                  invocationIdKnown={invocationIdKnownAt(lane, cursor)}
                  candidate={candidate && !!highlight?.fresh}
                  role={role}
                  dim={!!highlight?.fresh && !candidate && futureStartIndex(f) < cursor}
                  transientU={(f.commandIndex !== null && transientU.get(f.commandIndex)) || NO_TICKS}
                  onSelect={onSelect}
                  onKeyNav={onKeyNav}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div style={{ position: 'relative', gridRow: 3, gridColumn: 1, pointerEvents: 'none' }}>
        <TimelineOverlay
          axis={axis}
          window={window}
          widthPx={widthPx}
          cursor={cursor}
          attempts={run.attempts}
          events={run.journal.events}
          mismatchCursor={model.mismatchCursor}
          frontier={model.frontier}
          virtualTime={!!run.journal.virtualTime}
          decidingEntry={highlight?.fresh ? highlight.decision.entryIndex : null}
        />
      </div>
    </section>
  );
}
