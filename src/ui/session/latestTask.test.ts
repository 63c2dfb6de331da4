import { describe, expect, it } from 'vitest';
import { latestTask } from './latestTask';

describe('latest task', () => {
  it('a newer task supersedes the older: the older is aborted and no longer current', () => {
    const tasks = latestTask();
    const first = tasks.start();
    expect(first.isCurrent()).toBe(true);
    expect(tasks.running).toBe(true);
    const second = tasks.start();
    expect(first.signal.aborted).toBe(true);
    expect(first.isCurrent()).toBe(false);
    expect(second.isCurrent()).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('drops the late result of a superseded async task', async () => {
    const tasks = latestTask();
    const shown: string[] = [];
    const load = async (name: string, delayMs: number) => {
      const task = tasks.start();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (task.isCurrent()) shown.push(name);
      task.finish();
    };
    await Promise.all([load('slow, started first', 20), load('fast, started last', 1)]);
    expect(shown).toEqual(['fast, started last']);
  });

  it('cancel aborts the running task; a finished task is not aborted by what comes after', () => {
    const tasks = latestTask();
    const running = tasks.start();
    tasks.cancel();
    expect(running.signal.aborted).toBe(true);
    expect(running.isCurrent()).toBe(false);
    expect(tasks.running).toBe(false);
    const done = tasks.start();
    done.finish();
    expect(tasks.running).toBe(false);
    expect(done.isCurrent()).toBe(true);
    tasks.start();
    expect(done.signal.aborted).toBe(false);
    expect(done.isCurrent()).toBe(false);
  });
});
