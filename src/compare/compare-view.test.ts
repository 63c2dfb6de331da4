import { describe, expect, it } from 'vitest';
import type { CommandEntry, Entry, Journal, NotificationEntry } from '../model';
import { compareRuns } from './compare-runs';
import { commandIndexOfEntry, compareRows, cursorsAt, ordinal, rowAtCursor } from './compare-view';

function journal(spec: (['cmd', string, number[]] | ['done', number] | ['signal', number])[]): Journal {
  let commandIndex = 0;
  const entries: Entry[] = spec.map((s, index): Entry => {
    if (s[0] === 'done' || s[0] === 'signal') {
      const n: NotificationEntry = {
        kind: 'notification',
        index,
        type: 'Run',
        name: '',
        appendedAtMs: index,
        result: { kind: 'void' },
      };
      if (s[0] === 'done') n.completionId = s[1];
      else n.signalIndex = s[1];
      return n;
    }
    const c: CommandEntry = {
      kind: 'command',
      index,
      type: s[1],
      name: '',
      appendedAtMs: index,
      commandIndex: commandIndex++,
      completionIds: s[2],
    };
    return c;
  });
  return { invocationId: 'inv_t', target: null, status: 'completed', version: 2, entries, events: [] };
}

// Input, Run c1, Sleep c2, then the completions in the given order, then Output.
const race = (first: number, second: number) =>
  journal([
    ['cmd', 'Input', []],
    ['cmd', 'Run', [1]],
    ['cmd', 'Sleep', [2]],
    ['done', first],
    ['done', second],
    ['cmd', 'Output', []],
  ]);

describe('compare view rows', () => {
  it('maps notifications to the command that allocated their completion, signals to the last command', () => {
    const j = journal([
      ['cmd', 'Input', []],
      ['cmd', 'Run', [1]],
      ['cmd', 'Sleep', [2]],
      ['done', 1],
      ['signal', 17],
    ]);
    expect(commandIndexOfEntry(j, 3)).toBe(1);
    expect(commandIndexOfEntry(j, 4)).toBe(2);
    expect(commandIndexOfEntry(j, 2)).toBe(2);
    expect(commandIndexOfEntry(j, 99)).toBeNull();
  });

  it('pairs rows by command index and puts a completion-order difference on the rows of both winners', () => {
    const a = race(2, 1);
    const b = race(1, 2);
    const comparison = compareRuns({ label: 'seed 1', journal: a }, { label: 'seed 2', journal: b });
    const rows = compareRows(comparison, a, b);
    expect(rows.map((r) => r.a.text)).toEqual(['Input', 'Run', 'Sleep', 'Output']);
    expect(rows[1].a.completions).toEqual([{ id: 'c1', position: 2 }]);
    expect(rows[1].b.completions).toEqual([{ id: 'c1', position: 1 }]);
    expect(comparison.firstDivergence?.message).toBe('completion #1: seed 1 completed c2, seed 2 completed c1');
    expect(rows[2].differenceIndexes).toContain(0); // A's first completion (c2) belongs to the Sleep
    expect(rows[1].differenceIndexes).toContain(0); // B's first completion (c1) belongs to the Run
    expect(rows[0].differenceIndexes).toEqual([]);
  });

  it('puts both cursors on the steps that append the divergent entries', () => {
    const a = race(2, 1);
    const b = race(1, 2);
    const first = compareRuns({ label: 'A', journal: a }, { label: 'B', journal: b }).firstDivergence!;
    expect(cursorsAt(first, 6, 6)).toEqual({ cursorA: 4, cursorB: 4 });
    expect(cursorsAt({ ...first, entryIndexB: null }, 6, 5)).toEqual({ cursorA: 4, cursorB: 5 });
    expect(rowAtCursor(a, 4)).toBe(2);
    expect(rowAtCursor(a, 0)).toBeNull();
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
