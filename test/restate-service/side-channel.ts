// In-memory state the tests read over the control endpoint (see main.ts): awakeable ids per invocation, and the
// attempt counter of the retried run. Memory is fine: one service process serves one test file.
const awakeables = new Map<string, string[]>();
const attempts = new Map<string, number>();

export const sideChannel = {
  publishAwakeables(invocationId: string, ids: string[]): void {
    awakeables.set(invocationId, ids);
  },
  awakeablesOf(invocationId: string): string[] | undefined {
    return awakeables.get(invocationId);
  },
  /** Counts one more attempt of the flaky run of this invocation and returns the attempt number (1-based). */
  countAttempt(invocationId: string): number {
    const next = (attempts.get(invocationId) ?? 0) + 1;
    attempts.set(invocationId, next);
    return next;
  },
  attemptsOf(invocationId: string): number {
    return attempts.get(invocationId) ?? 0;
  },
};
