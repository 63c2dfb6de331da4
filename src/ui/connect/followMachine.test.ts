import { describe, expect, it } from 'vitest';
import { followStep, startFollow, type FollowEvent, type FollowMachine } from './followMachine';

const progress = (status: string, modifiedAt = 't0', journalSize: number | null = 5) => ({
  type: 'progress' as const,
  progress: { status, modifiedAt, journalSize },
});

function run(events: FollowEvent[]): [FollowMachine, unknown[][]] {
  let [state, effects] = startFollow('t0', 5);
  const all = [effects as unknown[]];
  for (const event of events) {
    [state, effects] = followStep(state, event);
    all.push(effects);
  }
  return [state, all];
}

describe('follow machine', () => {
  it('polls every second and reads nothing while the progress row is unchanged', () => {
    const [state, effects] = run([{ type: 'due', runShown: true }, progress('running')]);
    expect(effects[0]).toEqual([{ kind: 'schedule', delayMs: 1000 }]);
    expect(effects[1]).toEqual([{ kind: 'poll' }]);
    expect(effects[2]).toEqual([
      { kind: 'patch', patch: { status: 'running', error: null } },
      { kind: 'schedule', delayMs: 1000 },
    ]);
    expect(state.phase).toBe('waiting');
  });

  it('fetches an update when modified_at or journal_size changed, and keeps the new row once applied', () => {
    const note = { short: '+2', detail: '2 entries appended' };
    const [state, effects] = run([
      { type: 'due', runShown: true },
      progress('running', 't1', 7),
      { type: 'updated', note, live: true },
    ]);
    expect(effects[2]).toEqual([{ kind: 'update', journalSize: 7 }]);
    expect(effects[3]).toEqual([
      { kind: 'patch', patch: { note } },
      { kind: 'patch', patch: { status: 'running', error: null } },
      { kind: 'schedule', delayMs: 1000 },
    ]);
    expect(state).toMatchObject({ phase: 'waiting', modifiedAt: 't1', journalSize: 7, pending: null });
  });

  it('looks again next time when the run on screen changed under an update (nothing applied)', () => {
    const [state] = run([
      { type: 'due', runShown: true },
      progress('running', 't1', 7),
      { type: 'updated', note: undefined, live: true },
    ]);
    expect(state).toMatchObject({ phase: 'waiting', modifiedAt: 't0', journalSize: 5 });
  });

  it('backs off on consecutive errors (2, 4, 8, 16, 15 s at most) and resets after a good poll', () => {
    const events: FollowEvent[] = [];
    for (let i = 0; i < 5; i++) events.push({ type: 'due', runShown: true }, { type: 'failed', message: 'HTTP 502.' });
    const [state, effects] = run([...events, { type: 'due', runShown: true }, progress('running')]);
    const delays = effects
      .flat()
      .flatMap((e) => ((e as { kind: string }).kind === 'schedule' ? [(e as { delayMs: number }).delayMs] : []));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 1000]);
    expect(effects[2]).toContainEqual({ kind: 'patch', patch: { error: 'HTTP 502. Retrying in 2 s.' } });
    expect(state.errors).toBe(0);
  });

  it('stops once the invocation completed, and ignores what arrives after', () => {
    const [state, effects] = run([
      { type: 'due', runShown: true },
      progress('completed'),
      { type: 'due', runShown: true },
    ]);
    expect(effects[2]).toEqual([
      { kind: 'patch', patch: { status: 'completed', error: null } },
      { kind: 'patch', patch: { active: false } },
    ]);
    expect(effects[3]).toEqual([]);
    expect(state.phase).toBe('finished');
  });

  it('stops following when the user opened another run, and when stopped', () => {
    expect(run([{ type: 'due', runShown: false }])[1][1]).toEqual([{ kind: 'stop-following' }]);
    const [state, effects] = run([{ type: 'stop' }, { type: 'due', runShown: true }]);
    expect(effects[1]).toEqual([{ kind: 'cancel-timer' }]);
    expect(effects[2]).toEqual([]);
    expect(state.phase).toBe('stopped');
  });

  it('ends silently when the run changed while an update was applied', () => {
    const [state, effects] = run([
      { type: 'due', runShown: true },
      progress('running', 't1', 7),
      { type: 'updated', note: null, live: false },
    ]);
    expect(effects[3]).toEqual([]);
    expect(state.phase).toBe('stopped');
  });
});
