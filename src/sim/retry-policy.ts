// Retry policies: the run's own policy (decided by the SDK) and the invocation's (decided by the server).
//
// Run retries follow sdk-shared-core `src/retries.rs` (`RetryPolicy::next_retry`) and
// `src/vm/transitions/journal.rs` (`ProposeRunCompletion`): each retryable failure bumps a retry count; when
// `maxAttempts <= retryCount` the failure becomes a terminal failure of the run (code 500 = `Error::internal`,
// message = the error's message, sdk-typescript `sdk-shared-core-wasm-bindings/src/lib.rs`); otherwise the attempt
// fails with a retry delay of `min(maxInterval, initial × factor^(retryCount − 1))`, which the server uses instead
// of its own policy (restate `crates/invoker-impl/src/invocation_state_machine.rs`, `handle_task_error`:
// `next_retry_interval_override.or_else(|| retry_iter.next())`). A run without a policy is `RetryPolicy::Infinite`:
// no delay of its own, so the server's invocation retry policy applies and counts the attempt.
import type { RunRetryPolicy } from './scenario';

/** sdk-typescript `context_impl.ts`: the defaults of RunOptions once any retry option is given. */
export const RUN_RETRY_INITIAL_INTERVAL_MS = 50;
export const RUN_RETRY_FACTOR = 2;
export const RUN_RETRY_MAX_INTERVAL_MS = 10_000;

export type RunRetryDecision =
  /** Fail the attempt; `delayMs` null: the server's invocation policy decides (and counts it). */
  | { kind: 'retry'; retryCount: number; delayMs: number | null }
  /** Retries exhausted: the run completes with this terminal failure. */
  | { kind: 'terminal'; retryCount: number };

/**
 * `retryCount` is the count of this failure: 1 + the server's `retry_count_since_last_stored_entry` when the run's
 * completion is the first new entry of the attempt (`processing_first_entry`), else 1 (`Context::infer_entry_retry_info`).
 */
export function nextRunRetry(policy: RunRetryPolicy | undefined, retryCount: number): RunRetryDecision {
  if (!policy || Object.keys(policy).length === 0) return { kind: 'retry', retryCount, delayMs: null };
  if (policy.maxAttempts !== undefined && policy.maxAttempts <= retryCount) return { kind: 'terminal', retryCount };
  const initial = policy.initialIntervalMs ?? RUN_RETRY_INITIAL_INTERVAL_MS;
  const factor = policy.factor ?? RUN_RETRY_FACTOR;
  const cap = policy.maxIntervalMs ?? RUN_RETRY_MAX_INTERVAL_MS;
  return { kind: 'retry', retryCount, delayMs: Math.min(cap, exponentialDelayMs(initial, factor, retryCount - 1)) };
}

/**
 * `initial × factor^exponent` as sdk-shared-core computes it (`src/retries.rs`: `initial_interval.mul_f32(
 * factor.powi(exponent))`): Rust's `Duration::mul_f32` goes through f32 seconds, and the delay sent to the server is
 * whole milliseconds, truncated. So 20 ms × 2 is 39 ms, not 40 (0.02 is not exact in f32); found by the
 * differential test against the real SDK (src/sdk-sim/differential.test.ts).
 */
export function exponentialDelayMs(initialMs: number, factor: number, exponent: number): number {
  const seconds = Math.fround(Math.fround(initialMs / 1000) * Math.fround(Math.fround(factor) ** exponent));
  return Math.floor(Math.round(seconds * 1e9) / 1e6);
}

/**
 * The simulator's invocation retry policy: `retryDelayMs × 2^(retry − 1)`, capped. Restate 1.7.12's
 * `default-retry-policy` (`restate-server --dump-config`) is 500 ms, ×2, max 1 min, 70 attempts, on-max-attempts
 * `pause`; the simulator keeps shorter defaults (100 ms, 10 s, 20 attempts) so lessons stay short on the timeline.
 */
export const INVOCATION_RETRY_CAP_MS = 10_000;

export function invocationRetryDelayMs(retryDelayMs: number, retry: number): number {
  return Math.min(retryDelayMs * 2 ** (retry - 1), INVOCATION_RETRY_CAP_MS);
}
