// Against a REAL Restate 1.7.12 server (npm @restatedev/restate-server) and the SDK services in test/restate-service:
// runs every case of test/harness/cases.ts, exports each invocation with `replay-inspector export`, and checks the
// summary against what the handler must have done. One server for the whole file. If the server cannot start,
// beforeAll fails with its output tail, and so does every test here: nothing is skipped.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readJournals, type Summary } from '../../src/journal-reader';
import type { CommandEntry, Journal } from '../../src/model';
import { defineScenario, replay } from '../../src/sim';
import {
  FANOUT_RUNS_SMALL,
  MISMATCH_MAX_ATTEMPTS,
  RETRY_FAILURES,
  realCases,
  runCases,
  runMismatchResumed,
} from '../harness/cases';
import { pollUntil, query, runAttempts, setCodeVersion, sqlLiteral, startRestateWithService } from '../harness/restate';
import { restateSql } from '../harness/restate-cli';
import { captureIo, leaves, runBin } from './cli-helpers';

let env: Awaited<ReturnType<typeof startRestateWithService>> | undefined;
let ids = new Map<string, string>();
let workDir = '';
// A failed start is kept and rethrown by every test, so each one FAILS with the reason (a throwing beforeAll would
// only mark them skipped).
let startError: Error | undefined;

beforeAll(async () => {
  const started = Date.now();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'ri-integration-'));
  try {
    env = await startRestateWithService();
    const ready = Date.now();
    ids = await runCases(env.server, env.service, realCases);
    console.info(
      `restate-server ready in ${env.server.startupMs} ms; server + service + registration in ${ready - started} ms; ` +
        `${realCases.length} cases done in ${Date.now() - ready} ms`,
    );
  } catch (error) {
    startError = error instanceof Error ? error : new Error(String(error));
  }
});

