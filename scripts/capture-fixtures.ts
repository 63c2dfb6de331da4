// Captures real Restate 1.7.12 exports as test fixtures: `npx tsx scripts/capture-fixtures.ts [case…]`.
// Starts a real server and the test services (test/harness), runs each case of test/harness/cases.ts, and writes
// test/fixtures/restate-1.7.12/<case>/ with the raw `/query` responses (journal, events, invocation: exactly the
// text the server sent), the bundle written by `replay-inspector export`, and for some cases the output of
// `restate sql --json/--jsonl`. With journal-mismatch, also journal-mismatch/resumed (run after the others); the
// command-type twin journal-mismatch-type is an ordinary case (`npx tsx scripts/capture-fixtures.ts journal-mismatch-type`).
// Also a multi-invocation export (several Worker/slow calls) and the ~7,000-entry fan-out.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';
import {
  largeFanoutCase,
  mismatchResumedCase,
  realCases,
  runCases,
  runMismatchResumed,
  type RealCase,
} from '../test/harness/cases';
import { query, sqlLiteral, startRestateWithService } from '../test/harness/restate';
import { restateSql } from '../test/harness/restate-cli';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = path.join(repoRoot, 'test/fixtures/restate-1.7.12');
const SQL_CLI_CASES = new Set(['run-retry', 'awakeables', 'cancelled']);
const SDK_VERSION = '1.17.2';
/** The file of a case's service, when not services.ts (cases captured before this map keep their recorded value). */
const SERVICE_FILES: Record<string, string> = { Checkout: 'test/restate-service/mismatch-service.ts' };

const silentIo: CliIo = {
  out: () => undefined,
  err: (text) => void process.stderr.write(text),
  readFile: async () => {
    throw new Error('not used');
  },
  writeFile: (file, data) => writeFile(file, data),
};

async function exportBundle(adminUrl: string, selection: string[], file: string): Promise<void> {
  const code = await main(['export', '--admin', adminUrl, ...selection, '-o', file], silentIo);
  if (code !== 0) throw new Error(`export ${selection.join(' ')} exited with ${code}`);
}

async function captureCase(adminUrl: string, c: RealCase, invocationId: string): Promise<void> {
  const dir = path.join(fixturesDir, c.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const id = sqlLiteral(invocationId);
  const journalSql = `SELECT * FROM sys_journal WHERE id = ${id} ORDER BY index`;
  const [journal, events, invocation] = await Promise.all([
    query(adminUrl, journalSql),
    query(
      adminUrl,
      `SELECT * FROM sys_journal_events WHERE id = ${id} ORDER BY after_journal_entry_index, appended_at`,
    ),
    query(adminUrl, `SELECT * FROM sys_invocation WHERE id = ${id}`),
  ]);
  await writeFile(path.join(dir, 'journal.query.json'), journal.text);
  await writeFile(path.join(dir, 'events.query.json'), events.text);
  await writeFile(path.join(dir, 'invocation.query.json'), invocation.text);
  await exportBundle(adminUrl, ['--id', invocationId], path.join(dir, 'bundle.json'));
  if (SQL_CLI_CASES.has(c.name)) {
    const json = await restateSql(adminUrl, '--json', journalSql);
    const jsonl = await restateSql(adminUrl, '--jsonl', journalSql);
    await writeFile(path.join(dir, 'journal.sql.json'), json.stdout);
    await writeFile(path.join(dir, 'journal.sql.jsonl'), jsonl.stdout);
    // What a terminal shows with stdout and stderr together (the CLI adds "N rows. Query took …" on stderr).
    await writeFile(path.join(dir, 'journal.sql.terminal.txt'), json.stdout + json.stderr);
  }
  const meta = {
    case: c.name,
    target: c.target,
    input: c.input,
    description: c.description,
    invocationId,
    finalStatus: c.finalStatus,
    restateVersion: '1.7.12',
    sdk: `@restatedev/restate-sdk ${SDK_VERSION} on Node ${process.versions.node}`,
    service: SERVICE_FILES[c.target.split('/')[0]] ?? 'test/restate-service/services.ts',
  };
  await writeFile(path.join(dir, 'case.json'), JSON.stringify(meta, null, 1) + '\n');
  console.log(`captured ${c.name} (${invocationId}): ${journal.rows.length} entries, ${events.rows.length} events`);
}

/** Several invocations in one export: the Worker/slow calls made by the other cases. */
async function captureMulti(adminUrl: string): Promise<void> {
  const dir = path.join(fixturesDir, 'multi-worker-slow');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { rows } = await query(
    adminUrl,
    "SELECT id FROM sys_invocation WHERE target = 'Worker/slow' AND status = 'completed' ORDER BY created_at LIMIT 4",
  );
  const ids = rows.map((row) => String(row.id));
  const list = ids.map(sqlLiteral).join(', ');
  const journal = await query(adminUrl, `SELECT * FROM sys_journal WHERE id IN (${list}) ORDER BY id, index`);
  const invocation = await query(adminUrl, `SELECT * FROM sys_invocation WHERE id IN (${list}) ORDER BY id`);
  await writeFile(path.join(dir, 'journal.query.json'), journal.text);
  await writeFile(path.join(dir, 'invocation.query.json'), invocation.text);
  await exportBundle(
    adminUrl,
    ids.flatMap((id) => ['--id', id]),
    path.join(dir, 'bundle.json'),
  );
  const meta = {
    case: 'multi-worker-slow',
    target: 'Worker/slow',
    description:
      'Several completed Worker/slow invocations in one export (rows with different ids); each journal: Input, Sleep, Sleep notification, Output.',
    invocationIds: ids,
    restateVersion: '1.7.12',
  };
  await writeFile(path.join(dir, 'case.json'), JSON.stringify(meta, null, 1) + '\n');
  console.log(`captured multi-worker-slow: ${ids.length} invocations, ${journal.rows.length} entries`);
}

async function capture(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const wanted = [...realCases, largeFanoutCase].filter((c) => only.size === 0 || only.has(c.name));
  const started = Date.now();
  const env = await startRestateWithService();
  try {
    console.log(`server up in ${env.server.startupMs} ms (admin ${env.server.adminUrl})`);
    const ids = await runCases(env.server, env.service, wanted);
    for (const c of wanted) await captureCase(env.server.adminUrl, c, ids.get(c.name)!);
    // After the others (it flips the service's one code version): journal-mismatch/resumed, inside journal-mismatch/.
    if (only.size === 0 || only.has('journal-mismatch') || only.has(mismatchResumedCase.name)) {
      await captureCase(env.server.adminUrl, mismatchResumedCase, await runMismatchResumed(env.server, env.service));
    }
    if (only.size === 0 || only.has('multi-worker-slow')) await captureMulti(env.server.adminUrl);
  } finally {
    await env.stop();
  }
  console.log(`done in ${Date.now() - started} ms`);
}

capture().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
