// How the engine knows the handler is blocked: it lets microtasks run (`await` turns, no timers) until no durable
// activity happened for `turns` turns in a row, or until `stop()` says the attempt is decided.

/** Microtask turns without any durable activity after which the handler counts as blocked. */
export const IDLE_TURNS = 24;
/** With no durable await pending, how long to wait for native promises before declaring the handler stuck. */
export const STUCK_TURNS = 2_000;

export async function drainUntilIdle(activity: () => number, stop: () => boolean, turns: number): Promise<void> {
  let idle = 0;
  let seen = activity();
  while (idle < turns) {
    await undefined;
    if (stop()) return;
    const now = activity();
    if (now !== seen) {
      seen = now;
      idle = 0;
    } else idle++;
  }
}
