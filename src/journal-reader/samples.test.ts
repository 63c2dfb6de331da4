import { describe, expect, it } from 'vitest';
import { readJournalFiles, readJournals, summarize, summaryText } from './index';
import { SAMPLES_DIR, SAMPLE_CASES, queryFiles, readText, sampleFile } from './test-files';
import { rawRowOf } from './lazy-row';

describe.each(SAMPLE_CASES)('sample %s (real Restate 1.7.12 export)', (sample) => {
  const expectedText = readText(`${SAMPLES_DIR}${sample}/expected.summary.json`);
  const expected = JSON.parse(expectedText);

  it('journal + events + invocation exports summarize byte-for-byte to expected.summary.json', () => {
    const result = readJournalFiles(queryFiles(`${SAMPLES_DIR}${sample}`));
    expect(result.format).toBe('restate-query');
    expect(result.warnings).toEqual([]);
    expect(summaryText(result.journals)).toBe(expectedText);
  });

  it('the journal export alone gives the same summary, without target, status and transient errors', () => {
    const result = readJournals(sampleFile(sample, 'journal.query.json').text);
    expect(summarize(result.journals[0])).toEqual({ ...expected, target: null, status: null, transientErrors: 0 });
  });

  it('keeps partition_key exact (it exceeds 2^53) in the raw rows', () => {
    const text = sampleFile(sample, 'journal.query.json').text;
    const digits = /"partition_key":(\d+)/.exec(text)![1];
    const raw = rawRowOf(readJournals(text).journals[0].entries[0].raw)!;
    expect(raw.partition_key).toBe(digits);
  });

  it('keeps partition_key exact in every row even when the first row lacks it', () => {
    const text = sampleFile(sample, 'journal.query.json').text;
    const digits = /"partition_key":(\d+)/.exec(text)![1];
    const entries = readJournals(text.replace(/"partition_key":\d+,/, '')).journals[0].entries;
    expect(rawRowOf(entries[0].raw)!.partition_key).toBeUndefined();
    expect(entries.slice(1).every((e) => rawRowOf(e.raw)!.partition_key === digits)).toBe(true);
  });
});

describe('run-retry in every export shape', () => {
  const dir = `${SAMPLES_DIR}run-retry/`;
  const fromQuery = summarize(readJournals(readText(`${dir}journal.query.json`)).journals[0]);

  it.each([
    ['journal.sql.json', 'restate-sql-json'],
    ['journal.sql.jsonl', 'restate-sql-jsonl'],
  ])('%s reads as %s with the same summary as the /query export', (name, format) => {
    const result = readJournals(readText(`${dir}${name}`));
    expect(result.format).toBe(format);
    expect(summarize(result.journals[0])).toEqual(fromQuery);
  });

  it('decodes payloads: the Call result is JSON text, the Input is JSON null', () => {
    const [journal] = readJournals(readText(`${dir}journal.query.json`)).journals;
    const call = journal.entries.find((e) => e.kind === 'notification' && e.type === 'Call');
    expect(call?.kind === 'notification' && call.result).toEqual({
      kind: 'success',
      payload: { encoding: 'json', text: '"slept 50"', byteLength: 10 },
    });
    const input = journal.entries[0];
    expect(input.kind === 'command' && input.result).toEqual({
      kind: 'success',
      payload: { encoding: 'json', text: 'null', byteLength: 4 },
    });
  });

  it('reads the callee invocation id of a CallInvocationId notification and the Call target', () => {
    const [journal] = readJournals(readText(`${dir}journal.query.json`)).journals;
    const call = journal.entries[2];
    expect(call).toMatchObject({
      kind: 'command',
      type: 'Call',
      commandIndex: 2,
      completionIds: [2, 3],
      target: { service: 'Worker', handler: 'slow' },
    });
    expect(journal.entries[3]).toMatchObject({
      kind: 'notification',
      completionId: 2,
      result: { kind: 'invocation-id', invocationId: 'inv_10EyKTdmwynC6cdLdNVIu3zz17pjANgspP' },
    });
  });

  it('reads transient error events with their related command', () => {
    const result = readJournalFiles(queryFiles(dir));
    expect(result.journals[0].events[2]).toMatchObject({
      type: 'TransientError',
      afterEntryIndex: 3,
      code: 500,
      message: 'transient 1',
      docCode: 'RT0007',
      relatedCommandIndex: 1,
      relatedCommandName: 'flaky',
      relatedCommandType: 'Run',
    });
  });

  it('reads the same rows from journal, sql json and jsonl files together once (identical duplicates)', () => {
    const names = [
      'journal.query.json',
      'journal.sql.json',
      'journal.sql.jsonl',
      'events.query.json',
      'invocation.query.json',
    ];
    const result = readJournalFiles(names.map((name) => sampleFile('run-retry', name)));
    expect(result.journals).toHaveLength(1);
    expect(summaryText(result.journals)).toBe(readText(`${dir}expected.summary.json`));
    expect(result.warnings.map((w) => w.code)).toEqual(['DUPLICATE_ROWS']);
  });
});
