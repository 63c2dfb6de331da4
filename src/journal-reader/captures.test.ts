// The reader against real captures from a Restate 1.7.12 server (test/fixtures/restate-1.7.12, written by
// scripts/capture-fixtures.ts): every shape reads the same, and each summary shows what its handler must have done.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../model';
import type { Summary } from './index';
import { readJournalFiles, readJournals, summarize } from './index';
import { CAPTURES_DIR, captureCases, queryFiles, readText } from './test-files';

function readCase(name: string): { journals: Journal[]; summaries: Summary[]; info: Record<string, unknown> } {
  const result = readJournalFiles(queryFiles(`${CAPTURES_DIR}${name}`));
  return {
    journals: result.journals,
    summaries: result.journals.map(summarize),
    info: JSON.parse(readText(`${CAPTURES_DIR}${name}/case.json`)),
  };
}

const cases = captureCases();

describe.each(cases)('capture %s', (name) => {
  const dir = `${CAPTURES_DIR}${name}/`;

  it('reads without warnings; target, status and ids match case.json', () => {
    const result = readJournalFiles(queryFiles(dir));
    expect(result.warnings).toEqual([]);
    const { info } = readCase(name);
    const ids = (info.invocationIds as string[] | undefined) ?? [info.invocationId as string];
    expect(result.journals.map((j) => j.invocationId).sort()).toEqual([...ids].sort());
    for (const journal of result.journals) {
      expect(journal.target).toBe(info.target);
      if (info.finalStatus) expect(journal.status).toBe(info.finalStatus);
    }
  });

  it('the bundle gives the same summaries as the separate /query exports', () => {
    const bundle = readJournals(readText(`${dir}bundle.json`));
    expect(bundle.format).toBe('bundle');
    expect(bundle.journals.map(summarize)).toEqual(readCase(name).summaries);
  });

  it.each(
    ['journal.sql.json', 'journal.sql.jsonl', 'journal.sql.terminal.txt']
      .filter((f) => existsSync(`${dir}${f}`))
      .concat(['journal.query.json']),
  )('%s gives the same journal summary as journal.query.json', (file) => {
    const query = readJournals(readText(`${dir}journal.query.json`)).journals.map(summarize);
    expect(readJournals(readText(`${dir}${file}`)).journals.map(summarize)).toEqual(query);
  });
});

const kinds = (s: Summary) => Object.fromEntries(s.futures.map((f) => [f.id, `${f.kind}:${f.result}`]));

