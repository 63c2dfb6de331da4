// Talks to the Restate admin API through the same-origin proxy of `replay-inspector serve` (the admin API sends no
// CORS headers). The proxy's address comes from /__replay-inspector/config.json, asked for once per page.

export interface ServeConfig {
  /** The admin URL the proxy forwards to (shown to the user). */
  admin: string;
  /** Path prefix of the proxy on this origin, e.g. /restate-admin. */
  proxy: string;
}

export class AdminError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

let configPromise: Promise<ServeConfig | null> | null = null;

/** The serve config, or null when the app is not served by `replay-inspector serve` (asked once, then cached). */
export function serveConfig(): Promise<ServeConfig | null> {
  configPromise ??= (async () => {
    try {
      const response = await fetch(new URL('/__replay-inspector/config.json', location.href), { cache: 'no-store' });
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
      const body = (await response.json()) as Partial<ServeConfig>;
      return typeof body.proxy === 'string' && body.proxy.startsWith('/') && typeof body.admin === 'string'
        ? { admin: body.admin, proxy: body.proxy }
        : null;
    } catch {
      return null;
    }
  })();
  return configPromise;
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: the text itself.
  }
  return text.slice(0, 300) || '(empty answer)';
}

/** `POST <proxy>/query`: the raw answer text (never re-serialised) and its rows. */
export async function adminQuery(
  config: ServeConfig,
  sql: string,
  timeoutMs = 20_000,
): Promise<{ text: string; rows: Record<string, unknown>[] }> {
  let response: Response;
  try {
    response = await fetch(`${config.proxy}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: sql }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AdminError(`Cannot reach replay-inspector serve: ${(error as Error).message}`, null);
  }
  const text = await response.text();
  if (response.status === 502) throw new AdminError(`The Restate server is not reachable. ${messageOf(text)}`, 502);
  if (!response.ok)
    throw new AdminError(`The Restate admin API answered HTTP ${response.status}: ${messageOf(text)}`, response.status);
  let rows: Record<string, unknown>[];
  try {
    rows = (JSON.parse(text) as { rows: Record<string, unknown>[] }).rows;
  } catch (error) {
    throw new AdminError(`The /query answer is not JSON: ${(error as Error).message}`, response.status);
  }
  if (!Array.isArray(rows)) throw new AdminError('The /query answer has no rows.', response.status);
  return { text, rows };
}
