// The timeline: one virtualized lane per future (only visible lanes are in the DOM, so 100,000 futures stay smooth),
// an axis ruler, markers and the cursor line. Ctrl/⌘+wheel zooms, Shift+wheel or drag pans, +/− zoom, 0 fits.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { laneIndexOf } from '../derive/lanes';
import { laneLayout, laneViewAt } from '../derive/laneView';
import { buildTimeAxis, fitWindow, type ViewWindow } from '../derive/timeAxis';
import { axisExtraTimes } from '../engine/prepare';
import { useStore } from '../store/store';
import { LABEL_WIDTH_PX, laneHeight } from './geometry';
import { LaneRow } from './LaneRow';
import { TimelineOverlay } from './TimelineOverlay';
import { TimelineRuler } from './TimelineRuler';
import { TimelineToolbar } from './TimelineToolbar';
import { activeViewport, ViewportController } from './viewportController';
import './timeline-perf.css';

const ALL_LANES_MAX = 400;

export function Timeline() {
  const { run, model, cursor, selection, axisMode, compressGaps, storedWindow, reading } = useStore(
    useShallow((s) => ({
      run: s.run,
      model: s.model,
      cursor: s.cursor,
      selection: s.selection,
      axisMode: s.axisMode,
      compressGaps: s.compressGaps,
      storedWindow: s.window,
      reading: s.reading !== null,
    })),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  // Measured before the first paint (a layout effect's update renders again before the browser paints): the lanes'
  // first render already has their width, so they are drawn once, not once at width 0 and again a frame later.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setWidthPx(Math.max(0, el.clientWidth - LABEL_WIDTH_PX));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const attemptTimes = useMemo(() => (run ? axisExtraTimes(run) : []), [run]);
  const axis = useMemo(
    () => buildTimeAxis(model?.times ?? [], axisMode, compressGaps, attemptTimes),
    [model, axisMode, compressGaps, attemptTimes],
  );
  const lanes = useMemo(() => (model ? laneLayout(model, axis) : []), [model, axis]);
  const fitted = useMemo(() => fitWindow(axis), [axis]);
  const window: ViewWindow = storedWindow ?? fitted;
  // The rows of the lanes in view, from the same laneView the SVG export draws (ui/share/exports.ts).
  const view = useMemo(() => (model ? laneViewAt(model, cursor, axis, lanes) : null), [model, cursor, axis, lanes]);
  const highlight = view?.highlight ?? null;

  const virtualizer = useVirtualizer({
    count: lanes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => laneHeight(lanes[i]?.future.kind),
    // Up to ALL_LANES_MAX lanes are all in the DOM (findable by data-future-id without scrolling); beyond that only
    // the visible ones, so 100,000 futures stay smooth.
    // A preview while the file reads (a few hundred lanes) draws only the lanes in view: it is there to be seen fast.
    overscan: lanes.length <= ALL_LANES_MAX && !reading ? ALL_LANES_MAX : 4,
  });
  // New lanes (another run, axis or zoom) have other estimated heights. The lanes it was created with need no
  // measure: on mount it would only cost another render of every lane in view.
  const measuredLanes = useRef(lanes);
  useEffect(() => {
    if (measuredLanes.current === lanes) return;
    measuredLanes.current = lanes;
    virtualizer.measure();
  }, [lanes, virtualizer]);

  // Gestures and zoom live in a framework-free controller (viewportController.ts); the keyboard's +/− reach it
  // through activeViewport. It reads and writes the store's window.
  const [viewport] = useState(
    () =>
      new ViewportController(
        {
          getWindow: () => useStore.getState().window,
          setWindow: (w) => useStore.getState().setWindow(w),
          getCursor: () => useStore.getState().cursor,
        },
        LABEL_WIDTH_PX,
      ),
  );
  // Before paint, so that no gesture sees the axis of a render that was not committed.
  useLayoutEffect(() => viewport.update(axis, widthPx), [viewport, axis, widthPx]);
  useEffect(() => {
    activeViewport.set(viewport);
    return () => activeViewport.clear(viewport);
  }, [viewport]);
  // The lanes' element exists only while a run is shown.
  const shown = !!run && !!model;
  useEffect(() => {
    const el = scrollRef.current;
    return shown && el ? viewport.attach(el, globalThis) : undefined;
  }, [viewport, shown]);
  const zoomBy = useCallback((factor: number) => viewport.zoomBy(factor), [viewport]);
  const left = () => scrollRef.current?.getBoundingClientRect().left ?? 0;

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
  return (
    <section className="timeline" aria-label="Timeline" style={{ ['--label-w' as string]: `${LABEL_WIDTH_PX}px` }}>
      <TimelineToolbar onZoom={zoomBy} />
      <TimelineRuler axis={axis} window={window} widthPx={widthPx} lanes={lanes.length} />
      <div
        className="tl-scroll"
        style={{ gridRow: 3, gridColumn: 1 }}
        ref={scrollRef}
        onPointerDown={(e) => viewport.pointerDown(e, left())}
        onPointerMove={(e) => viewport.pointerMove(e)}
        onClickCapture={(e) => {
          if (!viewport.endClick()) return;
          e.stopPropagation();
          e.preventDefault();
        }}
        // Later than the click that may follow, which must still see the drag to swallow it.
        onPointerUp={() => setTimeout(() => viewport.pointerUp())}
      >
        {lanes.length === 0 && <p className="empty">This journal has no futures (no run, sleep, call or awakeable).</p>}
        <div className="tl-inner" style={{ height: virtualizer.getTotalSize() }} role="list" aria-label="Futures">
          {virtualizer.getVirtualItems().map((item) => {
            const row = view!.rowAt(item.index);
            const selected =
              selection === row.id ||
              (row.invocationIdFutureId !== undefined && selection === row.invocationIdFutureId);
            return (
              <div role="listitem" key={row.id}>
                <LaneRow
                  row={row}
                  window={window}
                  widthPx={widthPx}
                  top={item.start}
                  height={item.size}
                  selected={selected}
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
