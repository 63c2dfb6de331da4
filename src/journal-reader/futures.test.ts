import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Future, Journal } from '../model';
import { notificationFutureId } from '../model/future-ids';
import { completionOrder, deriveFutures, summarize } from './index';

const cmd = (
  index: number,
  commandIndex: number,
  type: string,
  completionIds: number[],
  at: number | null = index * 10,
  name = '',
): Entry => ({ kind: 'command', index, commandIndex, type, name, completionIds, appendedAtMs: at });
const note = (
  index: number,
  id: { completionId?: number; signalIndex?: number; signalName?: string },
  kind: 'void' | 'success' | 'failure' = 'void',
  type = 'Sleep',
): Entry => ({
  kind: 'notification',
  index,
  type,
  name: '',
  appendedAtMs: index * 10,
  ...id,
  result: kind === 'failure' ? { kind, failure: { code: 500, message: 'x' } } : { kind },
});

function journal(entries: Entry[], extra: Partial<Journal> = {}): Journal {
  return { invocationId: 'inv_test', target: null, status: null, version: 2, entries, events: [], ...extra };
}

describe('deriveFutures', () => {
  const j = journal([
    cmd(0, 0, 'Input', []),
    cmd(1, 1, 'Call', [1, 2], 10, 'pay'),
    note(2, { completionId: 1 }, 'void', 'CallInvocationId'),
    cmd(3, 2, 'Sleep', [3]),
    note(4, { signalIndex: 17 }, 'success', 'Signal'),
    note(5, { signalIndex: 1 }, 'void', 'Signal'),
    note(6, { signalIndex: 5 }, 'void', 'Signal'),
    note(7, { signalName: 'go' }, 'success', 'Signal'),
    note(8, { completionId: 3 }),
    note(9, { completionId: 3 }, 'failure'),
    cmd(10, 3, 'OneWayCall', [4]),
    note(11, { completionId: 9 }, 'success', 'Run'),
  ]);

  it('lists a future per completion id and per signal, in order of first appearance', () => {
    expect(deriveFutures(j).map((f) => [f.id, f.kind, f.commandIndex, f.entryIndex, f.result])).toEqual([
      ['c1', 'CallInvocationId', 1, 1, 'void'],
      ['c2', 'Call', 1, 1, 'pending'],
      ['c3', 'Sleep', 2, 3, 'void'],
      ['s17', 'Awakeable', null, 4, 'success'],
      ['s1', 'Cancel', null, 5, 'void'],
      ['s5', 'Signal', null, 6, 'void'],
      ['s:go', 'Signal', null, 7, 'success'],
      ['c4', 'CallInvocationId', 3, 10, 'pending'],
      ['c9', 'Run', null, 11, 'success'],
    ]);
  });

  it('starts at the command, ends at the first completing notification', () => {
    const c3 = deriveFutures(j).find((f) => f.id === 'c3')!;
    expect([c3.startMs, c3.endMs, c3.completionEntryIndex]).toEqual([30, 80, 8]);
    const s17 = deriveFutures(j).find((f) => f.id === 's17')!;
    expect([s17.startMs, s17.endMs, s17.signalIndex, s17.completionId]).toEqual([null, 40, 17, undefined]);
  });

  it('completion order: notification order, first notification per future', () => {
    expect(completionOrder(j)).toEqual(['c1', 's17', 's1', 's5', 's:go', 'c3', 'c9']);
  });
});

