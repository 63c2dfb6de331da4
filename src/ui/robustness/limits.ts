// The limits the browser app enforces, with their numbers, and where the user sets them (the Limits popover, saved
// in localStorage, or `?maxBytes=…&maxEntries=…&timeLimitMs=…&stepsMax=…` in the page address for one visit).
// Pure parsing here (tested in limits.test.ts); the store and storage live in limitsStore.ts.

export interface UiLimits {
  /** Files larger than this are refused from File.size, before a byte is read (reader: checkSizeUpFront). */
  maxBytes: number;
  /** Journals with more entries are refused by the reader (TOO_LARGE / TOO_MANY_ENTRIES). */
  maxEntries: number;
  /** A scenario (simulate or replay) running longer is stopped: its Worker is terminated (TIME_LIMIT). */
  timeLimitMs: number;
  /** Durable operations + events + notifications of one simulation (SIM_STEPS_EXCEEDED). */
  stepsMax: number;
  /** Reading a journal taking longer is stopped (TIME_LIMIT). */
  readTimeLimitMs: number;
}

const MiB = 1024 * 1024;

/** Defaults: the reader's own (1 GiB read as a stream, 1,000,000 entries; src/journal-reader/input.ts) and the engine's. */
export const DEFAULT_UI_LIMITS: UiLimits = {
  maxBytes: 1024 * MiB,
  maxEntries: 1_000_000,
  timeLimitMs: 5_000,
  stepsMax: 200_000,
  readTimeLimitMs: 120_000,
};

/** Accepted range of each limit: a typo must not disable a defence (0, negative, NaN, Infinity are refused). */
export const LIMIT_RANGES: Record<keyof UiLimits, { min: number; max: number; label: string; unit: string }> = {
  maxBytes: { min: 1, max: 2048 * MiB, label: 'Largest file', unit: 'bytes' },
  maxEntries: { min: 1, max: 10_000_000, label: 'Most journal entries', unit: 'entries' },
  timeLimitMs: { min: 100, max: 600_000, label: 'Scenario time limit', unit: 'ms' },
  stepsMax: { min: 1, max: 10_000_000, label: 'Scenario step limit', unit: 'steps' },
  readTimeLimitMs: { min: 1_000, max: 600_000, label: 'Reading time limit', unit: 'ms' },
};

export const LIMIT_KEYS = Object.keys(LIMIT_RANGES) as (keyof UiLimits)[];

/** One limit from untrusted text or JSON: an integer within its range, else undefined (the default stays). */
export function parseLimit(key: keyof UiLimits, value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,13}\s*$/.test(value)
        ? Number(value)
        : NaN;
  const range = LIMIT_RANGES[key];
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) return undefined;
  return n;
}

/** Limits from untrusted JSON (localStorage) or URL parameters; unknown keys and bad values are dropped. */
export function parseLimits(source: unknown): Partial<UiLimits> {
  const out: Partial<UiLimits> = {};
  if (source instanceof URLSearchParams) {
    for (const key of LIMIT_KEYS) {
      const v = parseLimit(key, source.get(key));
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (!source || typeof source !== 'object' || Array.isArray(source)) return out;
  for (const key of LIMIT_KEYS) {
    const v = parseLimit(key, (source as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The limits in effect: defaults, then saved settings, then the page address (most specific wins). */
export function resolveLimits(saved: Partial<UiLimits>, fromUrl: Partial<UiLimits>): UiLimits {
  return { ...DEFAULT_UI_LIMITS, ...saved, ...fromUrl };
}

/** A limit in words, e.g. "256.0 MiB", "1,000,000 entries", "5 s". */
export function describeLimit(key: keyof UiLimits, value: number): string {
  if (key === 'maxBytes') {
    if (value >= MiB) return `${(value / MiB).toFixed(1)} MiB`;
    if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
    return `${value} bytes`;
  }
  if (key === 'timeLimitMs' || key === 'readTimeLimitMs') return `${value / 1000} s`;
  return `${value.toLocaleString('en-US')} ${LIMIT_RANGES[key].unit}`;
}
