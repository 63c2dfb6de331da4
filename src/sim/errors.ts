// Errors of the simulator. Two families:
// - SimError: the simulator refuses (bad scenario, limit exceeded). Stable `code`, never a crash of the host.
// - TerminalError and friends: what a scenario handler sees when a durable future fails (Restate's TerminalError).

export type SimErrorCode =
  | 'SIM_BAD_SCENARIO'
  | 'SIM_BAD_OPTIONS'
  | 'SIM_STEPS_EXCEEDED'
  | 'SIM_NOT_DURABLE'
  | 'SIM_FOREIGN_FUTURE'
  | 'SIM_EMPTY_COMBINATOR'
  | 'SIM_BAD_TARGET'
  | 'SIM_NOT_CANCELLABLE'
  | 'SIM_JOURNAL_MISMATCH'
  | 'SIM_ATTEMPT_OVER'
  /** attach named an invocation id the simulated invocation did not start (a call's or a send's callee). */
  /** The simulated server (src/sdk-sim) got from the real SDK what it cannot follow. */
  | 'SIM_SDK_PROTOCOL'
  /** The real SDK handler used a command the simulated server does not serve (e.g. state). */
  | 'SIM_SDK_UNSUPPORTED';

export class SimError extends Error {
  readonly code: SimErrorCode;
  constructor(code: SimErrorCode, message: string) {
    super(message);
    this.name = 'SimError';
    this.code = code;
  }
}

/** A failure that is not retried: recorded as a failed completion / failed output (Restate `TerminalError`). */
export class TerminalError extends Error {
  readonly code: number;
  constructor(message: string, code: number = 500) {
    super(message);
    // Enumerable, so an error a handler returns (e.g. an allSettled reason) keeps its message in the JSON output.
    Object.defineProperty(this, 'message', { value: message, enumerable: true, writable: true, configurable: true });
    this.name = 'TerminalError';
    this.code = code;
  }
}

/** `orTimeout` lost to its timer (sdk-typescript `types/errors.ts` `TimeoutError`: code 408, "Timeout occurred"). */
export class TimeoutError extends TerminalError {
  constructor(message = 'Timeout occurred') {
    super(message, 408);
    this.name = 'TimeoutError';
  }
}

/** The invocation was cancelled (signal 1); the current await throws this (sdk-typescript `CancelledError`: 409, "Cancelled"). */
export class CancelledError extends TerminalError {
  constructor(message = 'Cancelled') {
    super(message, 409);
    this.name = 'CancelledError';
  }
}

/** `any` when every future failed: AggregateError-like, carries each failure in argument order. */
export class AggregateFailure extends TerminalError {
  readonly errors: TerminalError[];
  constructor(errors: TerminalError[]) {
    super(`All ${errors.length} futures failed: ${errors.map((e) => e.message).join('; ')}`, 500);
    this.name = 'AggregateError';
    this.errors = errors;
  }
}

/**
 * The message of a retryable (non-terminal) error as the SDK reports it: the error's own message
 * (sdk-typescript passes `err.message`; test/fixtures/restate-1.7.12/paused: "always broken").
 */
export function retryableMessage(error: unknown): string {
  if (error instanceof SimError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What a thrown value becomes in the run's output (`{ failure: { code, message } }`). */
export function failureOf(error: unknown): { code: number; message: string } {
  if (error instanceof TerminalError) return { code: error.code, message: error.message };
  if (error instanceof SimError) return { code: 500, message: `${error.code}: ${error.message}` };
  if (error instanceof Error) return { code: 500, message: `${error.name}: ${error.message}` };
  return { code: 500, message: `thrown: ${String(error)}` };
}
