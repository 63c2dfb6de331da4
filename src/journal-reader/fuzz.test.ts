// Hostile input: truncated, mutated, shuffled and random texts. The reader must return journals (with warnings) or
// throw a ReaderError with a catalogued code, never anything else, never INTERNAL_ERROR, and never hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { READER_CODES, ReaderError, readJournalFiles, readJournals, summarize } from './index';
import { SAMPLE_CASES, queryFiles, sampleFile, SAMPLES_DIR } from './test-files';

/** Reads and touches everything (payload getters, summary); returns the error code, or 'ok'. */
function outcome(read: () => ReturnType<typeof readJournals>): string {
  try {
    const result = read();
    JSON.stringify(result.journals);
    result.journals.forEach(summarize);
    return 'ok';
  } catch (error) {
    if (!(error instanceof ReaderError)) throw new Error(`not a ReaderError: ${String(error)}`, { cause: error });
    expect(error.code in READER_CODES).toBe(true);
    expect(error.code).not.toBe('INTERNAL_ERROR');
    const { row, line, field, offset } = error.location;
    expect([row, line, field, offset].some((v) => v !== undefined)).toBe(true);
    return error.code;
  }
}

const samples = SAMPLE_CASES.map((name) => ({ name, text: sampleFile(name, 'journal.query.json').text }));

describe('truncation', () => {
  it.each(samples)('every prefix of $name/journal.query.json reads or fails with a ReaderError', ({ text }) => {
    const codes = new Set<string>();
    for (let cut = 0; cut < text.length; cut++) codes.add(outcome(() => readJournals(text.slice(0, cut))));
    expect(codes.has('TRUNCATED')).toBe(true);
    expect(codes.has('EMPTY_INPUT')).toBe(true);
  });

  it.each(samples)('every prefix of $name as JSONL lines reads or fails with a ReaderError', ({ text }) => {
    const jsonl = (JSON.parse(text).rows as unknown[]).map((row) => JSON.stringify(row)).join('\n');
    for (let cut = 1; cut < jsonl.length; cut += 7) outcome(() => readJournals(jsonl.slice(0, cut)));
  });
});

type Row = Record<string, unknown>;
const rowsOf = (text: string): Row[] => JSON.parse(text).rows;

/** A mutation of one field of one row: deleted, or replaced by a random JSON value; also inside the inner JSON. */
const mutation = fc.record({
  row: fc.nat(),
  field: fc.nat(),
  inner: fc.boolean(),
  action: fc.oneof(fc.constant<'delete'>('delete'), fc.jsonValue({ maxDepth: 2 })),
});

function mutate(rows: Row[], m: { row: number; field: number; inner: boolean; action: unknown }): Row[] {
  const copy = rows.map((r) => ({ ...r }));
  const row = copy[m.row % copy.length];
  const keys = Object.keys(row);
  const key = keys[m.field % keys.length];
  if (
    m.inner &&
    typeof row[key] === 'string' &&
    (key === 'entry_json' || key === 'entry_lite_json' || key === 'event_json')
  ) {
    const inner = JSON.parse(row[key] as string);
    mutateDeep(inner, m.field, m.action);
    row[key] = JSON.stringify(inner);
  } else if (m.action === 'delete') delete row[key];
  else row[key] = m.action;
  return copy;
}

function mutateDeep(value: unknown, pick: number, action: unknown): void {
  let node = value as Record<string, unknown>;
  for (let depth = 0; depth < 6; depth++) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) return;
    const key = keys[(pick + depth) % keys.length];
    const child = node[key];
    if (child && typeof child === 'object' && depth < 5 && (pick >> depth) % 2 === 0) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (action === 'delete') delete node[key];
    else node[key] = action;
    return;
  }
}

describe.each(SAMPLE_CASES)('mutated %s rows', (sample) => {
  const files = queryFiles(`${SAMPLES_DIR}${sample}`);
  const journalRows = rowsOf(files[0].text);
  const eventRows = rowsOf(files[1].text);

  it('deleted and retyped fields (seed 4242)', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const rows = mutations.reduce(mutate, journalRows);
        codes.add(outcome(() => readJournals(JSON.stringify({ rows }))));
      }),
      { seed: 4242, numRuns: 400 },
    );
    // Both outcomes occur: the mutations are not all harmless, nor all fatal.
    expect(codes.has('ok')).toBe(true);
    expect(codes.size).toBeGreaterThan(2);
  });

  it('mutated events and invocation rows next to a valid journal (seed 777)', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const events = mutate(eventRows, m);
        const result = outcome(() =>
          readJournalFiles([files[0], { name: 'events', text: JSON.stringify({ rows: events }) }, files[2]]),
        );
        expect(result).not.toBe('INTERNAL_ERROR');
      }),
      { seed: 777, numRuns: 300 },
    );
  });

  it('shuffled rows read to the same journal (seed 99)', () => {
    const expected = summarize(readJournals(files[0].text).journals[0]);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(journalRows, { minLength: journalRows.length, maxLength: journalRows.length }),
        (rows) => {
          expect(summarize(readJournals(JSON.stringify({ rows })).journals[0])).toEqual(expected);
        },
      ),
      { seed: 99, numRuns: 100 },
    );
  });
});

describe('random input', () => {
  it('random bytes decoded as text (seed 1234)', () => {
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        (bytes) => void outcome(() => readJournals(decoder.decode(bytes))),
      ),
      { seed: 1234, numRuns: 500 },
    );
  });

  it('random strings and JSON values (seed 5678)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => void outcome(() => readJournals(text)),
      ),
      { seed: 5678, numRuns: 500 },
    );
  });

  it('random rows with plausible keys (seed 31337)', () => {
    const key = fc.constantFrom(
      'id',
      'index',
      'entry_type',
      'entry_json',
      'entry_lite_json',
      'version',
      'appended_at',
      'event_type',
      'target',
      'status',
      'name',
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom(
        'inv_1',
        0,
        1,
        2,
        '{"Command":{"Run":{}}}',
        '{"Notification":{"ty":"Signal","id":{"SignalIndex":1},"result":"Void"}}',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(key, value), { maxLength: 6 }),
        (rows) => void outcome(() => readJournals(JSON.stringify({ rows }))),
      ),
      { seed: 31337, numRuns: 500 },
    );
  });
});
