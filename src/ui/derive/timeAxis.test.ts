import { describe, expect, it } from 'vitest';
import { buildSegments, buildTimeAxis, fillTimes, formatOffsetMs, timeToU, uToPx, zoomWindow } from './timeAxis';

describe('time axis', () => {
  it('logical mode puts entry i in the middle of its slot and the cursor between slots', () => {
    const axis = buildTimeAxis([0, 10, 20], 'logical', true);
    expect(axis.entryU(1)).toBe(1.5);
    expect(axis.cursorU(2)).toBe(2);
    expect(axis.span).toBe(3);
  });

  it('wall mode compresses a long idle gap but keeps the racing part linear', () => {
    // The real race-timeout sample: Input, then a 285.9 s outage, then 100 ms of racing.
    const times = [0, 285_935, 285_935, 286_035, 286_039];
    const axis = buildTimeAxis(times, 'wall', true);
    expect(axis.segments.filter((s) => s.compressed)).toHaveLength(1);
    const racing = axis.entryU(3) - axis.entryU(2);
    expect(racing).toBeCloseTo(100);
    expect(axis.entryU(2) - axis.entryU(0)).toBeLessThan(racing);
    const linear = buildTimeAxis(times, 'wall', false);
    expect(linear.entryU(2)).toBe(285_935);
  });

  it('fills unknown times from neighbours and maps times monotonically', () => {
    expect(fillTimes([null, 5, null, 9])).toEqual([5, 5, 5, 9]);
    const segs = buildSegments([0, 10, 20, 10_000], true);
    const us = [0, 5, 10, 20, 500, 10_000].map((t) => timeToU(segs, t));
    for (let i = 1; i < us.length; i++) expect(us[i]).toBeGreaterThanOrEqual(us[i - 1]);
  });

  it('zooms around an anchor and maps to pixels', () => {
    const w = zoomWindow({ u0: 0, u1: 100 }, 2, 50);
    expect(w).toEqual({ u0: 25, u1: 75 });
    expect(uToPx(w, 500, 50)).toBe(250);
    expect(formatOffsetMs(1500)).toBe('+1.50 s');
    expect(formatOffsetMs(120)).toBe('+120 ms');
    expect(formatOffsetMs(206_500, 500)).toBe('+3m 26.5s');
  });
});

import { axisTicks, fitWindow, niceStep, uToTime } from './timeAxis';

describe('ticks', () => {
  it('inverts the mapping and picks round steps', () => {
    const axis = buildTimeAxis([0, 285_935, 286_035], 'wall', true);
    expect(uToTime(axis.segments, axis.entryU(2))).toBeCloseTo(286_035);
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(7, 8)).toBe(1);
  });

  it('labels logical ticks with journal indexes and wall ticks with time since the start', () => {
    const logical = buildTimeAxis([0, 1, 2, 3, 4], 'logical', true);
    expect(axisTicks(logical, { u0: 0, u1: 5 }, 5).map((t) => t.label)).toEqual(['#0', '#1', '#2', '#3', '#4', '#5']);
    const wall = buildTimeAxis([0, 50, 100], 'wall', false);
    expect(axisTicks(wall, { u0: 0, u1: 100 }, 5).map((t) => t.label)).toEqual([
      '+0 ms',
      '+20 ms',
      '+40 ms',
      '+60 ms',
      '+80 ms',
      '+100 ms',
    ]);
  });
});

import { visibleGaps } from './timeAxis';

describe('ticks across compressed gaps', () => {
  it('never puts a tick inside a compressed gap and lists the gaps in view', () => {
    const axis = buildTimeAxis([0, 10, 20, 300_000, 300_010, 300_020], 'wall', true);
    const window = fitWindow(axis);
    const ticks = axisTicks(axis, window, 8);
    const gap = axis.segments.find((s) => s.compressed)!;
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t.u <= gap.u0 || t.u >= gap.u1).toBe(true);
    expect(visibleGaps(axis, window)).toEqual([gap]);
    expect(visibleGaps(axis, { u0: gap.u1 + 1, u1: gap.u1 + 5 })).toEqual([]);
  });
});

describe('extra times', () => {
  it('keeps attempt times after the last entry on the axis', () => {
    const axis = buildTimeAxis([0, 2, 4], 'wall', false, [4, 50, 120]);
    expect(axis.span).toBe(120);
    expect(axis.timeU(120)).toBe(120);
    expect(axis.entryU(2)).toBe(4);
  });
});

describe('time axis cache (issue 6)', () => {
  it('builds an axis once per times array and settings', () => {
    const times = [0, 10, 20, 5000, 5010];
    const a = buildTimeAxis(times, 'wall', true);
    expect(buildTimeAxis(times, 'wall', true)).toBe(a);
    expect(buildTimeAxis(times, 'wall', false)).not.toBe(a);
    expect(buildTimeAxis([...times], 'wall', true)).not.toBe(a);
    expect(buildTimeAxis([...times], 'wall', true).entryU(4)).toBe(a.entryU(4));
  });
});