afterAll(async () => {
  await env?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function ready(): NonNullable<typeof env> {
  if (startError) throw startError;
  if (!env) throw new Error('the Restate server did not start (see beforeAll)');
  return env;
}

function admin(): string {
  return ready().server.adminUrl;
}

function idOf(caseName: string): string {
  ready();
  const id = ids.get(caseName);
  if (!id) throw new Error(`case ${caseName} did not run`);
  return id;
}

/** `replay-inspector export` of the given selection to a file in the work dir; returns the file. */
async function exportTo(file: string, selection: string[]): Promise<string> {
  const target = path.join(workDir, file);
  const cli = captureIo();
  const code = await main(['export', '--admin', admin(), ...selection, '-o', target], cli.io);
  expect(code, cli.err()).toBe(0);
  return target;
}

/** `replay-inspector summary <file>`: one summary object, or an array for several invocations. */
async function summaryOfFile(file: string): Promise<Summary | Summary[]> {
  const cli = captureIo();
  const code = await main(['summary', file], cli.io);
  expect(code, cli.err()).toBe(0);
  return JSON.parse(cli.out()) as Summary | Summary[];
}

/** Exports the case's invocation with `replay-inspector export` and summarises the bundle with `summary`. */
async function summaryOf(caseName: string): Promise<Summary> {
  const file = await exportTo(`${caseName}.bundle.json`, ['--id', idOf(caseName)]);
  const summary = await summaryOfFile(file);
  if (Array.isArray(summary)) throw new Error(`expected one invocation in ${file}, got ${summary.length}`);
  expect(summary.invocationId).toBe(idOf(caseName));
  return summary;
}

/** The case's exported bundle (written by summaryOf) read into the model. */
async function journalOf(caseName: string): Promise<Journal> {
  const { journals } = readJournals(await readFile(path.join(workDir, `${caseName}.bundle.json`), 'utf8'));
  expect(journals).toHaveLength(1);
  return journals[0];
}

function future(summary: Summary, id: string) {
  const found = summary.futures.find((f) => f.id === id);
  if (!found) throw new Error(`no future ${id} in ${JSON.stringify(summary.futures)}`);
  return found;
}

async function completionFailure(caseName: string): Promise<string> {
  const { rows } = await query(
    admin(),
    `SELECT completion_failure FROM sys_invocation WHERE id = ${sqlLiteral(idOf(caseName))}`,
  );
  return String(rows[0]?.completion_failure);
}

describe('real Restate 1.7.12 server', () => {
  it('starts, with the test services registered, and every case reaches its final status', () => {
    expect(ready().server.startupMs).toBeGreaterThan(0);
    expect([...ids.keys()]).toEqual(realCases.map((c) => c.name));
  });

  it('race(run, sleep): the timeout won, its Sleep notification precedes the Run notification', async () => {
    const s = await summaryOf('race-timeout');
    expect(s.target).toBe('Lab/raceTimeout');
    expect(s.status).toBe('completed');
    expect(s.outcome).toBe('success');
    expect(future(s, 'c1').kind).toBe('Run');
    expect(future(s, 'c2').kind).toBe('Sleep');
    expect(s.completionOrder).toEqual(['c2', 'c1']);
    expect(future(s, 'c1').result).toBe('success');
    expect(future(s, 'c2').result).toBe('void');
  });

  it('orTimeout(100) on a 2 s call: the Sleep completes, the call result never does, the invocation fails with 408', async () => {
    const s = await summaryOf('or-timeout');
    expect(s.outcome).toBe('failure');
    expect(s.completionOrder).toEqual(['c1', 'c3']);
    expect(future(s, 'c1').kind).toBe('CallInvocationId');
    expect(future(s, 'c2')).toMatchObject({ kind: 'Call', result: 'pending' });
    expect(future(s, 'c3')).toMatchObject({ kind: 'Sleep', result: 'void' });
    expect(await completionFailure('or-timeout')).toMatch(/^\[408\]/);
  });

  it('all() of calls taking 1100, 100 and 600 ms: results complete in the order of their delays', async () => {
    const s = await summaryOf('all-calls');
    expect(s.outcome).toBe('success');
    const results = s.completionOrder.filter((id) => future(s, id).kind === 'Call');
    expect(results, JSON.stringify(s)).toEqual(['c4', 'c6', 'c2']);
    expect(s.completionOrder, JSON.stringify(s)).toEqual(['c1', 'c3', 'c5', 'c4', 'c6', 'c2']);
  });

  it('any(): the failed run does not win; the 50 ms call is the first success and the 2 s call never completes', async () => {
    const s = await summaryOf('any-first-success');
    expect(s.outcome).toBe('success');
    expect(future(s, 'c1')).toMatchObject({ kind: 'Run', result: 'failure' });
    expect(future(s, 'c5')).toMatchObject({ kind: 'Call', result: 'success' });
    expect(future(s, 'c3')).toMatchObject({ kind: 'Call', result: 'pending' });
    expect(s.completionOrder.indexOf('c1')).toBeLessThan(s.completionOrder.indexOf('c5'));
  });

  it('allSettled(): a success, a failure and a sleep all settle; no fail-fast', async () => {
    const s = await summaryOf('all-settled');
    expect(s.outcome).toBe('success');
    // The run is created before the call in the handler, so it holds c1; the call holds c2 and c3.
    expect(future(s, 'c1')).toMatchObject({ kind: 'Run', result: 'failure' });
    expect(future(s, 'c3')).toMatchObject({ kind: 'Call', result: 'success' });
    expect(future(s, 'c4')).toMatchObject({ kind: 'Sleep', result: 'void' });
  });

  it(`a run failing ${RETRY_FAILURES} times with a plain Error: ${RETRY_FAILURES} transient errors, then success`, async () => {
    const s = await summaryOf('run-retry');
    expect(s.outcome).toBe('success');
    expect(s.transientErrors).toBe(RETRY_FAILURES);
    expect(future(s, 'c1')).toMatchObject({ kind: 'Run', result: 'success' });
    expect(await runAttempts(ready().service.controlUrl, idOf('run-retry'))).toBe(RETRY_FAILURES + 1);
    const journal = await journalOf('run-retry');
    const messages = journal.events.map((e) => (e.type === 'TransientError' ? e.message : e.type));
    expect(messages).toEqual(Array.from({ length: RETRY_FAILURES }, (_, i) => `transient ${i + 1}`));
  });

  it('a run out of retry attempts (3) completes with a terminal failure after 2 transient errors', async () => {
    const s = await summaryOf('run-retry-exhausted');
    expect(s.outcome).toBe('failure');
    expect(s.transientErrors).toBe(2);
    expect(future(s, 'c1')).toMatchObject({ kind: 'Run', result: 'failure' });
    expect(await completionFailure('run-retry-exhausted')).toContain('still failing (attempt 3)');
  });

  it('a TerminalError in a run is recorded as a failed completion at once (422)', async () => {
    const s = await summaryOf('terminal-failure');
    expect(s.outcome).toBe('failure');
    expect(s.transientErrors).toBe(0);
    expect(future(s, 'c1')).toMatchObject({ kind: 'Run', result: 'failure' });
    expect(await completionFailure('terminal-failure')).toMatch(/^\[422\] this cannot work/);
  });

  it('awakeables resolved from outside, second first: signals s18 then s17', async () => {
    const s = await summaryOf('awakeables');
    expect(s.outcome).toBe('success');
    expect(s.completionOrder).toEqual(['s18', 's17']);
    expect(future(s, 's17')).toMatchObject({ kind: 'Awakeable', result: 'success' });
  });

  it('cancellation: the CANCEL signal s1, a cancel sent to the callee, outcome failure 409', async () => {
    const s = await summaryOf('cancelled');
    expect(s.outcome).toBe('failure');
    expect(future(s, 's1')).toMatchObject({ kind: 'Cancel', result: 'void' });
    expect(future(s, 'c2')).toMatchObject({ kind: 'Call', result: 'pending' });
    expect(await completionFailure('cancelled')).toMatch(/^\[409\]/);
    // The SDK propagates the cancellation to the callee with a SendSignal of index 1.
    const commands = (await journalOf('cancelled')).entries.filter((e): e is CommandEntry => e.kind === 'command');
    const call = commands.find((c) => c.type === 'Call');
    const sendSignal = commands.find((c) => c.type === 'SendSignal');
    expect(call?.invocationId).toMatch(/^inv_/);
    expect(sendSignal?.signal).toMatchObject({ index: 1, targetInvocationId: call?.invocationId });
  });

  it('suspension: status suspended, and the awaited futures from sys_invocation_status', async () => {
    const s = await summaryOf('suspended');
    expect(s.status).toBe('suspended');
    expect(s.completionOrder).toEqual([]);
    expect(future(s, 'c1')).toMatchObject({ kind: 'Sleep', result: 'pending' });
    // race(awakeable s17, all(awakeable s18, sleep c1)); SDK 1.17.2 reports it flattened, with the CANCEL signal s1.
    const awaiting = (await journalOf('suspended')).awaiting;
    if (!awaiting) throw new Error('no awaited tree read from sys_invocation_status');
    expect(leaves(awaiting).sort()).toEqual(['c1', 's1', 's17', 's18']);
  });

  it('one-way call then attach: CallInvocationId c1, then AttachInvocation c2 with the callee result', async () => {
    const s = await summaryOf('send-attach');
    expect(s.outcome).toBe('success');
    expect(s.completionOrder).toEqual(['c1', 'c2']);
    expect(s.futures).toMatchObject([
      { id: 'c1', kind: 'CallInvocationId', result: 'invocation-id' },
      { id: 'c2', kind: 'AttachInvocation', result: 'success' },
    ]);
    const commands = (await journalOf('send-attach')).entries.filter((e): e is CommandEntry => e.kind === 'command');
    expect(commands.map((c) => c.type)).toEqual(['Input', 'OneWayCall', 'AttachInvocation', 'Output']);
  });

  it('a named signal sent by another invocation completes the wait', async () => {
    const s = await summaryOf('named-signal');
    expect(s.outcome).toBe('success');
    expect(s.futures).toHaveLength(1);
    expect(s.futures[0]).toMatchObject({ kind: 'Signal', name: 'go', result: 'success' });
    expect(s.completionOrder).toEqual([s.futures[0].id]);
  });

  it('a named signal sent to itself: a SendSignal command with the name, then the Signal notification', async () => {
    const s = await summaryOf('self-signal');
    expect(s.outcome).toBe('success');
    expect(s.futures).toMatchObject([{ kind: 'Signal', name: 'self', result: 'success' }]);
    const commands = (await journalOf('self-signal')).entries.filter((e): e is CommandEntry => e.kind === 'command');
    expect(commands.find((c) => c.type === 'SendSignal')?.signal).toMatchObject({
      name: 'self',
      targetInvocationId: idOf('self-signal'),
    });
  });

  it('a handler failing past its retry policy (pause) is paused: a transient error and a Paused event', async () => {
    const s = await summaryOf('paused');
    expect(s.status).toBe('paused');
    expect(s.outcome).toBeNull();
    // Two attempts with the same error message: the server keeps one TransientError (consecutive duplicates merge).
    expect(s.transientErrors).toBe(1);
    expect((await journalOf('paused')).events.map((e) => e.type)).toEqual(['TransientError', 'Paused']);
  });

  it('code changed under a suspended invocation: TransientError 570 (RT0016) at command 1, then paused; nothing journaled after', async () => {
    const s = await summaryOf('journal-mismatch');
    expect(s.status).toBe('paused');
    expect(s.outcome).toBeNull();
    // The same mismatch on every attempt: the server keeps one TransientError (consecutive duplicates merge).
    expect(s.transientErrors).toBe(1);
    expect(s.futures).toMatchObject([
      { id: 'c1', kind: 'Run', name: 'charge', result: 'success' },
      { id: 's17', kind: 'Awakeable', result: 'success' },
    ]);
    const journal = await journalOf('journal-mismatch');
    // v1's journal, untouched by v2: no Run fraud-check, no Run ship, no Output.
    const commands = journal.entries.filter((e): e is CommandEntry => e.kind === 'command');
    expect(commands.map((c) => `${c.type}${c.name ? ` ${c.name}` : ''}`)).toEqual(['Input', 'Run charge']);
    const lastEntry = journal.entries.length - 1;
    const message =
      'Found a mismatch between the code paths taken during the previous execution and the paths taken during this execution.\n' +
      'This typically happens when some parts of the code are non-deterministic.\n' +
      "- The mismatch happened while executing 'run' (index '1')\n" +
      '- Difference:\n   name: charge != fraud-check';
    expect(journal.events).toEqual([
      {
        type: 'TransientError',
        afterEntryIndex: lastEntry,
        appendedAtMs: expect.any(Number),
        code: 570,
        message,
        docCode: 'RT0016',
        relatedCommandIndex: 1,
        relatedCommandName: 'fraud-check',
        relatedCommandType: 'Run',
      },
      { type: 'Paused', afterEntryIndex: lastEntry, appendedAtMs: expect.any(Number), message },
    ]);
    // Executions per code version (side channel): v2 ran exactly the handler policy's attempts, then it paused.
    const controlUrl = ready().service.controlUrl;
    expect(await runAttempts(controlUrl, `${idOf('journal-mismatch')}/v2`)).toBe(MISMATCH_MAX_ATTEMPTS);
    expect(await runAttempts(controlUrl, `${idOf('journal-mismatch')}/v1`)).toBeGreaterThanOrEqual(1);
  });

  it('code changed under a suspended invocation, command TYPE changed (Run → Sleep): the type-change form of 570, then paused', async () => {
    const s = await summaryOf('journal-mismatch-type');
    expect(s).toMatchObject({ target: 'Checkout/orderHold', status: 'paused', outcome: null, transientErrors: 1 });
    const journal = await journalOf('journal-mismatch-type');
    const commands = journal.entries.filter((e): e is CommandEntry => e.kind === 'command');
    expect(commands.map((c) => `${c.type}${c.name ? ` ${c.name}` : ''}`)).toEqual(['Input', 'Run charge']);
    const lastEntry = journal.entries.length - 1;
    // Not the "Difference: name: …" form of a name change: the type-change form, whose labels are swapped (the journal
    // holds the Run; the new code issued the Sleep, as related_command_type says).
    const message =
      'Found a mismatch between the code paths taken during the previous execution and the paths taken during this execution.\n' +
      'This typically happens when some parts of the code are non-deterministic.\n' +
      " - The previous execution ran and recorded the following: 'sleep' (index '1')\n" +
      " - The current execution attempts to perform the following: 'run'";
    expect(journal.events).toEqual([
      {
        type: 'TransientError',
        afterEntryIndex: lastEntry,
        appendedAtMs: expect.any(Number),
        code: 570,
        message,
        docCode: 'RT0016',
        relatedCommandIndex: 1,
        relatedCommandName: 'cool-off',
        relatedCommandType: 'Sleep',
      },
      { type: 'Paused', afterEntryIndex: lastEntry, appendedAtMs: expect.any(Number), message },
    ]);
    // Replay of this live journal with the v2 code as a scenario: the same command index, the journal's Run as
    // expected, the server's related command (the Sleep) as actual.
    const v2 = defineScenario({
      name: 'Checkout/orderHold v2',
      handler: async (ctx) => {
        await ctx.sleep(50, 'cool-off');
        return `held, ${String(await ctx.run('charge'))}`;
      },
    });
    expect((await replay(v2, journal)).mismatch).toMatchObject({
      code: 570,
      commandIndex: 1,
      expected: "Run 'charge'",
      actual: "Sleep 'cool-off'",
    });
    const controlUrl = ready().service.controlUrl;
    expect(await runAttempts(controlUrl, `${idOf('journal-mismatch-type')}/v2`)).toBe(MISMATCH_MAX_ATTEMPTS);
    expect(await runAttempts(controlUrl, `${idOf('journal-mismatch-type')}/v1`)).toBeGreaterThanOrEqual(1);
  });

  it('journal mismatch, resumed with the same code: pauses again; rolled back to v1 and resumed: completes', async () => {
    const { server, service } = ready();
    const id = await runMismatchResumed(server, service); // its own Checkout/order, after the other cases
    ids.set('journal-mismatch-resumed', id); // a flat name: summaryOf writes <name>.bundle.json in the work dir
    const s = await summaryOf('journal-mismatch-resumed');
    expect(s).toMatchObject({ status: 'completed', outcome: 'success', transientErrors: 2 });
    const journal = await journalOf('journal-mismatch-resumed');
    // A pause ends the deduplication: the second round of attempts records its TransientError again. The events stay
    // after completion, all after entry 3 (the awakeable's signal): nothing was journaled between the attempts.
    expect(
      journal.events.map((e) => [
        e.type,
        e.afterEntryIndex,
        e.type === 'TransientError' ? e.relatedCommandIndex : null,
      ]),
    ).toEqual([
      ['TransientError', 3, 1],
      ['Paused', 3, null],
      ['TransientError', 3, 1],
      ['Paused', 3, null],
    ]);
    const commands = journal.entries.filter((e): e is CommandEntry => e.kind === 'command');
    expect(commands.map((c) => `${c.type}${c.name ? ` ${c.name}` : ''}`)).toEqual([
      'Input',
      'Run charge',
      'Run ship',
      'Output',
    ]);
    // Each resume starts a fresh count of the handler policy's attempts.
    expect(await runAttempts(service.controlUrl, `${id}/v2`)).toBe(2 * MISMATCH_MAX_ATTEMPTS);
    expect(await runAttempts(service.controlUrl, `${id}/v1`)).toBeGreaterThanOrEqual(2);
  });

  it('lazy state: GetLazyState and GetLazyStateKeys are completions', async () => {
    const s = await summaryOf('lazy-state');
    expect(s.outcome).toBe('success');
    expect(s.futures).toMatchObject([
      { id: 'c1', kind: 'GetLazyState', result: 'success' },
      { id: 'c2', kind: 'GetLazyStateKeys', result: 'state-keys' },
    ]);
  });

  it('workflow durable promise: peek finds nothing, get is completed by the shared handler', async () => {
    const s = await summaryOf('durable-promise');
    expect(s.outcome).toBe('success');
    expect(s.futures).toMatchObject([
      { id: 'c1', kind: 'PeekPromise', result: 'void' },
      { id: 'c2', kind: 'GetPromise', result: 'success' },
    ]);
  });

  it(`fan-out of ${FANOUT_RUNS_SMALL} runs: every run journaled and completed`, async () => {
    const s = await summaryOf('fanout-small');
    expect(s.entries).toBe(2 * FANOUT_RUNS_SMALL + 2);
    expect(s.commands).toBe(FANOUT_RUNS_SMALL + 2);
    expect(s.futures.filter((f) => f.kind === 'Run' && f.result === 'success')).toHaveLength(FANOUT_RUNS_SMALL);
  });

  it('export --target: several invocations of Worker/slow in one bundle', async () => {
    // The 2 s callees of or-timeout and any may still be running: wait until every Worker/slow is done, so the newest
    // three are stable.
    const adminUrl = admin();
    await pollUntil(
      async () => {
        const { rows } = await query(
          adminUrl,
          "SELECT count(*) AS n FROM sys_invocation WHERE target = 'Worker/slow' AND status <> 'completed'",
        );
        return rows[0]?.n === 0 ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'every Worker/slow invocation to complete' },
    );
    const file = await exportTo('worker-slow.bundle.json', [
      '--target',
      'Worker/slow',
      '--status',
      'completed',
      '--limit',
      '3',
    ]);
    const summaries = await summaryOfFile(file);
    if (!Array.isArray(summaries)) throw new Error('expected an array of summaries for several invocations');
    // The three newest: created_at has millisecond precision and all() starts its calls in the same millisecond, so
    // "newest 3" is only defined up to ties (two runs of the same ORDER BY … LIMIT 3 can pick different ids).
    const { rows } = await query(
      admin(),
      "SELECT id, created_at FROM sys_invocation WHERE target = 'Worker/slow' AND status = 'completed'",
    );
    const createdAt = new Map(rows.map((r) => [String(r.id), Date.parse(String(r.created_at))]));
    const newest = [...createdAt.values()].sort((a, b) => b - a);
    const exported = summaries.map((s) => s.invocationId);
    expect(new Set(exported).size).toBe(3);
    for (const id of exported) expect(createdAt.get(id) ?? Number.NaN, id).toBeGreaterThanOrEqual(newest[2]);
    for (const s of summaries) {
      expect(s).toMatchObject({ target: 'Worker/slow', status: 'completed', commands: 3, notifications: 1 });
      // A callee either slept to the end, or (the callee of the cancelled case) was cancelled during its sleep.
      const expected =
        s.outcome === 'success'
          ? [{ id: 'c1', kind: 'Sleep', result: 'void' }]
          : [
              { id: 'c1', kind: 'Sleep', result: 'pending' },
              { id: 's1', kind: 'Cancel', result: 'void' },
            ];
      expect(s.futures).toMatchObject(expected);
    }
  });

  it('export --target Object/key/handler: both bumps of counter c1 (the seeding call and the case)', async () => {
    const summaries = await summaryOfFile(
      await exportTo('counter.bundle.json', ['--target', 'Counter/c1/bump', '--limit', '5']),
    );
    if (!Array.isArray(summaries)) throw new Error('expected an array of summaries for several invocations');
    expect(summaries.map((s) => s.target)).toEqual(['Counter/c1/bump', 'Counter/c1/bump']);
    expect(summaries.map((s) => s.invocationId)).toContain(idOf('lazy-state'));
  });

  it('the installed command (node bin/replay-inspector.mjs export) writes the same invocation', async () => {
    const file = path.join(workDir, 'spawned.bundle.json');
    const result = await runBin(['export', '--admin', admin(), '--id', idOf('all-calls'), '-o', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Exported 1 invocation(s), 11 journal entries, 0 events');
    const spawned = await summaryOfFile(file);
    expect(spawned).toEqual(await summaryOf('all-calls'));
  });

  it('every case: the summary of the bundle equals the summary of the raw /query exports of the same invocation', async () => {
    for (const c of realCases) {
      const id = sqlLiteral(idOf(c.name));
      const files: string[] = [];
      for (const [table, order] of [
        ['sys_journal', 'ORDER BY index'],
        ['sys_journal_events', ''],
        ['sys_invocation', ''],
      ]) {
        const file = path.join(workDir, `${c.name}.${table}.query.json`);
        await writeFile(file, (await query(admin(), `SELECT * FROM ${table} WHERE id = ${id} ${order}`)).text);
        files.push(file);
      }
      const cli = captureIo();
      expect(await main(['summary', ...files], cli.io), cli.err()).toBe(0);
      const bundle = await exportTo(`${c.name}.cross.bundle.json`, ['--id', idOf(c.name)]);
      expect(JSON.parse(cli.out()), c.name).toEqual(await summaryOfFile(bundle));
    }
  });

  it('`restate sql --json` and `--jsonl` output (as printed, row count line included) reads like the /query export', async () => {
    const sql = `SELECT * FROM sys_journal WHERE id = ${sqlLiteral(idOf('all-calls'))} ORDER BY index`;
    const queryFile = path.join(workDir, 'all-calls.journal.query.json');
    await writeFile(queryFile, (await query(admin(), sql)).text);
    const expected = await summaryOfFile(queryFile);
    const json = await restateSql(admin(), '--json', sql);
    const jsonl = await restateSql(admin(), '--jsonl', sql);
    expect(json.stderr).toMatch(/11 rows\. Query took/);
    for (const [name, text] of [
      ['sql.json', json.stdout + json.stderr],
      ['sql.jsonl', jsonl.stdout],
    ]) {
      const file = path.join(workDir, `all-calls.${name}`);
      await writeFile(file, text);
      expect(await summaryOfFile(file), name).toEqual(expected);
    }
  });

  it('export keeps the partition_key digits of the server (they exceed 2^53)', async () => {
    const id = idOf('run-retry');
    const raw = await query(admin(), `SELECT * FROM sys_journal WHERE id = ${sqlLiteral(id)} ORDER BY index`);
    const keys = raw.text.match(/"partition_key":\d+/g) ?? [];
    expect(keys.length).toBeGreaterThan(0);
    const bundleText = await readFile(await exportTo('keys.bundle.json', ['--id', id]), 'utf8');
    expect(bundleText.match(/"partition_key":\d+/g)?.slice(0, keys.length)).toEqual(keys);
  });

  it('export of an invocation the server does not have fails with exit code 1 and says so', async () => {
    const cli = captureIo();
    // A well-formed id the server never issued: a real one with its last character changed.
    const real = idOf('run-retry');
    const unknown = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
    const file = path.join(workDir, 'unknown.json');
    const code = await main(['export', '--admin', admin(), '--id', unknown, '-o', file], cli.io);
    expect(cli.err()).toContain(`no such invocation on ${admin()}: ${unknown}`);
    expect(code).toBe(1);
    await expect(readFile(file)).rejects.toThrow('ENOENT');
  });
});

// `replay-inspector sdk-replay`: the real SDK replays each journal this server just wrote, offline, with the code
// that wrote it (test/restate-service/all-services.ts); the changed code (test/sdk-replay/checkout-v2.ts) gives the
// journal mismatch at the command index this server recorded for the same change; `--endpoint` sends the same
// replay to the running service process.
describe('sdk-replay against journals from the real server', () => {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const allServices = path.join(repoRoot, 'test/restate-service/all-services.ts');
  const checkoutV2 = path.join(repoRoot, 'test/sdk-replay/checkout-v2.ts');

  async function sdkReplayJson(
    args: string[],
  ): Promise<{ code: number; result: Record<string, unknown> & { verdict: string } }> {
    const cli = captureIo();
    const code = await main(['sdk-replay', ...args, '--json'], cli.io);
    return { code, result: JSON.parse(cli.out() || '{}') as Record<string, unknown> & { verdict: string } };
  }

  const verdicts: Record<string, [string, number]> = {
    'race-timeout': ['replayed', 0],
    'all-calls': ['replayed', 0],
    'any-first-success': ['replayed', 0],
    'all-settled': ['replayed', 0],
    awakeables: ['replayed', 0],
    cancelled: ['replayed', 0],
    suspended: ['suspended', 0],
    'journal-mismatch': ['stopped', 3],
    'journal-mismatch-insert': ['stopped', 3],
  };
  for (const [caseName, [verdict, exit]] of Object.entries(verdicts)) {
    it(`${caseName}: the code that wrote it replays it offline → ${verdict} (exit ${exit})`, async () => {
      const file = await exportTo(`${caseName}.sdk.bundle.json`, ['--id', idOf(caseName)]);
      const { code, result } = await sdkReplayJson([allServices, file]);
      expect(result.verdict).toBe(verdict);
      expect(code).toBe(exit);
    });
  }

  for (const caseName of [
    'journal-mismatch',
    'journal-mismatch-type',
    'journal-mismatch-insert',
    'journal-mismatch-await',
  ]) {
    it(`${caseName}: the v2 code gives the mismatch at the command index the server recorded for it`, async () => {
      const file = await exportTo(`${caseName}.sdk.bundle.json`, ['--id', idOf(caseName)]);
      const [journal] = readJournals(await readFile(file, 'utf8')).journals;
      const serverMismatch = journal.events.find((e) => e.type === 'TransientError' && e.code === 570);
      if (serverMismatch?.type !== 'TransientError') throw new Error('the server recorded no 570');
      const { code, result } = await sdkReplayJson([checkoutV2, file]);
      expect(code).toBe(1);
      expect(result.verdict).toBe('mismatch');
      const mismatch = result.mismatch as { commandIndex: number; actual: { type: string; name: string } };
      expect(mismatch.commandIndex).toBe(serverMismatch.relatedCommandIndex);
      expect(mismatch.actual).toEqual({
        type: serverMismatch.relatedCommandType,
        name: serverMismatch.relatedCommandName,
      });
    });
  }

  it('--endpoint: the running service replays a completed journal; an unfinished one is refused unless allowed', async () => {
    const service = ready().service.url;
    const done = await exportTo('all-calls.endpoint.bundle.json', ['--id', idOf('all-calls')]);
    const clean = await sdkReplayJson(['--endpoint', service, done]);
    expect(clean.result.verdict).toBe('replayed');
    expect(clean.code).toBe(0);
    // journal-mismatch has no Output: replaying it on a live deployment could run its next side effect.
    const unfinished = await exportTo('journal-mismatch.endpoint.bundle.json', ['--id', idOf('journal-mismatch')]);
    const cli = captureIo();
    expect(await main(['sdk-replay', '--endpoint', service, unfinished], cli.io)).toBe(2);
    expect(cli.err()).toContain('refusing to replay');
    // Deploy v2 of Checkout/order on the service (earlier tests may have rolled it back): the deployment itself
    // reports the mismatch, before any run of the new code executes.
    await setCodeVersion(ready().service.controlUrl, 2, 'order');
    const allowed = await sdkReplayJson(['--endpoint', service, unfinished, '--allow-side-effects']);
    expect(allowed.result.verdict).toBe('mismatch');
    expect((allowed.result.mismatch as { commandIndex: number }).commandIndex).toBe(1);
  });
});
