// The viewport controller without a DOM: synthetic wheel/pointer objects and a fake element record listeners.
import { describe, expect, it } from 'vitest';
import { fitWindow, type ViewWindow } from '../derive/timeAxis';
import {
  activeViewport,
  KEY_ZOOM_FACTOR,
  ViewportController,
  WHEEL_ZOOM_FACTOR,
  type WheelLike,
} from './viewportController';

const LABEL_PX = 260;
const WIDTH_PX = 1000;
const axis = { span: 100, cursorU: (cursor: number) => cursor * 10 };

function setup(cursor = 5) {
  let stored: ViewWindow | null = null;
  const c = new ViewportController(
    { getWindow: () => stored, setWindow: (w) => (stored = w), getCursor: () => cursor },
    LABEL_PX,
  );
  c.update(axis, WIDTH_PX);
  return { c, window: () => stored };
}

function wheel(over: Partial<WheelLike> = {}): WheelLike & { prevented: boolean } {
  const e = {
    deltaX: 0,
    deltaY: 0,
    clientX: 0,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    prevented: false,
    preventDefault: () => (e.prevented = true),
    ...over,
  };
  return e;
}

const width = (w: ViewWindow | null) => (w ? w.u1 - w.u0 : NaN);

describe('viewport controller: zoom and fit', () => {
  it('starts fitted and zooms around the cursor by the key factor', () => {
    const { c, window } = setup(5);
    expect(c.window()).toEqual(fitWindow(axis));
    c.zoomBy(KEY_ZOOM_FACTOR);
    const w = window()!;
    expect(width(w)).toBeCloseTo(width(fitWindow(axis)) / KEY_ZOOM_FACTOR);
    // The cursor (u = 50) keeps its place on screen.
    const f = fitWindow(axis);
    expect((50 - w.u0) / width(w)).toBeCloseTo((50 - f.u0) / width(f));
  });

  it('zooming in then out by the same factor returns to the window it started from', () => {
    const { c, window } = setup();
    c.zoomBy(KEY_ZOOM_FACTOR);
    c.zoomBy(1 / KEY_ZOOM_FACTOR);
    expect(window()!.u0).toBeCloseTo(fitWindow(axis).u0);
    expect(window()!.u1).toBeCloseTo(fitWindow(axis).u1);
  });

  it('fit clears the stored window', () => {
    const { c, window } = setup();
    c.zoomBy(2);
    c.fit();
    expect(window()).toBeNull();
  });

  it('reaches the mounted controller through activeViewport, and nothing after it is cleared', () => {
    const { c, window } = setup();
    activeViewport.set(c);
    activeViewport.zoomBy(2);
    expect(width(window())).toBeCloseTo(width(fitWindow(axis)) / 2);
    const other = setup().c;
    activeViewport.clear(other); // not the active one: no effect
    activeViewport.zoomBy(2);
    expect(width(window())).toBeCloseTo(width(fitWindow(axis)) / 4);
    activeViewport.clear(c);
    activeViewport.zoomBy(2);
    expect(width(window())).toBeCloseTo(width(fitWindow(axis)) / 4);
  });
});

describe('viewport controller: wheel', () => {
  it('Ctrl+wheel up zooms in around the pointer and stops the page zoom', () => {
    const { c, window } = setup();
    const f = fitWindow(axis);
    // Pointer at the middle of the bar area, with the element 40 px from the viewport's left.
    const e = wheel({ ctrlKey: true, deltaY: -100, clientX: 40 + LABEL_PX + WIDTH_PX / 2 });
    expect(c.wheelZoom(e, 40)).toBe(true);
    expect(e.prevented).toBe(true);
    const w = window()!;
    expect(width(w)).toBeCloseTo(width(f) / WHEEL_ZOOM_FACTOR);
    expect((w.u0 + w.u1) / 2).toBeCloseTo((f.u0 + f.u1) / 2);
  });

  it('⌘+wheel down zooms out', () => {
    const { c, window } = setup();
    c.wheelZoom(wheel({ metaKey: true, deltaY: 100, clientX: LABEL_PX }), 0);
    expect(width(window())).toBeCloseTo(width(fitWindow(axis)) * WHEEL_ZOOM_FACTOR);
    // Anchored at the left edge of the bars.
    expect(window()!.u0).toBeCloseTo(fitWindow(axis).u0);
  });

  it('a plain wheel neither zooms nor pans, and is never prevented', () => {
    const { c, window } = setup();
    const e = wheel({ deltaY: 100 });
    expect(c.wheelZoom(e, 0)).toBe(false);
    expect(c.wheelPan(e)).toBe(false);
    expect(e.prevented).toBe(false);
    expect(window()).toBeNull();
  });

  it('Shift+wheel pans by the vertical delta, a horizontal wheel by its own', () => {
    const { c, window } = setup();
    const f = fitWindow(axis);
    expect(c.wheelPan(wheel({ shiftKey: true, deltaY: 100 }))).toBe(true);
    expect(window()!.u0).toBeCloseTo(f.u0 + (100 / WIDTH_PX) * width(f));
    expect(width(window())).toBeCloseTo(width(f));
    c.wheelPan(wheel({ deltaX: -100, deltaY: 10 }));
    expect(window()!.u0).toBeCloseTo(f.u0);
  });

  it('Ctrl+Shift+wheel zooms, it does not pan', () => {
    const { c } = setup();
    expect(c.wheelPan(wheel({ ctrlKey: true, shiftKey: true, deltaY: 100 }))).toBe(false);
  });
});

