// Tiny journals for the derive tests: the race-timeout shape of the real sample (Run vs Sleep, the sleep wins).
import type { Decision, Entry, Future, Journal } from '../../model';

export function cmd(
  index: number,
  commandIndex: number,
  type: string,
  name: string,
  completionIds: number[],
  at: number | null,
): Entry {
  return { kind: 'command', index, commandIndex, type, name, completionIds, appendedAtMs: at };
}

export function note(index: number, completionId: number, at: number | null, failed = false): Entry {
  return {
    kind: 'notification',
    index,
    type: 'Run',
    name: '',
    completionId,
    appendedAtMs: at,
    result: failed ? { kind: 'failure', failure: { code: 500, message: 'boom' } } : { kind: 'void' },
  };
}

export function raceJournal(): Journal {
  return {
    invocationId: 'inv_test',
    target: 'Fanout/race',
    status: 'completed',
    version: 2,
    events: [],
    entries: [
      cmd(0, 0, 'Input', '', [], 0),
      cmd(1, 1, 'Run', 'fetch-a', [1], 0),
      cmd(2, 2, 'Sleep', '', [2], 0),
      note(3, 2, 100),
      cmd(4, 3, 'Output', '', [], 104),
    ],
  };
}

export function raceFutures(): Future[] {
  return [
    {
      id: 'c1',
      completionId: 1,
      commandIndex: 1,
      entryIndex: 1,
      kind: 'Run',
      name: 'fetch-a',
      startMs: 0,
      endMs: null,
      completionEntryIndex: null,
      result: 'pending',
    },
    {
      id: 'c2',
      completionId: 2,
      commandIndex: 2,
      entryIndex: 2,
      kind: 'Sleep',
      name: '',
      startMs: 0,
      endMs: 100,
      completionEntryIndex: 3,
      result: 'void',
    },
  ];
}

export function raceDecision(attempt = 1): Decision {
  return {
    combinator: 'race',
    futures: ['c1', 'c2'],
    completed: ['c2'],
    pending: ['c1'],
    winner: 'c2',
    entryIndex: 3,
    attempt,
  };
}
