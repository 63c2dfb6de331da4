import { describe, expect, it } from 'vitest';
import { parseCrashList } from './scenarioSlice';

describe('parseCrashList', () => {
  it('reads comma or space separated times and ignores junk', () => {
    expect(parseCrashList('150, 300ms x -5 42')).toEqual([150, 300, 42]);
    expect(parseCrashList('')).toEqual([]);
  });
});
