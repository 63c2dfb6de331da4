// `replay-inspector follow --admin <url> --id <inv_…> [--interval-ms N] [--timeout-ms N]`: the headless Follow for CI.
// Polls a running invocation through the admin API's /query, fetching only the journal rows after the last one held
// (src/restate-admin/follow-run.ts), keeps the journal as typed-array columns, and prints one JSON line per change and
// a final line when the invocation completes or the time runs out.
// Exit 0 completed with success, 1 completed with a failure (or no outcome), 3 still running when --timeout-ms ran out,
// 2 bad arguments, or the admin API / the reader failed (message on stderr).
import type { CliIo } from '../io';
import { parseArgs } from '../io';
import { adminBase, positiveInt, postAdminQuery, UsageError } from '../admin-query';
import { INVOCATION_ID } from '../../restate-admin/follow-sql';
import {
  AdminQueryError,
  FollowError,
  PAGE_ROWS,
  followInvocation,
  type FollowPorts,
} from '../../restate-admin/follow-run';

const USAGE =
  'Usage: replay-inspector follow --admin <url> --id <inv_…> [--interval-ms N (1000)] [--timeout-ms N (600000)] [--page-rows N (10000)]';
const INTERVAL_MS = 1000;
const TIMEOUT_MS = 600_000;
/** One /query may take this long before the follow gives up (a CI step must not hang on a stuck server). */
const QUERY_TIMEOUT_MS = 30_000;

export interface FollowDeps {
  fetch: typeof fetch;
  now(): number;
  sleep(ms: number): Promise<void>;
}

const nodeDeps: FollowDeps = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function run(args: string[], io: CliIo, deps: FollowDeps = nodeDeps): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`replay-inspector follow: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const ports: FollowPorts = {
    query: (sql) => postAdminQuery(deps.fetch, options.admin, sql, QUERY_TIMEOUT_MS),
    now: deps.now,
    sleep: deps.sleep,
  };
  try {
    const end = await followInvocation(options, ports, (line) => io.out(JSON.stringify(line) + '\n'));
    if (end.end === 'timeout') return 3;
    // Completed: 0 only when the server says it succeeded (a failure, or an outcome it does not give, is not a pass).
    return end.outcome === 'success' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof FollowError || error instanceof AdminQueryError)) throw error;
    io.err(`replay-inspector follow: ${error.message}\n`);
    return 2;
  }
}

function parseOptions(args: string[]) {
  const { positional, flags } = parseArgs(args);
  const known = new Set(['admin', 'id', 'interval-ms', 'timeout-ms', 'page-rows']);
  for (const name of flags.keys()) if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const single = (name: string): string | undefined => {
    const values = flags.get(name);
    if (values && values.length > 1) throw new UsageError(`--${name} given more than once`);
    return values?.[0];
  };
  const admin = single('admin');
  if (!admin || admin === 'true') throw new UsageError('--admin <url> is required (e.g. http://localhost:9070)');
  const id = single('id');
  if (!id || !INVOCATION_ID.test(id)) throw new UsageError(`--id must be an invocation id like inv_1abc…`);
  return {
    admin: adminBase(admin),
    id,
    intervalMs: positiveInt(single('interval-ms'), 'interval-ms', INTERVAL_MS, 3_600_000),
    timeoutMs: positiveInt(single('timeout-ms'), 'timeout-ms', TIMEOUT_MS, 7 * 24 * 3_600_000),
    pageRows: Math.max(2, positiveInt(single('page-rows'), 'page-rows', PAGE_ROWS, 1_000_000)),
  };
}
