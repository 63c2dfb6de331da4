// "The latest job wins": starting a task supersedes (aborts) the one before it, and a superseded task's late result
// is dropped. One helper for every such place (loading a run, the compare view's second run, following a live
// invocation, listing invocations), instead of a hand-written token in each.

export interface Task {
  /** Aborted when a newer task starts or the owner cancels; hand it to work that can stop early. */
  readonly signal: AbortSignal;
  /** Is this still the latest task (not superseded, not cancelled)? Check after every await. */
  isCurrent(): boolean;
  /** Marks the task done: it stays current for its results, but cancel() no longer aborts anything. */
  finish(): void;
}

export interface LatestTask {
  /** Starts a new task, aborting the previous one if it is still running. */
  start(): Task;
  /** Aborts the running task, if any: none is current afterwards. */
  cancel(): void;
  /** Is a started task still running (neither finished nor superseded)? */
  readonly running: boolean;
}

export function latestTask(): LatestTask {
  let current: { controller: AbortController; done: boolean } | null = null;
  const supersede = () => {
    if (current && !current.done) current.controller.abort();
    current = null;
  };
  return {
    start() {
      supersede();
      const mine = { controller: new AbortController(), done: false };
      current = mine;
      return {
        signal: mine.controller.signal,
        isCurrent: () => current === mine,
        finish: () => void (mine.done = true),
      };
    },
    cancel: supersede,
    get running() {
      return current !== null && !current.done;
    },
  };
}
