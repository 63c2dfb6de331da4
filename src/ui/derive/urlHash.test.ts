import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './urlHash';

describe('url hash', () => {
  it('round-trips source, seed, crashes, cursor and selection', () => {
    const s = { src: 'example:race-timeout', seed: 7, crashes: [150, 300], cursor: 4, sel: 'c2' };
    expect(parseHash(formatHash(s))).toEqual(s);
  });

  it('drops malformed values instead of throwing', () => {
    expect(parseHash('#seed=abc&cursor=-1&sel=<img>&crash=x,5')).toEqual({ crashes: [5] });
    expect(parseHash('')).toEqual({});
  });
});
