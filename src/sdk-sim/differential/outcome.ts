// What an await gave, as plain data both engines produce alike: values through JSON (undefined → null), settled
// results with the reason's code and message, errors as code + message; an AggregateError (any() with every
// child failed) as the codes of its errors, since our AggregateFailure and the SDK's JS AggregateError (native
// Promise.any) carry different messages (docs/restate-semantics-notes.md §8).
export type Outcome = { ok: unknown } | { error: number; message: string } | { aggregate: (number | 'aggregate')[] };

interface ErrorLike {
  name?: string;
  code?: number;
  message?: string;
  errors?: ErrorLike[];
}

export function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const settled = value as { status?: string; value?: unknown; reason?: ErrorLike };
    if (settled.status === 'fulfilled') return { status: 'fulfilled', value: plain(settled.value) };
    if (settled.status === 'rejected' && settled.reason?.name === 'AggregateError')
      return { status: 'rejected', aggregate: codesOf(settled.reason.errors ?? []) };
    if (settled.status === 'rejected')
      return { status: 'rejected', code: settled.reason?.code ?? null, message: settled.reason?.message ?? null };
  }
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** The outcome of a failed await, or null when the error is not one a handler should catch (it is rethrown). */
export function failureOutcome(error: unknown, isTerminal: (e: unknown) => boolean): Outcome | null {
  const e = error as ErrorLike;
  if (e?.name === 'AggregateError' && Array.isArray(e.errors)) return { aggregate: codesOf(e.errors) };
  if (isTerminal(error)) return { error: e.code ?? -1, message: e.message ?? '' };
  return null;
}

/** The codes of an aggregate's errors; a nested aggregate (our code 500, the SDK's none) as 'aggregate'. */
function codesOf(errors: ErrorLike[]): (number | 'aggregate')[] {
  return errors.map((x) => (x.name === 'AggregateError' ? 'aggregate' : (x.code ?? -1)));
}
