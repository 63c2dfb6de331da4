// Time axis: maps journal positions to axis units, either logical (journal index) or wall-clock (appended_at, ms),
// with long idle gaps compressed so that a 4-minute outage does not squash 100 ms of racing into one pixel.
export type AxisMode = 'logical' | 'wall';

/** A piece of the piecewise-linear wall-clock mapping. Compressed pieces are drawn with a break marker. */
export interface AxisSegment {
  t0: number;
  t1: number;
  u0: number;
  u1: number;
  compressed: boolean;
}

export interface TimeAxis {
  mode: AxisMode;
  /** Axis units spanned, from 0. */
  span: number;
  /** Position of entry i (its command or notification) in axis units. */
  entryU(i: number): number;
  /** Position of the cursor (after `cursor` entries appended). */
  cursorU(cursor: number): number;
  /** Wall mode: the mapping, to draw gap markers and tick labels. Empty in logical mode. */
  segments: AxisSegment[];
  /** Wall mode: time (ms) of the first entry, for tick labels relative to the start. */
  originMs: number;
  /** Wall mode: position of a time in the journal's clock (attempt starts/ends); null in logical mode. */
  timeU(ms: number): number | null;
  /** The compressed segments only, in order (for drawing gap markers without scanning every segment). */
  gaps: AxisSegment[];
}

/** Times per entry with unknowns filled from the previous known time (or the next, at the start). */
export function fillTimes(times: readonly (number | null)[]): number[] {
  const out: number[] = new Array(times.length);
  let last: number | null = null;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t !== null && Number.isFinite(t)) last = t;
    out[i] = last ?? NaN;
  }
  const firstKnown = out.find((t) => !Number.isNaN(t)) ?? 0;
  for (let i = 0; i < out.length && Number.isNaN(out[i]); i++) out[i] = firstKnown;
  return out;
}

/**
 * Compress idle gaps: a gap between consecutive distinct times longer than both 10× the median gap and 5% of the
 * total span becomes 10% of the active (uncompressed) span wide. With `compress` false the mapping is linear.
 */
export function buildSegments(sortedTimes: readonly number[], compress: boolean): AxisSegment[] {
  // Entry times are almost always already in order (appended_at grows): check in one pass, sort only when not, and
  // then as a typed array (numeric, no comparator). Issue 6: 100,000 entries.
  const sorted = Float64Array.from(sortedTimes);
  let inOrder = true;
  for (let i = 1; i < sorted.length && inOrder; i++) inOrder = sorted[i - 1] <= sorted[i];
  if (!inOrder) sorted.sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++)
    if (count === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
  const distinct = sorted.subarray(0, count);
  if (distinct.length < 2)
    return [{ t0: distinct[0] ?? 0, t1: (distinct[0] ?? 0) + 1, u0: 0, u1: 1, compressed: false }];
  const deltas = new Float64Array(distinct.length - 1);
  for (let i = 0; i < deltas.length; i++) deltas[i] = distinct[i + 1] - distinct[i];
  const total = distinct[distinct.length - 1] - distinct[0];
  const median = Float64Array.from(deltas).sort()[Math.floor(deltas.length / 2)];
  const threshold = Math.max(median * 10, total * 0.05);
  const isGap = Array.from(deltas, (d) => compress && d > threshold && deltas.length > 1);
  let active = 0;
  for (let i = 0; i < deltas.length; i++) if (!isGap[i]) active += deltas[i];
  const gapWidth = Math.max(1, active * 0.1);
  const segments: AxisSegment[] = [];
  let u = 0;
  for (let i = 0; i < deltas.length; i++) {
    const width = isGap[i] ? gapWidth : deltas[i];
    segments.push({ t0: distinct[i], t1: distinct[i + 1], u0: u, u1: u + width, compressed: isGap[i] });
    u += width;
  }
  return segments;
}

