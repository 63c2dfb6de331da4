// Performs the follow machine's effects (followMachine.ts) with the ports it is given (the admin queries, the store,
// a clock) and feeds each outcome back as the next event. Once stopped or superseded it drops late outcomes.
import {
  followStep,
  startFollow,
  type FollowEffect,
  type FollowEvent,
  type FollowMachine,
  type Progress,
} from './followMachine';
import type { FollowNote, FollowState } from './connectStore';

export interface FollowPorts {
  /** Reads the progress row; null when the invocation is no longer on the server. */
  poll(): Promise<Progress | null>;
  /** Fetches and applies what the server added; undefined when the run on screen changed meanwhile. */
  update(journalSize: number | null): Promise<FollowNote | null | undefined>;
  /** Is the followed run still the one on screen? */
  runShown(): boolean;
  patch(patch: Partial<FollowState>): void;
  /** The user opened something else. */
  stopFollowing(): void;
  /** Text for an error in the chip. */
  goneMessage: string;
}

export interface FollowClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FollowLoop {
  /** Stops the loop: no further poll, and outcomes still on their way are dropped. */
  stop(): void;
  /** The machine's state (for tests and the chip). */
  readonly state: FollowMachine;
}

export function createFollowLoop(
  start: { modifiedAt: string; journalSize: number | null },
  ports: FollowPorts,
  clock: FollowClock,
): FollowLoop {
  let timer: unknown = null;
  const [first, initial] = startFollow(start.modifiedAt, start.journalSize);
  let state = first;
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const dispatch = (event: FollowEvent) => {
    const [next, effects] = followStep(state, event);
    state = next;
    for (const effect of effects) perform(effect);
  };
  // Outcomes of work started in one phase are only delivered while the loop still runs.
  const deliver = (event: FollowEvent) => {
    if (state.phase !== 'stopped' && state.phase !== 'finished') dispatch(event);
  };

  function perform(effect: FollowEffect): void {
    switch (effect.kind) {
      case 'schedule':
        timer = clock.setTimeout(() => {
          timer = null;
          deliver({ type: 'due', runShown: ports.runShown() });
        }, effect.delayMs);
        return;
      case 'cancel-timer':
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        return;
      case 'poll':
        ports.poll().then(
          (progress) =>
            deliver(progress ? { type: 'progress', progress } : { type: 'failed', message: ports.goneMessage }),
          (error) => deliver({ type: 'failed', message: errorText(error) }),
        );
        return;
      case 'update':
        ports.update(effect.journalSize).then(
          (note) => deliver({ type: 'updated', note, live: ports.runShown() }),
          (error) => deliver({ type: 'failed', message: errorText(error) }),
        );
        return;
      case 'patch':
        ports.patch(effect.patch);
        return;
      case 'stop-following':
        ports.stopFollowing();
        return;
    }
  }

  for (const effect of initial) perform(effect);
  return {
    stop: () => dispatch({ type: 'stop' }),
    get state() {
      return state;
    },
  };
}