describe('viewport controller: drag', () => {
  it('a drag on the bar area pans with the pointer and swallows the click that ends it', () => {
    const { c, window } = setup();
    const f = fitWindow(axis);
    c.pointerDown({ clientX: LABEL_PX + 100, button: 0 }, 0);
    c.pointerMove({ clientX: LABEL_PX + 300, button: 0 });
    expect(window()!.u0).toBeCloseTo(f.u0 - (200 / WIDTH_PX) * width(f));
    expect(c.endClick()).toBe(true);
    // The drag is over: moving no longer pans.
    c.pointerMove({ clientX: LABEL_PX + 900, button: 0 });
    expect(window()!.u0).toBeCloseTo(f.u0 - (200 / WIDTH_PX) * width(f));
  });

  it('a press that moves a few pixels is a click: no pan, the click selects', () => {
    const { c, window } = setup();
    c.pointerDown({ clientX: LABEL_PX + 100, button: 0 }, 0);
    c.pointerMove({ clientX: LABEL_PX + 102, button: 0 });
    expect(window()).toBeNull();
    expect(c.endClick()).toBe(false);
  });

  it('a press on the labels or with another button starts no drag', () => {
    const { c, window } = setup();
    c.pointerDown({ clientX: LABEL_PX - 1, button: 0 }, 0);
    c.pointerMove({ clientX: LABEL_PX + 300, button: 0 });
    c.pointerDown({ clientX: LABEL_PX + 100, button: 2 }, 0);
    c.pointerMove({ clientX: LABEL_PX + 300, button: 2 });
    expect(window()).toBeNull();
  });

  it('a release outside a lane ends the drag', () => {
    const { c, window } = setup();
    c.pointerDown({ clientX: LABEL_PX + 100, button: 0 }, 0);
    c.pointerUp();
    c.pointerMove({ clientX: LABEL_PX + 300, button: 0 });
    expect(window()).toBeNull();
    expect(c.endClick()).toBe(false);
  });
});

type Listener = (e: Event) => void;
class FakeTarget {
  readonly listeners = new Map<string, { fn: Listener; passive?: boolean }[]>();
  addEventListener(type: string, fn: Listener, options?: AddEventListenerOptions) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), { fn, passive: options?.passive }]);
  }
  removeEventListener(type: string, fn: Listener) {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn),
    );
  }
  dispatch(type: string, e: object) {
    for (const l of this.listeners.get(type) ?? []) l.fn(e as Event);
  }
  count() {
    return [...this.listeners.values()].reduce((n, l) => n + l.length, 0);
  }
  getBoundingClientRect() {
    return { left: 0 };
  }
}

describe('viewport controller: listeners', () => {
  it('listens passively to the wheel, and non-passively only while Ctrl/⌘ is held', () => {
    const { c, window } = setup();
    const el = new FakeTarget();
    const keys = new FakeTarget();
    const detach = c.attach(el, keys);
    expect(el.listeners.get('wheel')!.map((l) => l.passive)).toEqual([true]);
    keys.dispatch('keydown', { ctrlKey: true, metaKey: false });
    expect(el.listeners.get('wheel')!.map((l) => l.passive)).toEqual([true, false]);
    const e = wheel({ ctrlKey: true, deltaY: -100, clientX: LABEL_PX + 500 });
    el.dispatch('wheel', e);
    expect(e.prevented).toBe(true);
    expect(width(window())).toBeCloseTo(width(fitWindow(axis)) / WHEEL_ZOOM_FACTOR);
    keys.dispatch('keyup', { ctrlKey: false, metaKey: false });
    expect(el.listeners.get('wheel')!.length).toBe(1);
    keys.dispatch('keydown', { ctrlKey: false, metaKey: true });
    keys.dispatch('blur', {});
    expect(el.listeners.get('wheel')!.length).toBe(1);
    detach();
    expect(el.count() + keys.count()).toBe(0);
  });

  it('pans on Shift+wheel through the passive listener', () => {
    const { c, window } = setup();
    const el = new FakeTarget();
    c.attach(el, new FakeTarget());
    el.dispatch('wheel', wheel({ shiftKey: true, deltaY: 50 }));
    expect(window()!.u0).toBeGreaterThan(fitWindow(axis).u0);
  });

  it('uses the axis and width it was last given', () => {
    const { c, window } = setup();
    c.update({ span: 10, cursorU: () => 0 }, 500);
    c.wheelPan(wheel({ shiftKey: true, deltaY: 50 }));
    const f = fitWindow({ span: 10 });
    expect(window()!.u0).toBeCloseTo(f.u0 + (50 / 500) * width(f));
  });
});