export function timeToU(segments: readonly AxisSegment[], t: number): number {
  if (!segments.length) return 0;
  if (t <= segments[0].t0) return segments[0].u0;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].t1 < t) lo = mid + 1;
    else hi = mid;
  }
  const s = segments[lo];
  if (t >= s.t1) return s.u1;
  return s.u0 + ((t - s.t0) / (s.t1 - s.t0 || 1)) * (s.u1 - s.u0);
}

/** Axes built for a `times` array, by mode, compression and extra times: switching back is free, and an axis built
 *  ahead of time (engine/prepare.ts, in its own task) is not built again in the first render (issue 6). */
const axisCache = new WeakMap<readonly (number | null)[], Map<string, TimeAxis>>();

/** `extraMs`: other times to keep on the axis (a simulated run's attempt starts and ends, after the last entry). */
export function buildTimeAxis(
  times: readonly (number | null)[],
  mode: AxisMode,
  compressGaps: boolean,
  extraMs: readonly number[] = [],
): TimeAxis {
  const key = `${mode}|${compressGaps}|${extraMs.join(',')}`;
  let byKey = axisCache.get(times);
  if (!byKey) axisCache.set(times, (byKey = new Map()));
  let axis = byKey.get(key);
  if (!axis) byKey.set(key, (axis = computeTimeAxis(times, mode, compressGaps, extraMs)));
  return axis;
}

function computeTimeAxis(
  times: readonly (number | null)[],
  mode: AxisMode,
  compressGaps: boolean,
  extraMs: readonly number[],
): TimeAxis {
  const n = times.length;
  const hasTimes = times.some((t) => t !== null);
  if (mode === 'logical' || !hasTimes) {
    // Entry i sits in the middle of [i, i+1]; the cursor after k entries sits at k (everything left of it happened).
    return {
      mode: 'logical',
      span: Math.max(1, n),
      entryU: (i) => i + 0.5,
      cursorU: (k) => k,
      segments: [],
      originMs: 0,
      timeU: () => null,
      gaps: [],
    };
  }
  const filled = fillTimes(times);
  const segments = buildSegments(
    extraMs.length ? [...filled, ...extraMs.filter(Number.isFinite)] : filled,
    compressGaps,
  );
  const us = filled.map((t) => timeToU(segments, t));
  const span = Math.max(segments[segments.length - 1].u1, 1e-9);
  return {
    mode: 'wall',
    span,
    entryU: (i) => us[Math.max(0, Math.min(n - 1, i))] ?? 0,
    cursorU: (k) => (k <= 0 ? 0 : (us[Math.min(n, k) - 1] ?? 0)),
    segments,
    originMs: filled[0] ?? 0,
    timeU: (ms) => timeToU(segments, ms),
    gaps: segments.filter((seg) => seg.compressed),
  };
}

/** The visible window of the axis, in axis units. */
export interface ViewWindow {
  u0: number;
  u1: number;
}

export function fitWindow(axis: Pick<TimeAxis, 'span'>): ViewWindow {
  // More room on the right: open-ended pending bars and the "won" badges live there.
  return { u0: -axis.span * 0.02, u1: axis.span * 1.1 };
}

/** Zoom around an anchor (axis units) by `factor` (>1 zooms in). Never narrower than a tiny width. */
export function zoomWindow(w: ViewWindow, factor: number, anchorU: number): ViewWindow {
  const width = Math.max((w.u1 - w.u0) / factor, 1e-6);
  const ratio = (anchorU - w.u0) / (w.u1 - w.u0 || 1);
  const u0 = anchorU - ratio * width;
  return { u0, u1: u0 + width };
}

export function panWindow(w: ViewWindow, deltaU: number): ViewWindow {
  return { u0: w.u0 + deltaU, u1: w.u1 + deltaU };
}

export function uToPx(w: ViewWindow, widthPx: number, u: number): number {
  return ((u - w.u0) / (w.u1 - w.u0 || 1)) * widthPx;
}

