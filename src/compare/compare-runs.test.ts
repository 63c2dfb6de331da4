import { describe, expect, it } from 'vitest';
import type { CommandEntry, Decision, Entry, Journal, NotificationEntry } from '../model';
import { compareRuns } from './compare-runs';

// A tiny journal builder: commands get consecutive command indexes, notifications complete the given id.
function journal(spec: (['cmd', string, string, number[]] | ['done', number] | ['out', string])[]): Journal {
  let commandIndex = 0;
  const entries: Entry[] = spec.map((s, index): Entry => {
    if (s[0] === 'done') {
      const n: NotificationEntry = {
        kind: 'notification',
        index,
        type: 'Run',
        name: '',
        appendedAtMs: index,
        completionId: s[1],
        result: { kind: 'void' },
      };
      return n;
    }
    const [type, name, ids] = s[0] === 'out' ? ['Output', '', []] : [s[1], s[2], s[3]];
    const c: CommandEntry = {
      kind: 'command',
      index,
      type,
      name,
      appendedAtMs: index,
      commandIndex: commandIndex++,
      completionIds: ids,
    };
    if (s[0] === 'out')
      c.result = { kind: 'success', payload: { encoding: 'json', text: s[1], byteLength: s[1].length } };
    return c;
  });
  return { invocationId: 'inv_t', target: null, status: 'completed', version: 2, entries, events: [] };
}

const base = journal([
  ['cmd', 'Input', '', []],
  ['cmd', 'Run', 'a', [1]],
  ['cmd', 'Sleep', '', [2]],
  ['done', 2],
  ['out', '"timeout"'],
]);
const decision = (winner: string, attempt = 1): Decision => ({
  combinator: 'race',
  futures: ['c1', 'c2'],
  completed: [winner],
  pending: [winner === 'c1' ? 'c2' : 'c1'],
  winner,
  entryIndex: 3,
  attempt,
});

describe('compareRuns', () => {
  it('finds no difference between a run and itself', () => {
    const r = compareRuns(
      { label: 'A', journal: base, decisions: [decision('c2')] },
      { label: 'B', journal: base, decisions: [decision('c2')] },
    );
    expect(r.differences).toEqual([]);
    expect(r.firstDivergence).toBeNull();
    expect(r.pairs.map((p) => p.same)).toEqual([true, true, true, true]);
  });

  it('pairs commands by command index and reports a changed command first', () => {
    const changed = journal([
      ['cmd', 'Input', '', []],
      ['cmd', 'Run', 'b', [1]],
      ['cmd', 'Sleep', '', [2]],
      ['done', 2],
      ['out', '"timeout"'],
    ]);
    const r = compareRuns({ label: 'before', journal: base }, { label: 'after', journal: changed });
    expect(r.firstDivergence).toMatchObject({ kind: 'command', position: 1, a: 'Run "a"', b: 'Run "b"' });
    expect(r.differences).toHaveLength(1);
  });

  it('reports a different completion order and a different race decision', () => {
    const other = journal([
      ['cmd', 'Input', '', []],
      ['cmd', 'Run', 'a', [1]],
      ['cmd', 'Sleep', '', [2]],
      ['done', 1],
      ['out', '"a"'],
    ]);
    const r = compareRuns(
      { label: 'A', journal: base, decisions: [decision('c2')] },
      { label: 'B', journal: other, decisions: [decision('c1')] },
    );
    expect(r.differences.map((d) => d.kind)).toEqual(['completion-order', 'decision', 'outcome']);
    expect(r.firstDivergence?.kind).toBe('completion-order');
    expect(r.differences[0]).toMatchObject({ a: 'c2', b: 'c1', entryIndexA: 3 });
  });

  it('compares only the final attempt of runs that crashed and replayed', () => {
    const a = [decision('c1', 1), decision('c2', 2)];
    const r = compareRuns(
      { label: 'A', journal: base, decisions: a },
      { label: 'B', journal: base, decisions: [decision('c2')] },
    );
    expect(r.differences).toEqual([]);
  });

  it('lists a missing command when one run is longer', () => {
    const longer = journal([
      ['cmd', 'Input', '', []],
      ['cmd', 'Run', 'a', [1]],
      ['cmd', 'Sleep', '', [2]],
      ['done', 2],
      ['cmd', 'Run', 'extra', [3]],
      ['out', '"timeout"'],
    ]);
    const r = compareRuns({ label: 'A', journal: base }, { label: 'B', journal: longer });
    expect(r.differences.filter((d) => d.kind === 'command').map((d) => [d.position, d.a, d.b])).toEqual([
      [3, 'Output', 'Run "extra"'],
      [4, '(none)', 'Output'],
    ]);
  });

  it('lists differences in journal order, the first divergence first', () => {
    const a = journal([
      ['cmd', 'Input', '', []],
      ['cmd', 'Run', 'a', [1]],
      ['cmd', 'Sleep', '', [2]],
      ['done', 2],
      ['cmd', 'Run', 'late', [3]],
      ['out', '"x"'],
    ]);
    const b = journal([
      ['cmd', 'Input', '', []],
      ['cmd', 'Run', 'a', [1]],
      ['cmd', 'Sleep', '', [2]],
      ['done', 1],
      ['cmd', 'Run', 'other', [3]],
      ['out', '"x"'],
    ]);
    const r = compareRuns({ label: 'A', journal: a }, { label: 'B', journal: b });
    expect(r.differences.map((d) => d.kind)).toEqual(['completion-order', 'command']);
    expect(r.firstDivergence).toBe(r.differences[0]);
  });

  it('names a replay that stopped on a journal mismatch, at the command where it stopped', () => {
    const mismatch = {
      code: 570 as const,
      commandIndex: 1,
      expected: 'Run "a"',
      actual: 'Run "fraud-check"',
      message: 'Run "fraud-check" issued, Run "a" recorded',
    };
    const r = compareRuns({ label: 'original', journal: base }, { label: 'replay', journal: base, mismatch });
    expect(r.firstDivergence).toMatchObject({
      kind: 'replay-mismatch',
      position: 1,
      entryIndexA: null,
      entryIndexB: 1,
    });
    expect(r.firstDivergence?.message).toBe(
      'command 1: replay stopped with journal mismatch 570: Run "fraud-check" issued, Run "a" recorded',
    );
  });
});
