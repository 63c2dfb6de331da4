// `replay-inspector export`: writes a bundle (src/model/files.ts, BundleFile) of invocations read from a running
// Restate server through its admin SQL endpoint, `POST <admin>/query` with `accept: application/json`.
// partition_key values exceed 2^53, so the rows are never parsed and re-serialised: the `rows` array text of each
// response is spliced into the bundle verbatim (JSON.parse is only used to check and count).
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { rowsArrayText, sqlLiteral } from '../../restate-admin/query-text';
import { AdminQueryError } from '../../restate-admin/follow-run';
import { adminBase, positiveInt, postAdminQuery, UsageError } from '../admin-query';

const USAGE =
  'Usage: replay-inspector export --admin <url> (--id <inv_…> [--id …] | --target <Service/handler|Object/key/handler> [--limit N] [--status S]) -o <file|->';
const INVOCATION_ID = /^inv_[A-Za-z0-9]+$/;
// A Restate service name (letters, digits, `_`, `.`, `-`), for virtual objects and workflows optionally a key
// (no `/`, quote or whitespace), and a handler name (an identifier): the shape of sys_invocation.target.
const TARGET = /^([A-Za-z_][A-Za-z0-9_.-]{0,199})\/(?:([^/'"\s\\]{1,200})\/)?([A-Za-z_][A-Za-z0-9_]{0,199})$/;
const STATUSES = ['pending', 'scheduled', 'ready', 'running', 'paused', 'backing-off', 'suspended', 'completed'];
const LIMIT_DEFAULT = 20;
const LIMIT_MAX = 1000;
const TIMEOUT_MS_DEFAULT = 60_000;

type Selection =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'target'; service: string; key?: string; handler: string; limit: number; status?: string };

interface ExportOptions {
  adminUrl: string;
  selection: Selection;
  output: string;
  timeoutMs: number;
}

class ExportError extends Error {}

export async function run(args: string[], io: CliIo): Promise<number> {
  let options: ExportOptions;
  try {
    options = parseOptions(args);
  } catch (error) {
    io.err(`replay-inspector export: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { text, counts, warnings } = await exportBundle(options);
    for (const warning of warnings) io.err(`replay-inspector export: warning: ${warning}\n`);
    if (options.output === '-') {
      io.out(text);
      return 0;
    }
    try {
      await io.writeFile(options.output, text);
    } catch (error) {
      throw new ExportError(`cannot write ${options.output}: ${(error as Error).message}`);
    }
    io.out(
      `Exported ${counts.invocations} invocation(s), ${counts.entries} journal entries, ${counts.events} events to ${options.output}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    io.err(`replay-inspector export: ${error.message}\n`);
    return 1;
  }
}

function parseOptions(args: string[]): ExportOptions {
  const { positional, flags } = parseArgs(args, { o: 'output', out: 'output' });
  const known = new Set(['admin', 'id', 'target', 'limit', 'status', 'output', 'timeout-ms']);
  for (const name of flags.keys()) if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const single = (name: string): string | undefined => {
    const values = flags.get(name);
    if (values && values.length > 1) throw new UsageError(`--${name} given more than once`);
    return values?.[0];
  };
  const admin = single('admin');
  if (!admin || admin === 'true') throw new UsageError('--admin <url> is required (e.g. http://localhost:9070)');
  const output = single('output');
  if (!output || output === 'true') throw new UsageError('-o <file> is required (- for stdout)');
  const ids = flags.get('id') ?? [];
  const target = single('target');
  if (ids.length > 0 === (target !== undefined)) throw new UsageError('give either --id or --target');
  let selection: Selection;
  if (target !== undefined) {
    const match = TARGET.exec(target);
    if (!match) throw new UsageError(`--target must look like Service/handler or Object/key/handler, got '${target}'`);
    const status = single('status');
    if (status !== undefined && !STATUSES.includes(status))
      throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
    const limit = positiveInt(single('limit'), 'limit', LIMIT_DEFAULT, LIMIT_MAX);
    selection = { kind: 'target', service: match[1], key: match[2], handler: match[3], limit, status };
  } else {
    for (const id of ids)
      if (!INVOCATION_ID.test(id)) throw new UsageError(`--id must be an invocation id like inv_1abc…, got '${id}'`);
    if (flags.has('limit') || flags.has('status')) throw new UsageError('--limit and --status go with --target');
    selection = { kind: 'ids', ids: [...new Set(ids)] };
  }
  return {
    adminUrl: adminBase(admin),
    selection,
    output,
    timeoutMs: positiveInt(single('timeout-ms'), 'timeout-ms', TIMEOUT_MS_DEFAULT, 3_600_000),
  };
}

export { rowsArrayText, sqlLiteral };

interface QueryResult {
  /** The text of the `rows` array exactly as the server sent it. */
  rowsText: string;
  rows: Record<string, unknown>[];
}

async function runQuery(options: ExportOptions, sql: string): Promise<QueryResult> {
  let text: string;
  try {
    text = await postAdminQuery(fetch, options.adminUrl, sql, options.timeoutMs);
  } catch (error) {
    throw error instanceof AdminQueryError ? new ExportError(error.message) : error;
  }
  let rowsText: string;
  try {
    rowsText = rowsArrayText(text);
  } catch (error) {
    throw new ExportError((error as Error).message);
  }
  let rows: Record<string, unknown>[];
  try {
    rows = JSON.parse(rowsText) as Record<string, unknown>[];
  } catch (error) {
    throw new ExportError(`the /query response is not valid JSON: ${(error as Error).message}`);
  }
  return { rowsText, rows };
}

async function selectIds(options: ExportOptions): Promise<{ ids: string[]; description: string }> {
  const selection = options.selection;
  if (selection.kind === 'ids')
    return { ids: selection.ids, description: `id IN (${selection.ids.map(sqlLiteral).join(', ')})` };
  const where = [
    `target_service_name = ${sqlLiteral(selection.service)}`,
    `target_handler_name = ${sqlLiteral(selection.handler)}`,
  ];
  if (selection.key !== undefined) where.splice(1, 0, `target_service_key = ${sqlLiteral(selection.key)}`);
  if (selection.status) where.push(`status = ${sqlLiteral(selection.status)}`);
  const sql = `SELECT id FROM sys_invocation WHERE ${where.join(' AND ')} ORDER BY created_at DESC LIMIT ${selection.limit}`;
  const { rows } = await runQuery(options, sql);
  const ids = rows.map((row) => String(row.id)).filter((id) => INVOCATION_ID.test(id));
  if (ids.length === 0) {
    const status = selection.status ? ` with status ${selection.status}` : '';
    const target = [selection.service, selection.key, selection.handler].filter((part) => part !== undefined).join('/');
    throw new ExportError(`no invocations of ${target}${status} on ${options.adminUrl}`);
  }
  return { ids, description: sql };
}

async function restateVersion(options: ExportOptions): Promise<string | undefined> {
  try {
    const response = await fetch(`${options.adminUrl}/version`, { signal: AbortSignal.timeout(options.timeoutMs) });
    const body = (await response.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : undefined;
  } catch {
    return undefined;
  }
}

/** Optional tables (older servers may lack them, or a column): exported as [] with a warning instead of failing. */
async function optionalQuery(
  options: ExportOptions,
  table: string,
  sql: string,
  warnings: string[],
): Promise<QueryResult> {
  try {
    return await runQuery(options, sql);
  } catch (error) {
    if (!(error instanceof ExportError) || error.message.startsWith('cannot reach')) throw error;
    warnings.push(`${table} not exported (${error.message})`);
    return { rowsText: '[]', rows: [] };
  }
}

export async function exportBundle(
  options: ExportOptions,
): Promise<{ text: string; counts: { invocations: number; entries: number; events: number }; warnings: string[] }> {
  const warnings: string[] = [];
  const { ids, description } = await selectIds(options);
  const idList = ids.map(sqlLiteral).join(', ');
  const invocations = await runQuery(
    options,
    `SELECT * FROM sys_invocation WHERE id IN (${idList}) ORDER BY created_at`,
  );
  const found = new Set(invocations.rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ExportError(`no such invocation on ${options.adminUrl}: ${missing.join(', ')}`);
  const [journal, events, status, version] = await Promise.all([
    runQuery(options, `SELECT * FROM sys_journal WHERE id IN (${idList}) ORDER BY id, index`),
    optionalQuery(
      options,
      'sys_journal_events',
      `SELECT * FROM sys_journal_events WHERE id IN (${idList}) ORDER BY id, after_journal_entry_index, appended_at`,
      warnings,
    ),
    optionalQuery(
      options,
      'sys_invocation_status',
      'SELECT id, status, suspended_waiting_for_completions, suspended_waiting_for_signals, suspended_waiting_future_json ' +
        `FROM sys_invocation_status WHERE id IN (${idList})`,
      warnings,
    ),
    restateVersion(options),
  ]);
  const source = {
    admin: options.adminUrl,
    exportedAt: new Date().toISOString(),
    restateVersion: version,
    query: description,
  };
  const text =
    `{"format":"replay-inspector/bundle","version":1,\n"source":${JSON.stringify(source)},\n` +
    `"sys_journal":${journal.rowsText},\n"sys_journal_events":${events.rowsText},\n` +
    `"sys_invocation":${invocations.rowsText},\n"sys_invocation_status":${status.rowsText}}\n`;
  return {
    text,
    counts: { invocations: ids.length, entries: journal.rows.length, events: events.rows.length },
    warnings,
  };
}
