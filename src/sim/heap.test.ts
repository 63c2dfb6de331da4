import { describe, expect, it } from 'vitest';
import { MinHeap } from './heap';
import { compareEvents, type SimEvent } from './events';
import { createRng } from './prng';

function server(atMs: number, rank: 0 | 1, key: number, seq: number): SimEvent {
  return {
    type: 'server',
    atMs,
    rank,
    key,
    seq,
    superseded: false,
    notification: { type: 'x', name: `${atMs}/${rank}/${key}/${seq}`, result: { kind: 'void' } },
  };
}

describe('event queue (one compare function)', () => {
  it('pops events in the exact order: time, completions before signals, id, then sequence', () => {
    const heap = new MinHeap<SimEvent>(compareEvents);
    const events = [
      server(50, 1, 17, 0),
      server(10, 0, 4, 1),
      server(50, 0, 9, 2),
      server(10, 0, 2, 3),
      server(50, 0, 9, 4),
      server(0, 1, 1, 5),
      server(50, 0, 3, 6),
    ];
    for (const e of events) heap.push(e);
    const log: string[] = [];
    while (heap.size > 0) log.push((heap.pop() as { notification: { name: string } }).notification.name);
    expect(log).toEqual(['0/1/1/5', '10/0/2/3', '10/0/4/1', '50/0/3/6', '50/0/9/2', '50/0/9/4', '50/1/17/0']);
  });

  it('sorts 2,000 random numbers like Array.prototype.sort', () => {
    const rng = createRng(99);
    const values = Array.from({ length: 2000 }, () => rng.intBetween(0, 500));
    const heap = new MinHeap<number>((a, b) => a - b);
    for (const v of values) heap.push(v);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });
});

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws integers inside [min, max]', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 500 }, () => rng.intBetween(3, 7));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(7);
    expect(rng.intBetween(5, 5)).toBe(5);
  });
});
