import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './urlHash';

describe('url hash', () => {
  it('round-trips source, seed, crashes, cursor and selection', () => {
    const s = { src: 'example:race-timeout', seed: 7, crashes: [150, 300], cursor: 4, sel: 'c2' };
    expect(parseHash(formatHash(s))).toEqual(s);
  });

  it('round-trips a cancellation time, and drops a malformed one', () => {
    const s = { src: 'example:cancel-from-outside', seed: 1, cancel: 40, cursor: 6 };
    expect(formatHash(s)).toBe('#src=example%3Acancel-from-outside&seed=1&cancel=40&cursor=6');
    expect(parseHash(formatHash(s))).toEqual(s);
    expect(parseHash('#cancel=-4')).toEqual({});
    expect(parseHash('#cancel=4e2')).toEqual({});
  });

  it('drops malformed values instead of throwing', () => {
    expect(parseHash('#seed=abc&cursor=-1&sel=<img>&crash=x,5')).toEqual({ crashes: [5] });
    expect(parseHash('')).toEqual({});
  });
});