/** Human tick label: `+1.25 s`, `+120 ms`, `+3m 26.5s`; `stepMs` (the tick spacing) sets the precision. */
export function formatOffsetMs(ms: number, stepMs = 1000): string {
  const abs = Math.abs(ms);
  if (abs >= 60_000) {
    const minutes = Math.floor(ms / 60_000);
    const seconds = (ms - minutes * 60_000) / 1000;
    return `+${minutes}m ${seconds.toFixed(stepMs < 1000 ? (stepMs < 100 ? 2 : 1) : 0)}s`;
  }
  if (abs >= 1000) return `+${(ms / 1000).toFixed(abs >= 10_000 ? 0 : 2)} s`;
  return `+${Math.round(ms)} ms`;
}

/** Index of the segment holding `value` of `key` (binary search; segments are sorted and contiguous). */
function segmentIndex(segments: readonly AxisSegment[], value: number, key: 'u' | 't'): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((key === 'u' ? segments[mid].u1 : segments[mid].t1) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inverse of timeToU (wall mode). */
export function uToTime(segments: readonly AxisSegment[], u: number): number {
  if (!segments.length) return u;
  if (u <= segments[0].u0) return segments[0].t0 - (segments[0].u0 - u);
  const last = segments[segments.length - 1];
  if (u >= last.u1) return last.t1 + (u - last.u1);
  const s = segments[segmentIndex(segments, u, 'u')];
  return s.t0 + ((u - s.u0) / (s.u1 - s.u0 || 1)) * (s.t1 - s.t0);
}

/** A round step (1, 2, 5 × 10^k) giving about `count` ticks over `range`. */
export function niceStep(range: number, count: number): number {
  const raw = Math.max(range / Math.max(1, count), 1e-9);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * pow;
}

export interface Tick {
  u: number;
  label: string;
}

/** Ticks for the visible window: journal indexes (logical) or time since the first entry (wall, skipping gaps). */
export function axisTicks(axis: TimeAxis, w: ViewWindow, count: number): Tick[] {
  if (axis.mode === 'logical') {
    const step = Math.max(1, niceStep(w.u1 - w.u0, count));
    const ticks: Tick[] = [];
    for (let i = Math.max(0, Math.ceil(w.u0 / step) * step); i <= w.u1 && ticks.length < 200; i += step)
      ticks.push({ u: i, label: `#${i}` });
    return ticks;
  }
  // Uncompressed segments have slope 1 (1 unit = 1 ms), so a round step in units is a round step in ms.
  // Ticks inside compressed gaps are skipped by jumping over the gap; every loop is bounded (200 ticks, 1000 turns).
  const ticks: Tick[] = [];
  const step = niceStep(w.u1 - w.u0, count);
  const t1 = uToTime(axis.segments, w.u1);
  let t = Math.ceil((uToTime(axis.segments, w.u0) - axis.originMs) / step) * step + axis.originMs;
  for (let turns = 0; t <= t1 && ticks.length < 200 && turns < 1000; turns++) {
    const seg = axis.segments[segmentIndex(axis.segments, t, 't')];
    if (seg && seg.compressed && t > seg.t0 && t < seg.t1) {
      t = Math.ceil((seg.t1 - axis.originMs) / step) * step + axis.originMs;
      continue;
    }
    ticks.push({ u: timeToU(axis.segments, t), label: formatOffsetMs(t - axis.originMs, step) });
    t += step;
  }
  // Drop ticks that would overlap (segments can produce neighbours closer than a label).
  const minGap = (w.u1 - w.u0) / (count * 1.6);
  return ticks.filter((t, i, all) => i === 0 || t.u - all[i - 1].u >= minGap);
}

/** `3.4 min`, `1.2 s`, `80 ms`: a duration in words for gaps and tooltips. */
export function formatDuration(ms: number): string {
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

/** Compressed gaps visible in the window (at most `max`, so a journal with thousands of gaps draws a bounded DOM). */
export function visibleGaps(axis: Pick<TimeAxis, 'gaps'>, w: ViewWindow, max = 100): AxisSegment[] {
  const out: AxisSegment[] = [];
  let lo = 0;
  let hi = axis.gaps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (axis.gaps[mid].u1 < w.u0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < axis.gaps.length && out.length < max && axis.gaps[i].u0 <= w.u1; i++) out.push(axis.gaps[i]);
  return out;
}
