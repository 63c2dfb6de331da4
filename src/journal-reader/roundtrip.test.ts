// write → read → the same model (modulo raw rows): toRestateQueryText and toNativeText against the reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../model';
import { generateJournal } from './generate';
import { partitionKeyOf, readJournals, summarize, toNativeText, toRestateQueryText } from './index';
import { sampleFile } from './test-files';
import { rawRowOf } from './lazy-row';

/** The model as plain data, without raw rows (JSON round trip also reads lazy payloads). */
function plain(journal: Journal): unknown {
  return JSON.parse(JSON.stringify(journal.entries.map(({ raw: _raw, ...entry }) => entry)));
}

describe('toRestateQueryText', () => {
  it('generated journals survive write → read (seed 2024)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 300 }), (seed, entries) => {
        const journal = generateJournal({ entries, seed });
        const result = readJournals(toRestateQueryText([journal]));
        expect(result.warnings).toEqual([]);
        expect(result.journals).toHaveLength(1);
        expect(plain(result.journals[0])).toEqual(plain(journal));
        expect(result.journals[0].completionResult).toBe('success');
      }),
      { seed: 2024, numRuns: 60 },
    );
  });

  it('with Restate columns (partition_key, raw, raw_length) the same model reads back, partition_key exact (seed 2025)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 200 }), (seed, entries) => {
        const journal = generateJournal({ entries, seed });
        const text = toRestateQueryText([journal], { restateColumns: true });
        const result = readJournals(text);
        expect(result.warnings).toEqual([]);
        expect(plain(result.journals[0])).toEqual(plain(journal));
        const key = partitionKeyOf(journal.invocationId);
        expect(key).toMatch(/^\d{19}$/);
        expect(Number(key) > Number.MAX_SAFE_INTEGER).toBe(true);
        expect(text).toContain(`{"partition_key":${key},"id":"${journal.invocationId}"`);
        for (const entry of result.journals[0].entries) {
          const raw = rawRowOf(entry.raw)!;
          expect(raw.partition_key).toBe(key);
          expect(raw.raw_length).toBe((raw.raw as string).length / 2);
        }
      }),
      { seed: 2025, numRuns: 30 },
    );
  });

  it('several journals in one export come back in order', () => {
    const journals = [1, 2, 3].map((seed) => generateJournal({ entries: 40, seed }));
    const result = readJournals(toRestateQueryText(journals));
    expect(result.journals.map((j) => j.invocationId)).toEqual(journals.map((j) => j.invocationId));
  });

  it('a real journal read, written and read again is unchanged', () => {
    for (const sample of ['race-timeout', 'run-retry']) {
      const first = readJournals(sampleFile(sample, 'journal.query.json').text).journals[0];
      const second = readJournals(toRestateQueryText([first])).journals[0];
      expect(plain(second)).toEqual(plain(first));
      expect(summarize(second)).toEqual(summarize(first));
    }
  });

  it('writes Restate row shapes: version 2, JSON strings in entry_json and entry_lite_json, ISO appended_at', () => {
    const [row] = JSON.parse(
      toRestateQueryText([readJournals(sampleFile('run-retry', 'journal.query.json').text).journals[0]]),
    ).rows.slice(5, 6);
    expect(row).toEqual({
      id: 'inv_1i371yPPlnjo1jfG2JekLpGUGfG77heKWc',
      index: 5,
      entry_type: 'Notification: Run',
      version: 2,
      entry_json: '{"Notification":{"Completion":{"Run":{"completion_id":1,"result":{"Success":[52]}}}}}',
      entry_lite_json: '{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"Success"}}',
      appended_at: '2026-11-28T02:05:00.306Z',
    });
  });
});

describe('toNativeText', () => {
  it('native files read back to the same journal and run (seed 8)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const journal = generateJournal({ entries: 50, seed });
        const run = {
          scenario: 'fanout',
          seed,
          decisions: [],
          attempts: [],
          output: { value: 1 },
          completionOrder: ['c1'],
        };
        const result = readJournals(toNativeText(journal, run));
        expect(result.format).toBe('native');
        expect(result.run).toEqual(run);
        expect(plain(result.journals[0])).toEqual(plain(journal));
        expect(result.journals[0].target).toBe(journal.target);
      }),
      { seed: 8, numRuns: 30 },
    );
  });

  it('a real journal written as native keeps its summary', () => {
    const journal = readJournals(sampleFile('run-retry', 'journal.query.json').text).journals[0];
    expect(summarize(readJournals(toNativeText(journal)).journals[0])).toEqual(summarize(journal));
  });
});
