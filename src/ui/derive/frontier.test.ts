// The real-SDK replay's frontier: the step where the SDK went no further, and what the status line says there.
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../model';
import type { SdkReplayView } from '../engine/protocol';
import { frontierOf } from './runModel';
import { statusSentence } from './status';

const journal = {
  entries: [
    { index: 0, kind: 'command', type: 'Input', commandIndex: 0 },
    { index: 1, kind: 'command', type: 'Run', name: 'charge', commandIndex: 1 },
    { index: 2, kind: 'notification', type: 'Run' },
    { index: 3, kind: 'command', type: 'Run', name: 'ship', commandIndex: 2 },
  ],
} as unknown as Journal;

const view = (over: Partial<SdkReplayView>): SdkReplayView => ({
  verdict: 'replayed',
  target: 'Checkout/order',
  sdkVersion: '1.17.2',
  mismatch: null,
  stoppedAt: null,
  awaiting: null,
  error: null,
  newCommands: [],
  ...over,
});

describe('frontierOf', () => {
  it('a run journaled without its result: the step after that run command', () => {
    const f = frontierOf(journal, view({ verdict: 'stopped', stoppedAt: { run: 'ship', commandIndex: 2 } }));
    expect(f).toMatchObject({ cursor: 4, label: "⏹ SDK stops: run 'ship'" });
    expect(f?.sentence).toContain('(command 2)');
  });

  it('a run the code reaches past the journal: the end of the journal', () => {
    const f = frontierOf(journal, view({ verdict: 'stopped', stoppedAt: { run: 'pack', commandIndex: null } }));
    expect(f?.cursor).toBe(4);
    expect(f?.sentence).not.toContain('command');
  });

  it('a suspension names what it waits on', () => {
    const f = frontierOf(
      journal,
      view({ verdict: 'suspended', awaiting: { completions: [3], signals: [17], namedSignals: ['go'] } }),
    );
    expect(f?.sentence).toBe('the real SDK suspends here, waiting on c3, s17, s:go');
  });

  it('none for a clean replay, a mismatch, or a run that is not an SDK replay', () => {
    expect(frontierOf(journal, view({}))).toBeNull();
    expect(frontierOf(journal, undefined)).toBeNull();
  });

  it('the status line says it at that step only', () => {
    const frontier = frontierOf(journal, view({ verdict: 'stopped', stoppedAt: { run: 'ship', commandIndex: 2 } }));
    const at = (cursor: number) =>
      statusSentence({
        cursor,
        total: 4,
        entry: null,
        decisions: [],
        futuresById: new Map(),
        attemptsEnded: [],
        mismatch: null,
        mismatchCursor: null,
        frontier,
      });
    expect(at(4)).toContain("the real SDK stops here, before executing run 'ship'");
    expect(at(3)).not.toContain('stops here');
  });
});
