import { describe, expect, it } from 'vitest';
import type { Journal } from '../../model';
import { buildRunModel, mismatchCursorOf, withDisplayNames } from './runModel';
import { cmd, raceDecision, raceFutures, raceJournal } from './fixtures.test-helpers';

describe('run model', () => {
  it('names an unnamed call by its target, and keeps user-given names', () => {
    const j: Journal = {
      ...raceJournal(),
      entries: [
        cmd(0, 0, 'Input', '', [], 0),
        {
          ...cmd(1, 1, 'Call', '', [1, 2], 0),
          target: { service: 'OpenAI', handler: 'complete' },
        } as Journal['entries'][number],
      ],
    };
    const call = { ...raceFutures()[1], id: 'c2', kind: 'Call', name: '', entryIndex: 1 };
    expect(withDisplayNames([call, raceFutures()[0]], j).map((f) => f.name)).toEqual(['OpenAI/complete', 'fetch-a']);
  });

  it('names an awakeable by the name on its signal notification', () => {
    const j = raceJournal();
    j.entries[3] = {
      kind: 'notification',
      index: 3,
      type: 'Signal',
      name: 'manager-approval',
      signalIndex: 17,
      appendedAtMs: 5,
      result: { kind: 'void' },
    };
    const awakeable = {
      id: 's17',
      signalIndex: 17,
      commandIndex: null,
      entryIndex: 3,
      kind: 'Awakeable',
      name: '',
      startMs: 5,
      endMs: 5,
      completionEntryIndex: 3,
      result: 'void' as const,
    };
    expect(withDisplayNames([awakeable], j)[0].name).toBe('manager-approval');
  });

  it('puts a mismatch at the step of its recorded command, or at the end when the code added commands', () => {
    const mismatch = { code: 570 as const, commandIndex: 2, expected: 'Sleep', actual: 'Run', message: '' };
    expect(mismatchCursorOf(raceJournal(), mismatch)).toBe(3);
    expect(mismatchCursorOf(raceJournal(), { ...mismatch, commandIndex: 9 })).toBe(5);
    expect(mismatchCursorOf(raceJournal(), null)).toBeNull();
  });

  it('orders lanes by creation and sums their heights', () => {
    const model = buildRunModel({
      journal: raceJournal(),
      futures: [...raceFutures()].reverse(),
      decisions: [raceDecision()],
      mismatch: null,
    });
    expect(model.futures.map((f) => f.id)).toEqual(['c1', 'c2']);
    expect(model.lanesHeightPx).toBe(56);
    expect(model.steps.decisionCursors).toEqual([4]);
  });
});

describe('run model cache (issue 6: built once, ahead of the first render)', () => {
  it('returns the same model for the same inputs, and a new one when an input changes', () => {
    const run = { journal: raceJournal(), futures: raceFutures(), decisions: [raceDecision()], mismatch: null };
    const first = buildRunModel(run);
    expect(buildRunModel({ ...run })).toBe(first);
    expect(buildRunModel({ ...run, decisions: [] })).not.toBe(first);
  });
});
