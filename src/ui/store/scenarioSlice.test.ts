import { describe, expect, it } from 'vitest';
import { parseCancelAt, parseCrashList } from './scenarioSlice';

describe('parseCrashList', () => {
  it('reads comma or space separated times and ignores junk', () => {
    expect(parseCrashList('150, 300ms x -5 42')).toEqual([150, 300, 42]);
    expect(parseCrashList('')).toEqual([]);
  });
});

describe('parseCancelAt', () => {
  it('reads one time in ms; empty or junk means the scenario default (null)', () => {
    expect(parseCancelAt(' 40ms ')).toBe(40);
    expect(parseCancelAt('0')).toBe(0);
    expect(parseCancelAt('')).toBeNull();
    expect(parseCancelAt('-5')).toBeNull();
    expect(parseCancelAt('1e3')).toBeNull();
  });
});
