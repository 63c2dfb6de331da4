// A call's invocation-id future is part of the call's lane (issue 12 item 4), on real Restate 1.7.12 captures:
// all-calls (three Calls: c1/c2, c3/c4, c5/c6), send-attach (a OneWayCall's c1 is the send's own future).
import { describe, expect, it } from 'vitest';
import { deriveFutures, readJournalFiles } from '../../journal-reader';
import { CAPTURES_DIR, queryFiles } from '../../journal-reader/test-files';
import type { Journal } from '../../model';
import { buildGraphModel } from './graphModel';
import { invocationIdKnownAt, laneIndexOf, layoutLanes } from './lanes';
import { buildRunModel } from './runModel';
import { statusSentence } from './status';
import { buildSteps } from './steps';
import { buildTimeAxis } from './timeAxis';

function capture(name: string): Journal {
  return readJournalFiles(queryFiles(`${CAPTURES_DIR}${name}`)).journals[0];
}

function modelOf(journal: Journal) {
  return buildRunModel({ journal, futures: deriveFutures(journal), decisions: [], mismatch: null });
}

function statusAt(journal: Journal, cursor: number): string {
  const model = modelOf(journal);
  return statusSentence({
    cursor,
    total: journal.entries.length,
    entry: journal.entries[cursor - 1],
    decisions: [],
    futuresById: model.futuresById,
    attemptsEnded: [],
    mismatch: null,
    mismatchCursor: null,
    callOfInvocationId: model.callOfInvocationId,
  });
}

describe('a call and its invocation id are one lane (all-calls capture)', () => {
  const journal = capture('all-calls');
  const model = modelOf(journal);

  it('keeps every summary id, but gives only the calls a lane', () => {
    expect(model.futures.map((f) => `${f.id}:${f.kind}`)).toEqual([
      'c1:CallInvocationId',
      'c2:Call',
      'c3:CallInvocationId',
      'c4:Call',
      'c5:CallInvocationId',
      'c6:Call',
    ]);
    expect(model.laneFutures.map((f) => f.id)).toEqual(['c2', 'c4', 'c6']);
    expect([...model.callOfInvocationId]).toEqual([
      ['c1', 'c2'],
      ['c3', 'c4'],
      ['c5', 'c6'],
    ]);
    expect(model.futuresById.get('c1')?.kind).toBe('CallInvocationId');
    expect(model.lanesHeightPx).toBe(3 * 28);
  });

  it('puts a marker on the call lane where the callee id arrived, known only from that step on', () => {
    const axis = buildTimeAxis(model.times, 'logical', false);
    const lanes = layoutLanes(model.laneFutures, axis, model.markerOfCall);
    const first = lanes[0];
    expect(first.invocationId?.future.id).toBe('c1');
    expect(first.invocationId?.calleeId).toMatch(/^inv_/);
    expect(first.invocationId?.u).toBe(axis.entryU(2));
    expect(invocationIdKnownAt(first, 2)).toBe(false);
    expect(invocationIdKnownAt(first, 3)).toBe(true);
    // The invocation id's summary id finds its call's lane (selection, scrolling).
    expect(laneIndexOf(lanes, 'c3')).toBe(1);
  });

  it('says the callee id is known, not that the call completed', () => {
    const s = statusAt(journal, 3);
    expect(s).toBe('Step 3 of 11: Worker/slow (c2): callee invocation id known (c1)');
    expect(s).not.toContain('completed');
    expect(statusAt(journal, 8)).toBe('Step 8 of 11: Worker/slow (c4) completed');
  });

  it('draws a decision over an invocation id on its call node, not a node of its own', () => {
    const steps = buildSteps(journal, [
      {
        combinator: 'all',
        futures: ['c1', 'c2', 'c4'],
        completed: ['c1', 'c2', 'c4'],
        pending: [],
        entryIndex: 9,
        attempt: 1,
      },
    ]);
    const g = buildGraphModel(steps, model.futuresById, 0, model.callOfInvocationId);
    expect(g.nodes.filter((n) => n.type === 'future').map((n) => n.id)).toEqual(['f:c2', 'f:c4']);
    expect(g.edges.filter((e) => e.target === 'd:0').map((e) => `${e.id} ${e.source}`)).toEqual([
      'e:c1->0 f:c2',
      'e:c2->0 f:c2',
      'e:c4->0 f:c4',
    ]);
  });
});

describe('a send keeps its invocation-id future as its own lane (send-attach capture)', () => {
  it('has a lane for the OneWayCall c1 and the attach c2', () => {
    const journal = capture('send-attach');
    const model = modelOf(journal);
    expect(model.laneFutures.map((f) => `${f.id}:${f.kind}`)).toEqual(['c1:CallInvocationId', 'c2:AttachInvocation']);
    expect(model.markerOfCall.size).toBe(0);
    expect(statusAt(journal, 3)).toMatch(/\(c1\) completed$/);
  });
});
