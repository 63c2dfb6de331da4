// Following a live invocation as an explicit state machine: `followStep(state, event)` is pure and returns the next
// state and the effects to perform, as data; follow.ts performs them (timers, admin queries, the store) and feeds
// the outcome back as the next event. The polling rules live here, testable without a server or a real clock:
// poll every second, read only when the progress row changed, back off on errors, stop once completed.
import { followDelayMs, isFinished } from './adminSql';
import type { FollowNote, FollowState } from './connectStore';

/** What one progress poll (sys_invocation's status, modified_at and journal_size) found. */
export interface Progress {
  status: string;
  modifiedAt: string;
  journalSize: number | null;
}

export type FollowPhase =
  /** A poll is scheduled. */
  | 'waiting'
  /** The progress row is being read. */
  | 'polling'
  /** The new rows are being fetched and applied. */
  | 'updating'
  /** Completed on the server: nothing more will be appended. */
  | 'finished'
  /** The user stopped, opened another run, or the run on screen changed under an update. */
  | 'stopped';

export interface FollowMachine {
  phase: FollowPhase;
  /** The progress row as of the last applied update: a change in either field means something to fetch. */
  modifiedAt: string;
  journalSize: number | null;
  /** Consecutive failed polls (the backoff). */
  errors: number;
  /** The progress row an update is under way for (applied when it succeeds). */
  pending: Progress | null;
}

export type FollowEvent =
  /** The scheduled poll is due; `runShown`: is the followed run still the one on screen? */
  | { type: 'due'; runShown: boolean }
  | { type: 'progress'; progress: Progress }
  /** The update finished: its note, or `undefined` when the run on screen changed meanwhile (nothing applied). */
  | { type: 'updated'; note: FollowNote | null | undefined; live: boolean }
  | { type: 'failed'; message: string }
  | { type: 'stop' };

export type FollowEffect =
  | { kind: 'schedule'; delayMs: number }
  | { kind: 'poll' }
  | { kind: 'update'; journalSize: number | null }
  | { kind: 'patch'; patch: Partial<FollowState> }
  /** The user opened something else: stop following (the chip goes inactive). */
  | { kind: 'stop-following' }
  | { kind: 'cancel-timer' };

export function startFollow(modifiedAt: string, journalSize: number | null): [FollowMachine, FollowEffect[]] {
  const state: FollowMachine = { phase: 'waiting', modifiedAt, journalSize, errors: 0, pending: null };
  return [state, [{ kind: 'schedule', delayMs: followDelayMs(0) }]];
}

const ended = (phase: FollowPhase) => phase === 'finished' || phase === 'stopped';

export function followStep(state: FollowMachine, event: FollowEvent): [FollowMachine, FollowEffect[]] {
  if (event.type === 'stop') return [{ ...state, phase: 'stopped', pending: null }, [{ kind: 'cancel-timer' }]];
  if (ended(state.phase)) return [state, []];
  switch (event.type) {
    case 'due':
      if (state.phase !== 'waiting') return [state, []];
      if (!event.runShown) return [{ ...state, phase: 'stopped' }, [{ kind: 'stop-following' }]];
      return [{ ...state, phase: 'polling' }, [{ kind: 'poll' }]];
    case 'progress': {
      if (state.phase !== 'polling') return [state, []];
      const { progress } = event;
      if (progress.modifiedAt !== state.modifiedAt || progress.journalSize !== state.journalSize)
        return [
          { ...state, phase: 'updating', pending: progress },
          [{ kind: 'update', journalSize: progress.journalSize }],
        ];
      return polled(state, progress.status, []);
    }
    case 'updated': {
      if (state.phase !== 'updating' || !state.pending) return [state, []];
      if (!event.live) return [{ ...state, phase: 'stopped', pending: null }, []];
      const { pending } = state;
      // undefined: the run on screen changed meanwhile and nothing was applied: the next poll tries again.
      if (event.note === undefined) return polled({ ...state, pending: null }, pending.status, []);
      const applied = { ...state, modifiedAt: pending.modifiedAt, journalSize: pending.journalSize, pending: null };
      return polled(applied, pending.status, [{ kind: 'patch', patch: { note: event.note } }]);
    }
    case 'failed': {
      if (state.phase !== 'polling' && state.phase !== 'updating') return [state, []];
      const errors = state.errors + 1;
      const delayMs = followDelayMs(errors);
      return [
        { ...state, phase: 'waiting', errors, pending: null },
        [
          { kind: 'patch', patch: { error: `${event.message} Retrying in ${delayMs / 1000} s.` } },
          { kind: 'schedule', delayMs },
        ],
      ];
    }
  }
}

/** A poll went through: errors reset, the status shown; finished, or the next poll scheduled. */
function polled(state: FollowMachine, status: string, effects: FollowEffect[]): [FollowMachine, FollowEffect[]] {
  const shown: FollowEffect = { kind: 'patch', patch: { status, error: null } };
  if (isFinished(status))
    return [
      { ...state, phase: 'finished', errors: 0 },
      [...effects, shown, { kind: 'patch', patch: { active: false } }],
    ];
  return [
    { ...state, phase: 'waiting', errors: 0 },
    [...effects, shown, { kind: 'schedule', delayMs: followDelayMs(0) }],
  ];
}
