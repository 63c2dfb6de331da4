// Small clients for the Restate ingress and admin APIs (Restate 1.7), each call with a timeout.
// Only what the tests, the fixture capture and the bench need.
import { pollUntil } from './processes';

const REQUEST_TIMEOUT_MS = 30_000;

export type InvocationStatus =
  'pending' | 'scheduled' | 'ready' | 'running' | 'paused' | 'backing-off' | 'suspended' | 'completed';

async function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Registers (or re-registers) a service deployment. Returns the deployment id. */
export async function register(adminUrl: string, serviceUrl: string): Promise<string> {
  const text = await request('POST', `${adminUrl}/deployments`, { uri: serviceUrl, force: true });
  return (JSON.parse(text) as { id: string }).id;
}

/** Starts an invocation without waiting for it (`/send`). Returns its invocation id. */
export async function send(
  ingressUrl: string,
  target: string,
  input: unknown = null,
  options: { idempotencyKey?: string } = {},
): Promise<string> {
  const headers: Record<string, string> = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {};
  const text = await request('POST', `${ingressUrl}/${target}/send`, input, headers);
  const id = (JSON.parse(text) as { invocationId?: string }).invocationId;
  if (!id) throw new Error(`No invocationId in the /send response: ${text}`);
  return id;
}

/** Alias of `send`: the tests invoke everything asynchronously and then wait for a status. */
export const invoke = send;

/** `POST <admin>/query` with `accept: application/json`: the raw response text and its parsed rows. */
export async function query(adminUrl: string, sql: string): Promise<{ text: string; rows: Record<string, unknown>[] }> {
  const text = await request('POST', `${adminUrl}/query`, { query: sql }, { accept: 'application/json' });
  return { text, rows: (JSON.parse(text) as { rows: Record<string, unknown>[] }).rows };
}

export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export async function invocationRow(adminUrl: string, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await query(adminUrl, `SELECT * FROM sys_invocation WHERE id = ${sqlLiteral(id)}`);
  return rows[0];
}

/** Polls sys_invocation until the invocation has one of the statuses; returns its row. */
export async function waitForStatus(
  adminUrl: string,
  id: string,
  status: InvocationStatus | InvocationStatus[],
  options: { timeoutMs?: number } = {},
): Promise<Record<string, unknown>> {
  const wanted = Array.isArray(status) ? status : [status];
  let last: Record<string, unknown> | undefined;
  return pollUntil(
    async () => {
      last = await invocationRow(adminUrl, id);
      return last && wanted.includes(last.status as InvocationStatus) ? last : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 60_000,
      intervalMs: 100,
      what: `${id} to be ${wanted.join(' or ')}`,
      describe: () => `last seen ${last ? JSON.stringify(last) : 'no row'}`,
    },
  );
}

/** Polls until the invocation's journal has at least `commands` commands (sys_invocation.journal_commands_size). */
export async function waitForCommands(
  adminUrl: string,
  id: string,
  commands: number,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  let last: unknown;
  await pollUntil(
    async () => {
      const row = await invocationRow(adminUrl, id);
      last = row?.journal_commands_size;
      return typeof last === 'number' && last >= commands ? true : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 30_000,
      intervalMs: 50,
      what: `${id} to journal ${commands} commands`,
      describe: () => `last seen ${String(last)}`,
    },
  );
}

/** `PATCH <admin>/invocations/<id>/cancel`. */
export async function cancel(adminUrl: string, id: string): Promise<void> {
  await request('PATCH', `${adminUrl}/invocations/${encodeURIComponent(id)}/cancel`);
}

/** Resolves an awakeable from outside, as an external system would. */
export async function resolveAwakeable(ingressUrl: string, awakeableId: string, value: unknown): Promise<void> {
  await request('POST', `${ingressUrl}/restate/awakeables/${encodeURIComponent(awakeableId)}/resolve`, value);
}

/** The awakeable ids the invocation published through the test service's side channel (polls until there). */
export async function awakeableIds(
  controlUrl: string,
  invocationId: string,
  options: { timeoutMs?: number } = {},
): Promise<string[]> {
  return pollUntil(
    async () => {
      const response = await fetch(`${controlUrl}/awakeables/${encodeURIComponent(invocationId)}`, {
        signal: AbortSignal.timeout(5_000),
      });
      const body = await response.text();
      return response.ok ? (JSON.parse(body) as string[]) : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 50, what: `awakeable ids of ${invocationId}` },
  );
}

/** How many times the flaky run of this invocation was attempted (side channel). */
export async function runAttempts(controlUrl: string, invocationId: string): Promise<number> {
  const response = await fetch(`${controlUrl}/attempts/${encodeURIComponent(invocationId)}`, {
    signal: AbortSignal.timeout(5_000),
  });
  return JSON.parse(await response.text()) as number;
}

/** Polls until the invocation's journal has at least `entries` entries (sys_invocation.journal_size). */
export async function waitForEntries(
  adminUrl: string,
  id: string,
  entries: number,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  let last: unknown;
  await pollUntil(
    async () => {
      const row = await invocationRow(adminUrl, id);
      last = row?.journal_size;
      return typeof last === 'number' && last >= entries ? true : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 30_000,
      intervalMs: 50,
      what: `${id} to journal ${entries} entries`,
      describe: () => `last seen ${String(last)}`,
    },
  );
}

/** Invokes and waits for the response (`POST <ingress>/<target>`); returns the response text. */
export async function call(ingressUrl: string, target: string, input: unknown = null): Promise<string> {
  return request('POST', `${ingressUrl}/${target}`, input);
}

/**
 * Flips the code version of the test service's Checkout handlers (side channel), as a deploy of new code would: of one
 * handler (e.g. 'order', 'orderHold') when given, else of all of them.
 */
export async function setCodeVersion(controlUrl: string, version: number, handler?: string): Promise<void> {
  const url = `${controlUrl}/code-version/${version}${handler ? `/${encodeURIComponent(handler)}` : ''}`;
  const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`POST ${url} → HTTP ${response.status}: ${body}`);
}

/** `PATCH <admin>/invocations/<id>/resume`: runs a paused invocation again (with whatever code is deployed now). */
export async function resumeInvocation(adminUrl: string, id: string): Promise<void> {
  await request('PATCH', `${adminUrl}/invocations/${encodeURIComponent(id)}/resume`);
}

/** Polls sys_journal_events until the invocation has at least `count` events of the type (e.g. a second Paused). */
export async function waitForEvents(
  adminUrl: string,
  id: string,
  eventType: string,
  count: number,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  let last: unknown;
  await pollUntil(
    async () => {
      const { rows } = await query(
        adminUrl,
        `SELECT count(*) AS n FROM sys_journal_events WHERE id = ${sqlLiteral(id)} AND event_type = ${sqlLiteral(eventType)}`,
      );
      last = rows[0]?.n;
      return typeof last === 'number' && last >= count ? true : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 30_000,
      intervalMs: 50,
      what: `${id} to have ${count} ${eventType} event(s)`,
      describe: () => `last seen ${String(last)}`,
    },
  );
}