describe('what the handlers must have done', () => {
  it('all-calls: invocation ids at once, then results in order of the known delays', () => {
    const [s] = readCase('all-calls').summaries;
    expect(s.completionOrder).toEqual(['c1', 'c3', 'c5', 'c4', 'c6', 'c2']);
    expect(s.outcome).toBe('success');
  });
  it('race-timeout: the Sleep completes before the Run', () => {
    const [s] = readCase('race-timeout').summaries;
    expect(s.completionOrder.indexOf('c2')).toBeLessThan(s.completionOrder.indexOf('c1'));
    expect(kinds(s).c2).toBe('Sleep:void');
  });
  it('or-timeout: the timer won, the call result never arrived, the invocation failed', () => {
    const [s] = readCase('or-timeout').summaries;
    expect(kinds(s)).toMatchObject({ c1: 'CallInvocationId:invocation-id', c2: 'Call:pending', c3: 'Sleep:void' });
    expect(s.outcome).toBe('failure');
  });
  it('any-first-success: the terminal Run failure comes first, one call succeeds, one stays pending', () => {
    const [s] = readCase('any-first-success').summaries;
    expect(kinds(s)).toMatchObject({ c1: 'Run:failure', c3: 'Call:pending', c5: 'Call:success' });
    expect(s.completionOrder.indexOf('c1')).toBeLessThan(s.completionOrder.indexOf('c5'));
  });
  it('all-settled: every future settles, the failure does not fail the invocation', () => {
    const [s] = readCase('all-settled').summaries;
    expect(s.futures.every((f) => f.result !== 'pending')).toBe(true);
    expect(s.futures.some((f) => f.result === 'failure')).toBe(true);
    expect(s.outcome).toBe('success');
  });
  it('awakeables: s18 resolved before s17, both awakeable signal futures', () => {
    const [s] = readCase('awakeables').summaries;
    expect(s.completionOrder).toEqual(['s18', 's17']);
    expect(s.futures.map((f) => [f.id, f.kind, f.completionId, f.commandIndex])).toEqual([
      ['s18', 'Awakeable', null, null],
      ['s17', 'Awakeable', null, null],
    ]);
  });
  it('cancelled: the CANCEL signal s1 is present and the Output fails with 409', () => {
    const {
      summaries: [s],
      journals: [j],
    } = readCase('cancelled');
    expect(kinds(s).s1).toBe('Cancel:void');
    const output = j.entries.find((e) => e.kind === 'command' && e.type === 'Output');
    expect(output?.kind === 'command' && output.result).toMatchObject({ kind: 'failure', failure: { code: 409 } });
    expect(j.entries.some((e) => e.kind === 'command' && e.type === 'SendSignal' && e.signal?.index === 1)).toBe(true);
  });
  it('run-retry: three transient errors, then the Run succeeds', () => {
    const [s] = readCase('run-retry').summaries;
    expect(s.transientErrors).toBe(3);
    expect(kinds(s).c1).toBe('Run:success');
  });
  it('run-retry-exhausted: transient errors, then a terminal Run failure', () => {
    const [s] = readCase('run-retry-exhausted').summaries;
    expect(s.transientErrors).toBeGreaterThan(0);
    expect(kinds(s).c1).toBe('Run:failure');
    expect(s.outcome).toBe('failure');
  });
  it('terminal-failure: the Run notification carries code 422', () => {
    const {
      journals: [j],
    } = readCase('terminal-failure');
    const run = j.entries.find((e) => e.kind === 'notification' && e.type === 'Run');
    expect(run?.kind === 'notification' && run.result).toMatchObject({ kind: 'failure', failure: { code: 422 } });
  });
  it('suspended: the awaited tree names c1, CANCEL and both awakeables', () => {
    const {
      journals: [j],
    } = readCase('suspended');
    expect(j.status).toBe('suspended');
    expect(j.awaiting).toMatchObject({ node: 'Unknown' });
    const singles = j.awaiting && 'children' in j.awaiting ? j.awaiting.children : [];
    expect(singles).toEqual(
      expect.arrayContaining([
        { node: 'Single', completionId: 1 },
        { node: 'Single', signalIndex: 1 },
        { node: 'Single', signalIndex: 17 },
        { node: 'Single', signalIndex: 18 },
      ]),
    );
  });
  it('named-signal: a named signal future', () => {
    const [s] = readCase('named-signal').summaries;
    expect(s.futures).toEqual([
      expect.objectContaining({ id: 's:go', kind: 'Signal', name: 'go', completionId: null, result: 'success' }),
    ]);
  });
  it('lazy-state: state keys come from entry_json', () => {
    const {
      journals: [j],
    } = readCase('lazy-state');
    const keys = j.entries.find((e) => e.kind === 'notification' && e.result.kind === 'state-keys');
    expect(keys?.kind === 'notification' && keys.result.kind === 'state-keys' && Array.isArray(keys.result.keys)).toBe(
      true,
    );
  });
  it('send-attach: the OneWayCall invocation id, then the attached output', () => {
    const [s] = readCase('send-attach').summaries;
    expect(kinds(s)).toMatchObject({ c1: 'CallInvocationId:invocation-id', c2: 'AttachInvocation:success' });
  });
  it('paused: status paused after transient errors, with the Paused event and its last failure', () => {
    const {
      journals: [j],
    } = readCase('paused');
    expect(j.status).toBe('paused');
    expect(j.events.find((e) => e.type === 'Paused')).toMatchObject({ type: 'Paused', message: 'always broken' });
  });
  it('self-signal: a SendSignal with a name and the matching named signal future', () => {
    const {
      summaries: [s],
      journals: [j],
    } = readCase('self-signal');
    expect(j.entries.find((e) => e.kind === 'command' && e.type === 'SendSignal')).toMatchObject({
      signal: { name: 'self' },
    });
    expect(s.completionOrder).toEqual(['s:self']);
  });
  it('fanout-7000: every one of the 7,002 entries is read', () => {
    const [s] = readCase('fanout-7000').summaries;
    expect(s.entries).toBe(7002);
    expect(s.futures.every((f) => f.result !== 'pending')).toBe(true);
  });
});
