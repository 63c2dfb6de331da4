import { describe, expect, it } from 'vitest';
import { futureFailure, futureStateAt, indexTransientErrors, transientCountAt } from './futureState';
import { note, raceFutures, raceJournal } from './fixtures.test-helpers';

describe('futureStateAt', () => {
  const [run, sleep] = raceFutures();
  const none = indexTransientErrors([]);

  it('walks not-started → pending → completed as entries are appended', () => {
    expect(futureStateAt(sleep, 2, none)).toBe('not-started');
    expect(futureStateAt(sleep, 3, none)).toBe('pending');
    expect(futureStateAt(sleep, 4, none)).toBe('completed-success');
    expect(futureStateAt(run, 5, none)).toBe('pending');
  });

  it('marks a failed completion as terminal and a run with a transient error as retrying', () => {
    expect(futureStateAt({ ...sleep, result: 'failure' }, 4, none)).toBe('failed-terminal');
    const transient = indexTransientErrors([
      {
        type: 'TransientError',
        afterEntryIndex: 3,
        appendedAtMs: null,
        code: 500,
        message: 't',
        relatedCommandIndex: 1,
      },
    ]);
    expect(futureStateAt(run, 3, transient)).toBe('pending');
    expect(futureStateAt(run, 4, transient)).toBe('transient-retrying');
    expect(transientCountAt(run, 5, transient)).toBe(1);
  });

  it('reads the failure from the completing notification', () => {
    const j = raceJournal();
    j.entries[3] = note(3, 2, 100, true);
    expect(futureFailure(sleep, j)).toEqual({ code: 500, message: 'boom' });
    expect(futureFailure(run, j)).toBeNull();
  });
});
