import { describe, expect, it } from 'vitest';
import { errorMarkOf } from './errorMark';

const error = (origin: string, line?: number) => ({
  code: 'SCENARIO_ERROR',
  origin,
  message: 'boom',
  location: line === undefined ? {} : { line, column: 3 },
});

describe('errorMarkOf', () => {
  it('marks the line of an error from the editor’s own code only', () => {
    expect(errorMarkOf(error('scenario', 4), 'scenario')).toEqual({
      line: 4,
      column: 3,
      message: 'SCENARIO_ERROR: boom',
    });
    expect(errorMarkOf(error('sdk', 4), 'scenario')).toBeNull();
    expect(errorMarkOf(error('sdk', 2), 'sdk')?.line).toBe(2);
    expect(errorMarkOf(error('scenario'), 'scenario')).toBeNull();
    expect(errorMarkOf(null, 'sdk')).toBeNull();
  });
});
