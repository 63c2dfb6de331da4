// The timeline's viewport and gestures without a framework (in the manner of xyflow's XYPanZoom, which keeps
// d3-zoom's handling out of React): Ctrl/⌘+wheel zooms around the pointer, Shift (or a horizontal) wheel pans, a drag
// on the bar area pans, +/− zoom around the cursor, Fit goes back to the whole run. Timeline.tsx binds it to its
// element and feeds it the axis and width; the window itself lives in the store (it is part of the view).
import { fitWindow, panWindow, zoomWindow, type TimeAxis, type ViewWindow } from '../derive/timeAxis';

/** Where the window is kept: the store's `window` (null = fitted to the axis) and the cursor. */
export interface ViewportHost {
  getWindow(): ViewWindow | null;
  setWindow(window: ViewWindow | null): void;
  getCursor(): number;
}

/** The parts of DOM events the controller reads: tests pass plain objects. */
export interface WheelLike {
  deltaX: number;
  deltaY: number;
  clientX: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  preventDefault(): void;
}
export interface PointerLike {
  clientX: number;
  button: number;
}

/** The element and window the controller listens on: an HTMLElement and globalThis in the app. */
export type ListenTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
export interface ViewportElement extends ListenTarget {
  getBoundingClientRect(): { left: number };
}

export const WHEEL_ZOOM_FACTOR = 1.25;
export const KEY_ZOOM_FACTOR = 1.5;
/** A pointer that moves less than this is a click (it selects the lane), not a drag. */
export const DRAG_THRESHOLD_PX = 3;

export class ViewportController {
  private axis: Pick<TimeAxis, 'span' | 'cursorU'> = { span: 0, cursorU: () => 0 };
  private widthPx = 0;
  private drag: { x: number; w: ViewWindow; moved: boolean } | null = null;

  constructor(
    private readonly host: ViewportHost,
    /** Pixels of the label column left of the bars: pointer x is measured from its right edge. */
    private readonly labelWidthPx: number,
  ) {}

  /** The axis and the bar area's width changed (new run, axis mode, resize). */
  update(axis: Pick<TimeAxis, 'span' | 'cursorU'>, widthPx: number): void {
    this.axis = axis;
    this.widthPx = widthPx;
  }

  window(): ViewWindow {
    return this.host.getWindow() ?? fitWindow(this.axis);
  }

  /** Zoom by `factor` (>1 zooms in) around `anchorU`, by default the cursor (the +/− buttons and keys). */
  zoomBy(factor: number, anchorU?: number): void {
    const anchor = anchorU ?? this.axis.cursorU(this.host.getCursor());
    this.host.setWindow(zoomWindow(this.window(), factor, anchor));
  }

  fit(): void {
    this.host.setWindow(null);
  }

  /** Shift+wheel or a horizontal wheel pans; returns whether it did. Never blocks the plain wheel's scrolling. */
  wheelPan(e: WheelLike): boolean {
    if (e.ctrlKey || e.metaKey || !(e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))) return false;
    const w = this.window();
    const delta = (e.shiftKey ? e.deltaY : e.deltaX) / Math.max(1, this.widthPx);
    this.host.setWindow(panWindow(w, delta * (w.u1 - w.u0)));
    return true;
  }

  /** Ctrl/⌘+wheel zooms around the pointer and stops the page's own zoom; returns whether it did. */
  wheelZoom(e: WheelLike, elementLeftPx: number): boolean {
    if (!(e.ctrlKey || e.metaKey)) return false;
    e.preventDefault();
    const w = this.window();
    const x = e.clientX - elementLeftPx - this.labelWidthPx;
    const anchorU = w.u0 + (x / Math.max(1, this.widthPx)) * (w.u1 - w.u0);
    this.zoomBy(e.deltaY < 0 ? WHEEL_ZOOM_FACTOR : 1 / WHEEL_ZOOM_FACTOR, anchorU);
    return true;
  }

  /** A primary press on the bar area (not the labels) may start a drag. */
  pointerDown(e: PointerLike, elementLeftPx: number): void {
    if (e.button !== 0 || e.clientX - elementLeftPx < this.labelWidthPx) return;
    this.drag = { x: e.clientX, w: this.window(), moved: false };
  }

  pointerMove(e: PointerLike): void {
    const d = this.drag;
    if (!d) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) > DRAG_THRESHOLD_PX) d.moved = true;
    if (d.moved) this.host.setWindow(panWindow(d.w, -(dx / Math.max(1, this.widthPx)) * (d.w.u1 - d.w.u0)));
  }

  /** The click that ends a press: true when it ended a drag, so the caller swallows it (no lane gets selected). */
  endClick(): boolean {
    const dragged = !!this.drag?.moved;
    this.drag = null;
    return dragged;
  }

  /** The press ended without a click (released outside a lane). */
  pointerUp(): void {
    this.drag = null;
  }

  /**
   * Listens on the element. A plain wheel must not wait for script: with only passive listeners Chromium scrolls the
   * lanes on its compositor thread (20 wheel steps through 100,000 lanes: ~1.25 s → ~1.0 s in bench/ui.bench.ts).
   * Panning needs no preventDefault (the lanes never overflow sideways); only zooming must stop the page's own
   * Ctrl+wheel zoom, so that non-passive listener is attached only while Ctrl/⌘ is held. Returns the detach.
   */
  attach(el: ViewportElement, keys: ListenTarget): () => void {
    const onPan = (e: Event) => void this.wheelPan(e as WheelEvent);
    const onZoom = (e: Event) => void this.wheelZoom(e as WheelEvent, el.getBoundingClientRect().left);
    let zooming = false;
    const setZooming = (on: boolean) => {
      if (on === zooming) return;
      zooming = on;
      if (on) el.addEventListener('wheel', onZoom, { passive: false });
      else el.removeEventListener('wheel', onZoom);
    };
    const onKey = (e: Event) => setZooming((e as KeyboardEvent).ctrlKey || (e as KeyboardEvent).metaKey);
    const onBlur = () => setZooming(false);
    el.addEventListener('wheel', onPan, { passive: true });
    keys.addEventListener('keydown', onKey);
    keys.addEventListener('keyup', onKey);
    keys.addEventListener('blur', onBlur);
    return () => {
      setZooming(false);
      el.removeEventListener('wheel', onPan);
      keys.removeEventListener('keydown', onKey);
      keys.removeEventListener('keyup', onKey);
      keys.removeEventListener('blur', onBlur);
    };
  }
}

/** The mounted timeline's controller, so the keyboard's +/− reach it directly (there is one timeline). */
let active: ViewportController | null = null;

export const activeViewport = {
  set(controller: ViewportController | null): void {
    active = controller;
  },
  /** Clears only its own registration (a remount may have set a newer one). */
  clear(controller: ViewportController): void {
    if (active === controller) active = null;
  },
  zoomBy(factor: number): void {
    active?.zoomBy(factor);
  },
};
