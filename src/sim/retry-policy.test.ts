// nextRunRetry mirrors sdk-shared-core `src/retries.rs` (RetryPolicy::next_retry, its own unit test values).
import { describe, expect, it } from 'vitest';
import { invocationRetryDelayMs, nextRunRetry } from './retry-policy';

describe('run retry policy (sdk-shared-core RetryPolicy::Exponential)', () => {
  it('no policy is Infinite: retry with no delay of its own (the server decides)', () => {
    expect(nextRunRetry(undefined, 7)).toEqual({ kind: 'retry', retryCount: 7, delayMs: null });
    expect(nextRunRetry({}, 1)).toEqual({ kind: 'retry', retryCount: 1, delayMs: null });
  });

  it('delay = min(maxInterval, initial × factor^(retryCount − 1)), with the TS SDK defaults 50 ms, ×2, 10 s', () => {
    const policy = { initialIntervalMs: 100, factor: 2, maxIntervalMs: 500 };
    expect([1, 2, 3, 4].map((n) => nextRunRetry(policy, n))).toEqual([
      { kind: 'retry', retryCount: 1, delayMs: 100 },
      { kind: 'retry', retryCount: 2, delayMs: 200 },
      { kind: 'retry', retryCount: 3, delayMs: 400 },
      { kind: 'retry', retryCount: 4, delayMs: 500 },
    ]);
    expect(nextRunRetry({ maxAttempts: 10 }, 1)).toEqual({ kind: 'retry', retryCount: 1, delayMs: 50 });
    expect(nextRunRetry({ maxAttempts: 100 }, 20)).toEqual({ kind: 'retry', retryCount: 20, delayMs: 10_000 });
  });

  it('maxAttempts counts the first execution: the failure numbered maxAttempts becomes terminal', () => {
    expect(nextRunRetry({ maxAttempts: 3 }, 2).kind).toBe('retry');
    expect(nextRunRetry({ maxAttempts: 3 }, 3)).toEqual({ kind: 'terminal', retryCount: 3 });
    expect(nextRunRetry({ maxAttempts: 1 }, 1).kind).toBe('terminal');
  });

  it('the invocation policy doubles from retryDelayMs and is capped at 10 s', () => {
    expect([1, 2, 3, 8].map((n) => invocationRetryDelayMs(100, n))).toEqual([100, 200, 400, 10_000]);
  });
});
