import { describe, expect, it } from 'vitest';
import { deriveFutures, readJournalFiles } from '../../journal-reader';
import { CAPTURES_DIR, queryFiles } from '../../journal-reader/test-files';
import type { Journal } from '../../model';
import { cmd, raceDecision, raceFutures, raceJournal } from './fixtures.test-helpers';
import { invocationIdText, layoutLanes } from './lanes';
import { laneView, laneViewAt } from './laneView';
import { buildRunModel } from './runModel';
import { buildTimeAxis } from './timeAxis';

function raceModel(journal: Journal = raceJournal()) {
  return buildRunModel({ journal, futures: raceFutures(), decisions: [raceDecision()], mismatch: null });
}

describe('laneView: every lane row at a cursor', () => {
  const model = raceModel();
  const axis = buildTimeAxis(model.times, 'logical', false);

  it('gives each lane its label, state, bar extent and, at the deciding step, winner and loser', () => {
    const [run, sleep] = laneView(model, 4, axis);
    expect(run).toMatchObject({
      id: 'c1',
      label: 'Run fetch-a (c1)',
      state: 'pending',
      stateText: 'pending',
      startU: axis.entryU(1),
      endU: null,
      cursorU: axis.cursorU(4),
      role: 'loser',
      candidate: true,
      dim: false,
    });
    expect(sleep).toMatchObject({
      id: 'c2',
      state: 'completed-success',
      stateText: 'completed',
      startU: axis.entryU(2),
      endU: axis.entryU(3),
      // Only pending bars reach the cursor.
      cursorU: 0,
      role: 'winner',
      candidate: true,
    });
  });

  it('keeps the roles after the deciding step but no longer marks the candidates', () => {
    const [run, sleep] = laneView(model, 5, axis);
    expect([run.role, sleep.role]).toEqual(['loser', 'winner']);
    expect([run.candidate, sleep.candidate]).toEqual([false, false]);
  });

  it('has no roles before the decision and lanes not yet started are not started', () => {
    const [run, sleep] = laneView(model, 2, axis);
    expect([run.state, sleep.state]).toEqual(['pending', 'not-started']);
    expect([run.role, sleep.role]).toEqual([null, null]);
    expect(laneView(model, 0, axis).map((r) => r.state)).toEqual(['not-started', 'not-started']);
  });

  it('draws a transient error on its command as a tick once recorded, and the future as retrying', () => {
    const journal: Journal = {
      ...raceJournal(),
      events: [{ type: 'TransientError', afterEntryIndex: 2, relatedCommandIndex: 1 } as Journal['events'][number]],
    };
    const m = buildRunModel({ journal, futures: raceFutures(), decisions: [], mismatch: null });
    const a = buildTimeAxis(m.times, 'logical', false);
    expect(laneView(m, 2, a)[0]).toMatchObject({ state: 'pending', transientU: [] });
    expect(laneView(m, 3, a)[0]).toMatchObject({ state: 'transient-retrying', transientU: [a.cursorU(3)] });
  });

  it('builds the same rows lazily (the screen asks only for the lanes in view)', () => {
    for (const cursor of [0, 2, 4, 5]) {
      const view = laneViewAt(model, cursor, axis);
      expect(view.lanes.map((_, i) => view.rowAt(i))).toEqual(laneView(model, cursor, axis));
    }
  });

  it('is a pure function: the same input gives equal rows', () => {
    expect(JSON.stringify(laneView(raceModel(), 4, axis))).toBe(JSON.stringify(laneView(raceModel(), 4, axis)));
  });

  it('uses the wall-clock axis it is given', () => {
    const wall = buildTimeAxis(model.times, 'wall', false);
    const lanes = layoutLanes(model.laneFutures, wall, model.markerOfCall);
    expect(laneView(model, 4, wall).map((r) => [r.startU, r.endU])).toEqual(lanes.map((l) => [l.startU, l.endU]));
  });
});

describe('laneView: a call and its invocation id (all-calls capture)', () => {
  const journal = readJournalFiles(queryFiles(`${CAPTURES_DIR}all-calls`)).journals[0];
  const futures = deriveFutures(journal);
  const model = buildRunModel({ journal, futures, decisions: [], mismatch: null });
  const axis = buildTimeAxis(model.times, 'logical', false);

  it('puts the callee id marker on the call lane from the step its notification is appended', () => {
    const before = laneView(model, 2, axis)[0];
    expect(before.id).toBe('c2');
    expect(before.invocationIdFutureId).toBe('c1');
    expect(before.marker).toBeUndefined();
    const after = laneView(model, 3, axis)[0];
    const lane = layoutLanes(model.laneFutures, axis, model.markerOfCall)[0];
    expect(after.marker).toEqual({ u: axis.entryU(2), title: invocationIdText(lane.invocationId!) });
  });

  it('gives the call lane a role when the decision is over its invocation id', () => {
    const steps = buildRunModel({
      journal,
      futures,
      decisions: [
        {
          combinator: 'race',
          futures: ['c1', 'c3'],
          completed: ['c1'],
          pending: ['c3'],
          winner: 'c1',
          entryIndex: 2,
          attempt: 1,
        },
      ],
      mismatch: null,
    });
    const cursor = steps.steps.decisionCursors[0];
    const rows = laneView(steps, cursor, axis);
    expect(rows.map((r) => [r.id, r.role, r.candidate])).toEqual([
      ['c2', 'winner', true],
      ['c4', 'loser', true],
      ['c6', null, false],
    ]);
    // c6 has not started at this step: nothing to dim yet.
    expect([rows[2].state, rows[2].dim]).toEqual(['not-started', false]);
    const later = laneView(steps, journal.entries.length, axis)[2];
    expect(later.state).not.toBe('not-started');
  });
});

// A journal whose only command has no future: no lanes, no rows.
describe('laneView: no futures', () => {
  it('has no rows', () => {
    const journal: Journal = { ...raceJournal(), entries: [cmd(0, 0, 'Input', '', [], 0)] };
    const model = buildRunModel({ journal, futures: [], decisions: [], mismatch: null });
    expect(laneView(model, 1, buildTimeAxis(model.times, 'logical', false))).toEqual([]);
  });
});
