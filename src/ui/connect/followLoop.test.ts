// The follow loop on a fake clock: time only moves when the test advances it, so every poll is accounted for.
import { describe, expect, it } from 'vitest';
import type { FollowState } from './connectStore';
import { createFollowLoop, type FollowClock, type FollowPorts } from './followLoop';
import type { Progress } from './followMachine';

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: FollowClock = {
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: nextId });
      return nextId++;
    },
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Moves the clock on, firing due timers in order and letting the port promises settle after each. */
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > end) break;
      timers.shift();
      now = due.at;
      due.fn();
      await settle();
      await settle();
    }
    now = end;
  }
  return { clock, advance, pending: () => timers.length, now: () => now };
}

function ports(answers: (Progress | null | Error)[]) {
  const patches: Partial<FollowState>[] = [];
  const polledAt: number[] = [];
  const updates: (number | null)[] = [];
  let shown = true;
  const p: FollowPorts & { patches: typeof patches } = {
    patches,
    poll: async () => {
      const answer = answers.length ? answers.shift()! : new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    update: async (size) => {
      updates.push(size);
      return { short: '+1', detail: '1 entry appended' };
    },
    runShown: () => shown,
    patch: (x) => void patches.push(x),
    stopFollowing: () => void patches.push({ active: false }),
    goneMessage: 'inv_1 is no longer on the server.',
  };
  return { p, polledAt, updates, hide: () => (shown = false) };
}

describe('follow loop (fake clock)', () => {
  it('polls after 1 s, updates on a change, and stops at completion without polling again', async () => {
    const { clock, advance, pending } = fakeClock();
    const { p, updates } = ports([
      { status: 'running', modifiedAt: 't0', journalSize: 3 },
      { status: 'running', modifiedAt: 't1', journalSize: 4 },
      { status: 'completed', modifiedAt: 't1', journalSize: 4 },
    ]);
    const loop = createFollowLoop({ modifiedAt: 't0', journalSize: 3 }, p, clock);
    await advance(999);
    expect(p.patches).toEqual([]);
    await advance(1);
    expect(p.patches).toEqual([{ status: 'running', error: null }]);
    await advance(1000);
    expect(updates).toEqual([4]);
    await advance(1000);
    expect(loop.state.phase).toBe('finished');
    expect(p.patches.at(-1)).toEqual({ active: false });
    expect(pending()).toBe(0);
  });

  it('retries with backoff when the server fails, and reports an invocation that disappeared', async () => {
    const { clock, advance } = fakeClock();
    const { p } = ports([new Error('HTTP 502.'), null, { status: 'running', modifiedAt: 't0', journalSize: 3 }]);
    createFollowLoop({ modifiedAt: 't0', journalSize: 3 }, p, clock);
    await advance(1000);
    expect(p.patches).toEqual([{ error: 'HTTP 502. Retrying in 2 s.' }]);
    await advance(1999);
    expect(p.patches).toHaveLength(1);
    await advance(1);
    expect(p.patches[1]).toEqual({ error: 'inv_1 is no longer on the server. Retrying in 4 s.' });
    await advance(4000);
    expect(p.patches[2]).toEqual({ status: 'running', error: null });
  });

  it('stop() cancels the next poll, and an answer still on its way is dropped', async () => {
    const { clock, advance, pending } = fakeClock();
    let answer: (p: Progress) => void = () => undefined;
    const { p } = ports([]);
    p.poll = () => new Promise((resolve) => (answer = resolve));
    const loop = createFollowLoop({ modifiedAt: 't0', journalSize: 3 }, p, clock);
    await advance(1000);
    loop.stop();
    answer({ status: 'running', modifiedAt: 't9', journalSize: 9 });
    await advance(10_000);
    expect(p.patches).toEqual([]);
    expect(pending()).toBe(0);
    expect(loop.state.phase).toBe('stopped');
  });

  it('stops following when another run is on screen at the next poll', async () => {
    const { clock, advance } = fakeClock();
    const { p, hide } = ports([]);
    createFollowLoop({ modifiedAt: 't0', journalSize: 3 }, p, clock);
    hide();
    await advance(1000);
    expect(p.patches).toEqual([{ active: false }]);
  });
});