describe('summarize', () => {
  it('outcome: sys_invocation result first, else the Output command, else null', () => {
    const output = {
      kind: 'command',
      index: 1,
      commandIndex: 1,
      type: 'Output',
      name: '',
      completionIds: [],
      appendedAtMs: 1,
      result: { kind: 'failure', failure: { code: 409, message: 'cancelled' } },
    } as Entry;
    expect(summarize(journal([cmd(0, 0, 'Input', []), output])).outcome).toBe('failure');
    expect(summarize(journal([cmd(0, 0, 'Input', []), output], { completionResult: 'success' })).outcome).toBe(
      'success',
    );
    expect(summarize(journal([cmd(0, 0, 'Input', [])])).outcome).toBeNull();
  });

  it('counts entries by kind and transient errors; signal futures have completionId null; key order is fixed', () => {
    const s = summarize(
      journal(
        [
          cmd(0, 0, 'Input', []),
          note(1, { signalIndex: 1 }, 'void', 'Signal'),
          { kind: 'unknown', index: 2, type: 'X', name: '', appendedAtMs: null, reason: '?' },
        ],
        {
          events: [
            { type: 'TransientError', afterEntryIndex: 0, appendedAtMs: 1, code: 500, message: 'x' },
            { type: 'Paused', afterEntryIndex: 0, appendedAtMs: 2 },
          ],
        },
      ),
    );
    expect(Object.keys(s)).toEqual([
      'invocationId',
      'target',
      'status',
      'outcome',
      'entries',
      'commands',
      'notifications',
      'futures',
      'completionOrder',
      'transientErrors',
    ]);
    expect([s.entries, s.commands, s.notifications, s.transientErrors]).toEqual([3, 1, 1, 1]);
    expect(s.futures[0]).toEqual({
      id: 's1',
      completionId: null,
      commandIndex: null,
      entryIndex: 1,
      kind: 'Cancel',
      name: '',
      start: null,
      end: '1970-01-01T00:00:00.010Z',
      result: 'void',
    });
  });
});

/** deriveFutures as it was written before its table by completion id (issue 15): a Map by id string. The spec. */
function futuresByIdMap(j: Journal): Future[] {
  const futures: Future[] = [];
  const byId = new Map<string, Future>();
  for (const entry of j.entries) {
    if (entry.kind === 'command') {
      entry.completionIds.forEach((completionId, k) => {
        const id = `c${completionId}`;
        if (byId.has(id)) return;
        const kind =
          (entry.type === 'Call' && k === 0) || entry.type === 'OneWayCall' ? 'CallInvocationId' : entry.type;
        const f: Future = {
          id,
          completionId,
          commandIndex: entry.commandIndex,
          entryIndex: entry.index,
          kind,
          name: entry.name,
          startMs: entry.appendedAtMs,
          endMs: null,
          completionEntryIndex: null,
          result: 'pending',
        };
        futures.push(f);
        byId.set(id, f);
      });
    } else if (entry.kind === 'notification') {
      const id = notificationFutureId(entry);
      if (id === null) continue;
      let f = byId.get(id);
      if (!f) {
        f = {
          id,
          commandIndex: null,
          entryIndex: entry.index,
          kind:
            entry.completionId !== undefined
              ? entry.type
              : entry.signalIndex === 1
                ? 'Cancel'
                : entry.signalIndex !== undefined && entry.signalIndex >= 17
                  ? 'Awakeable'
                  : 'Signal',
          name: entry.signalName ?? '',
          startMs: null,
          endMs: null,
          completionEntryIndex: null,
          result: 'pending',
        };
        if (entry.completionId !== undefined) f.completionId = entry.completionId;
        if (entry.signalIndex !== undefined) f.signalIndex = entry.signalIndex;
        futures.push(f);
        byId.set(id, f);
      }
      if (f.result === 'pending') {
        f.endMs = entry.appendedAtMs;
        f.completionEntryIndex = entry.index;
        f.result = entry.result.kind;
      }
    }
  }
  return futures;
}

describe('deriveFutures by completion id', () => {
  it('property (seed 6151): the same futures as a Map by id, for odd, repeated and out-of-order ids', () => {
    const completionId = fc.constantFrom(0, -0, 1, 2, 3, 7, 40, 100_000, -1, 1.5, 2 ** 24, 2 ** 40, NaN);
    const spec = fc.oneof(
      fc.record({ command: fc.constant(true), ids: fc.array(completionId, { maxLength: 3 }), call: fc.boolean() }),
      fc.record({
        command: fc.constant(false),
        id: fc.oneof(
          completionId.map((c) => ({ completionId: c })),
          fc.constantFrom({ signalIndex: 1 }, { signalIndex: 17 }, { signalName: 'go' }, {}),
        ),
        result: fc.constantFrom('void' as const, 'success' as const, 'failure' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 25 }), (specs) => {
        const entries = specs.map((s, i) =>
          s.command ? cmd(i, i, s.call ? 'Call' : 'Run', s.ids) : note(i, s.id, s.result),
        );
        const j = journal(entries);
        expect(deriveFutures(j)).toEqual(futuresByIdMap(j));
      }),
      { seed: 6151, numRuns: 500 },
    );
  });
});
