// What the commands that talk to a Restate admin API share (`export`, `follow`): their `--admin` and integer options,
// and `POST <admin>/query` with its errors in words a CI log can use.
import { AdminQueryError } from '../restate-admin/follow-run';

/** A bad command line: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** `--admin` as a base URL without a trailing slash; only http(s), no query or fragment. */
export function adminBase(admin: string): string {
  let url: URL;
  try {
    url = new URL(admin);
  } catch {
    throw new UsageError(`--admin is not a URL: '${admin}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--admin must be an http(s) URL, got '${admin}'`);
  if (url.search || url.hash) throw new UsageError('--admin must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

/** `--<name> N`: an integer from 1 to `max`, or `fallback` when not given. */
export function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${name} must be an integer from 1 to ${max}`);
  return Number(value);
}

/**
 * `POST <admin>/query`: the response text as sent (rows are spliced, never re-serialised). Throws AdminQueryError:
 * unreachable or timed out (`httpStatus` null), or the server's own message with its HTTP status.
 */
export async function postAdminQuery(
  fetchFn: typeof fetch,
  admin: string,
  sql: string,
  timeoutMs: number,
): Promise<string> {
  const url = `${admin}/query`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: sql }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AdminQueryError(`cannot reach the Restate admin API at ${admin}: ${describeFetchError(error)}`, null);
  }
  const text = await response.text();
  if (!response.ok)
    throw new AdminQueryError(`${url} answered HTTP ${response.status}: ${serverMessage(text)}`, response.status);
  return text;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: show the text itself.
  }
  return text.slice(0, 500) || '(empty body)';
}
