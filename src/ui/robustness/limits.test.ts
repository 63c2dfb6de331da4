import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_LIMITS, describeLimit, parseLimit, parseLimits, resolveLimits } from './limits';

describe('UI limits', () => {
  it('defaults say their numbers: 1024 MiB (read as a stream), 1,000,000 entries, 5 s, 200,000 steps, 120 s', () => {
    expect(describeLimit('maxBytes', DEFAULT_UI_LIMITS.maxBytes)).toBe('1024.0 MiB');
    expect(describeLimit('maxEntries', DEFAULT_UI_LIMITS.maxEntries)).toBe('1,000,000 entries');
    expect(describeLimit('timeLimitMs', DEFAULT_UI_LIMITS.timeLimitMs)).toBe('5 s');
    expect(describeLimit('stepsMax', DEFAULT_UI_LIMITS.stepsMax)).toBe('200,000 steps');
    expect(describeLimit('readTimeLimitMs', DEFAULT_UI_LIMITS.readTimeLimitMs)).toBe('120 s');
    expect(describeLimit('maxBytes', 2048)).toBe('2.0 KiB');
  });

  it('a value that would disable a defence is refused (0, negative, NaN, Infinity, fractions, huge, text)', () => {
    for (const bad of [0, -1, NaN, Infinity, 1.5, 1e300, '12abc', '', null, {}, '1e9']) {
      expect(parseLimit('timeLimitMs', bad)).toBeUndefined();
    }
    expect(parseLimit('timeLimitMs', 50)).toBeUndefined();
    expect(parseLimit('timeLimitMs', '2000')).toBe(2000);
    expect(parseLimit('maxBytes', 1024)).toBe(1024);
  });

  it('limits from untrusted JSON keep only known keys with valid values', () => {
    expect(parseLimits({ maxBytes: 4096, stepsMax: -5, __proto__: { x: 1 }, evil: '<img>' })).toEqual({
      maxBytes: 4096,
    });
    expect(parseLimits([1, 2])).toEqual({});
    expect(parseLimits('maxBytes=1')).toEqual({});
    expect(parseLimits(null)).toEqual({});
  });

  it('URL parameters override saved settings, which override defaults', () => {
    const url = parseLimits(new URLSearchParams('?timeLimitMs=2000&maxBytes=oops'));
    expect(url).toEqual({ timeLimitMs: 2000 });
    const limits = resolveLimits({ timeLimitMs: 9000, maxBytes: 1000 }, url);
    expect(limits).toEqual({ ...DEFAULT_UI_LIMITS, timeLimitMs: 2000, maxBytes: 1000 });
  });
});
