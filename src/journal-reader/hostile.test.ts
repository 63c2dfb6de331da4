// Hostile input against real Restate 1.7.12 captures (issue 8): truncation at every position, mutated fields in every
// table, duplicate / missing / shuffled rows, mixed invocations, unknown entry and event types, numbers beyond 2^53,
// wrong JSON value types, and adversarial shapes (deep nesting, huge strings) that must not recurse or hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJournals, summarize } from './index';
import { outcomeOf, readerErrorOf } from './hostile-test-kit';
import { CAPTURES_DIR, readText } from './test-files';
import { rawRowOf } from './lazy-row';

type Row = Record<string, unknown>;
type Bundle = Record<string, unknown> & { sys_journal: Row[]; sys_journal_events?: Row[]; sys_invocation?: Row[] };

const bundleText = (name: string) => readText(`${CAPTURES_DIR}${name}/bundle.json`);
const bundleOf = (name: string): Bundle => JSON.parse(bundleText(name));
const TRUNCATED_CAPTURES = ['all-calls', 'cancelled', 'suspended', 'paused', 'run-retry', 'awakeables'];

describe('truncation at every position of real captures', () => {
  it.each(TRUNCATED_CAPTURES)(
    'every prefix of %s/bundle.json fails with a ReaderError, never silently reads less',
    (name) => {
      const text = bundleText(name);
      const whole = text.trimEnd().length;
      const codes = new Set<string>();
      for (let cut = 0; cut < whole; cut++) {
        const code = outcomeOf(() => readJournals(text.slice(0, cut)), false);
        codes.add(code);
        // A cut bundle must never read as a (shorter) journal: that would hide the damage.
        if (code === 'ok') throw new Error(`prefix of ${cut} characters read as a journal`);
      }
      expect(codes.has('TRUNCATED')).toBe(true);
      expect(codes.has('EMPTY_INPUT')).toBe(true);
    },
  );

  it.each(['all-calls', 'cancelled'])(
    'every prefix of %s/journal.query.json fails with a ReaderError, never silently reads less',
    (name) => {
      const text = readText(`${CAPTURES_DIR}${name}/journal.query.json`);
      const whole = text.trimEnd().length;
      for (let cut = 0; cut < whole; cut++) {
        if (outcomeOf(() => readJournals(text.slice(0, cut)), false) === 'ok')
          throw new Error(`prefix of ${cut} characters read as a journal`);
      }
    },
  );

  it('every prefix of cancelled/journal.sql.terminal.txt reads or fails with a ReaderError', () => {
    const text = readText(`${CAPTURES_DIR}cancelled/journal.sql.terminal.txt`);
    for (let cut = 0; cut < text.length; cut += 3) outcomeOf(() => readJournals(text.slice(0, cut)), false);
  });
});

const mutation = fc.record({
  table: fc.constantFrom('sys_journal', 'sys_journal_events', 'sys_invocation'),
  row: fc.nat(),
  field: fc.nat(),
  action: fc.oneof(
    fc.constant<'delete'>('delete'),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      2 ** 53 + 2,
      -1,
      1.5,
      1e300,
      '',
      'Command: Nope',
      '{"Command":{"Nope":{}}}',
      '{"Notification":{"ty":"Nope"}}',
    ),
  ),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bundle: Bundle, m: Mutation): Bundle {
  const copy = structuredClone(bundle);
  const rows = copy[m.table] as Row[] | undefined;
  if (!rows || rows.length === 0) return copy;
  const row = rows[m.row % rows.length];
  const keys = Object.keys(row);
  const key = keys[m.field % keys.length];
  if (m.action === 'delete') delete row[key];
  else row[key] = m.action;
  return copy;
}

describe.each(['all-calls', 'cancelled', 'suspended', 'paused'])('mutated %s bundle', (name) => {
  const bundle = bundleOf(name);

  it('deleted and retyped fields in every table (seed 8080)', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        codes.add(outcomeOf(() => readJournals(JSON.stringify(mutations.reduce(mutate, bundle)))));
      }),
      { seed: 8080, numRuns: 300 },
    );
    expect(codes.has('ok')).toBe(true);
    expect(codes.size).toBeGreaterThan(2);
  });

  it('rows out of order read to the same journal: index, not row order, is authoritative (seed 6060)', () => {
    const expected = summarize(readJournals(JSON.stringify(bundle)).journals[0]);
    const rows = bundle.sys_journal;
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        const result = readJournals(JSON.stringify({ ...bundle, sys_journal: shuffled }));
        expect(summarize(result.journals[0])).toEqual(expected);
      }),
      { seed: 6060, numRuns: 50 },
    );
  });

  it('duplicated rows are read once (DUPLICATE_ROWS); missing rows give INDEX_GAP (seed 5050)', () => {
    const rows = bundle.sys_journal;
    const expected = summarize(readJournals(JSON.stringify(bundle)).journals[0]);
    fc.assert(
      fc.property(fc.nat({ max: rows.length - 1 }), fc.nat({ max: Math.max(0, rows.length - 2) }), (dup, drop) => {
        const doubled = readJournals(JSON.stringify({ ...bundle, sys_journal: [...rows, rows[dup]] }));
        expect(doubled.warnings.map((w) => w.code)).toContain('DUPLICATE_ROWS');
        expect(summarize(doubled.journals[0])).toEqual(expected);
        if (rows.length < 2) return;
        const holed = readJournals(JSON.stringify({ ...bundle, sys_journal: rows.filter((_, k) => k !== drop) }));
        expect(holed.warnings.map((w) => w.code)).toContain('INDEX_GAP');
        expect(holed.journals[0].entries.length).toBe(rows.length - 1);
      }),
      { seed: 5050, numRuns: 30 },
    );
  });
});

describe('mixed invocations', () => {
  it('interleaved rows of several captures read to the journals each reads alone (seed 4040)', () => {
    const names = ['all-calls', 'cancelled', 'paused'];
    const bundles = names.map(bundleOf);
    const alone = bundles.map((b) => summarize(readJournals(JSON.stringify(b)).journals[0]));
    const tagged = bundles.flatMap((b) => b.sys_journal);
    fc.assert(
      fc.property(fc.shuffledSubarray(tagged, { minLength: tagged.length, maxLength: tagged.length }), (rows) => {
        const merged = {
          ...bundles[0],
          sys_journal: rows,
          sys_journal_events: bundles.flatMap((b) => b.sys_journal_events ?? []),
          sys_invocation: bundles.flatMap((b) => b.sys_invocation ?? []),
        };
        const result = readJournals(JSON.stringify(merged));
        expect(result.journals).toHaveLength(3);
        const byId = new Map(result.journals.map((j) => [j.invocationId, summarize(j)]));
        for (const summary of alone) expect(byId.get(summary.invocationId)).toEqual(summary);
      }),
      { seed: 4040, numRuns: 20 },
    );
  });
});

describe('unknown entry and event types', () => {
  it('are kept as unknown with warnings; everything else reads as before', () => {
    const bundle = {
      ...bundleOf('all-calls'),
      sys_journal_events: bundleOf('paused').sys_journal_events?.map((e) => ({
        ...e,
        id: bundleOf('all-calls').sys_journal[0].id,
      })),
    };
    const known = readJournals(JSON.stringify(bundle)).journals[0];
    const extra: Row[] = [
      {
        ...bundle.sys_journal[1],
        index: known.entries.length,
        entry_type: 'Command: Teleport',
        name: 'beam',
        entry_json: '{"Command":{"Teleport":{"completion_id":99,"name":"beam"}}}',
        entry_lite_json: '{"Command":{"Teleport":{"completion_id":99,"name":"beam"}}}',
      },
      {
        ...bundle.sys_journal[1],
        index: known.entries.length + 1,
        entry_type: 'Notification: Teleport',
        name: undefined,
        entry_json: '{"Notification":{"Completion":{"Teleport":{"completion_id":99,"result":"Void"}}}}',
        entry_lite_json: '{"Notification":{"ty":{"Completion":"Teleport"},"id":{"CompletionId":99},"result":"Void"}}',
      },
    ];
    const event = {
      ...(bundle.sys_journal_events ?? [])[0],
      event_type: 'Resharded',
      event_json: '{"ty":"Resharded","shards":4}',
    };
    const result = readJournals(
      JSON.stringify({
        ...bundle,
        sys_journal: [...bundle.sys_journal, ...extra],
        sys_journal_events: [...(bundle.sys_journal_events ?? []), event],
      }),
    );
    const journal = result.journals[0];
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('UNKNOWN_ENTRY_TYPE');
    expect(codes).toContain('UNKNOWN_EVENT_TYPE');
    expect(journal.entries.slice(0, known.entries.length)).toEqual(known.entries);
    expect(journal.entries[known.entries.length]).toMatchObject({ kind: 'unknown', type: 'Teleport' });
    expect(journal.entries).toHaveLength(known.entries.length + 2);
    expect(journal.events.map((e) => e.type)).toEqual(['TransientError', 'Paused', 'Unknown']);
    expect(journal.events[2]).toMatchObject({ type: 'Unknown', eventType: 'Resharded' });
  });
});

describe('numbers beyond 2^53', () => {
  const bundle = bundleOf('all-calls');
  const rows = bundle.sys_journal;
  const callAt = rows.findIndex((r) => r.entry_type === 'Command: Call');
  const notificationAt = rows.findIndex(
    (r) => typeof r.entry_type === 'string' && r.entry_type.startsWith('Notification'),
  );
  // Written as text: JSON.stringify of 2^53 + 1 would already be rounded.
  const BIG = '9007199254740993';
  const withRow = (k: number, row: Row) =>
    JSON.stringify({ ...bundle, sys_journal: rows.map((r, i) => (i === k ? row : r)) });

  it('an index is NUMBER_TOO_LARGE at its row, never rounded', () => {
    const text = withRow(3, { ...rows[3], index: 0.5 }).replace('"index":0.5', `"index":${BIG}`);
    const error = readerErrorOf(() => readJournals(text));
    expect(error.code).toBe('NUMBER_TOO_LARGE');
    expect(error.location).toMatchObject({ row: 3, field: 'index' });
    expect(error.message).toContain('9007199254740992');
  });

  it('a completion id in entry_lite_json or entry_json is NUMBER_TOO_LARGE', () => {
    for (const field of ['entry_lite_json', 'entry_json']) {
      for (const k of [callAt, notificationAt]) {
        const row = { ...rows[k] };
        const other = field === 'entry_lite_json' ? 'entry_json' : 'entry_lite_json';
        delete row[other];
        row[field] = (row[field] as string).replace(/"(\w*completion_id|CompletionId)":\d+/, `"$1":${BIG}`);
        const error = readerErrorOf(() => readJournals(withRow(k, row)));
        expect(error.code).toBe('NUMBER_TOO_LARGE');
        expect(error.location.row).toBe(k);
      }
    }
  });

  it('a wake-up time beyond 2^53 is NUMBER_TOO_LARGE; one just below reads exactly', () => {
    const sleep = {
      kind: 'command',
      index: 1,
      type: 'Sleep',
      name: '',
      appendedAtMs: 0,
      commandIndex: 1,
      completionIds: [1],
      wakeUpAtMs: 1,
    };
    const row = (wake: string) =>
      `{"id":"inv_1","index":1,"entry_type":"Command: Sleep","version":2,"entry_lite_json":"{\\"Command\\":{\\"Sleep\\":{\\"wake_up_time\\":${wake},\\"completion_id\\":1}}}"}`;
    const input =
      '{"id":"inv_1","index":0,"entry_type":"Command: Input","version":2,"entry_lite_json":"{\\"Command\\":{\\"Input\\":{}}}"}';
    const error = readerErrorOf(() => readJournals(`{"rows":[${input},${row(BIG)}]}`));
    expect(error.code).toBe('NUMBER_TOO_LARGE');
    expect(error.location).toMatchObject({ row: 1, field: 'entry_lite_json.wake_up_time' });
    const ok = readJournals(`{"rows":[${input},${row('9007199254740991')}]}`).journals[0].entries[1];
    expect(ok).toMatchObject({ type: sleep.type, wakeUpAtMs: 9007199254740991 });
  });

  it('partition_key keeps its exact 19 digits', () => {
    const text = bundleText('all-calls');
    const digits = /"partition_key":(\d+)/.exec(text)?.[1];
    expect(digits).toMatch(/^\d{19,20}$/);
    expect(Number(digits) > Number.MAX_SAFE_INTEGER).toBe(true);
    const raw = rawRowOf(readJournals(text).journals[0].entries[0].raw) as Row;
    expect(raw.partition_key).toBe(digits);
  });
});

describe('the wrong kind of JSON, empty and whitespace input', () => {
  it.each([
    ['', 'EMPTY_INPUT'],
    ['   \n\t  ', 'EMPTY_INPUT'],
    ['\ufeff', 'EMPTY_INPUT'],
    ['42', 'NOT_JSON'],
    ['"text"', 'NOT_JSON'],
    ['null', 'NOT_JSON'],
    ['true', 'NOT_JSON'],
    ['[]', 'NO_JOURNAL_ROWS'],
    ['{}', 'UNKNOWN_FORMAT'],
    ['[1,2,3]', 'BAD_FIELD_TYPE'],
    ['[[]]', 'BAD_FIELD_TYPE'],
    ['{"rows":{}}', 'BAD_FIELD_TYPE'],
    ['{"rows":[null]}', 'BAD_FIELD_TYPE'],
    ['{"rows":"x"}', 'BAD_FIELD_TYPE'],
    ['{"format":"replay-inspector/bundle","version":1,"sys_journal":7}', 'BAD_FIELD_TYPE'],
  ])('%j is %s', (text, code) => {
    expect(readerErrorOf(() => readJournals(text)).code).toBe(code);
  });
});

describe('adversarial shapes: linear work, no recursion, a ReaderError', () => {
  const MB = 1024 * 1024;

  it('8 MB of unclosed brackets is TRUNCATED', () => {
    expect(readerErrorOf(() => readJournals('['.repeat(8 * MB))).code).toBe('TRUNCATED');
    expect(readerErrorOf(() => readJournals('{"rows":' + '['.repeat(8 * MB))).code).toBe('TRUNCATED');
  });

  it('4 MB of closed nesting as rows, as a row field and inside entry_json is a ReaderError or a journal', () => {
    const depth = 2 * MB;
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    expect(readerErrorOf(() => readJournals(nested)).code).toBe('BAD_FIELD_TYPE');
    expect(readerErrorOf(() => readJournals(`{"rows":${nested}}`)).code).toBe('BAD_FIELD_TYPE');
    const inner = JSON.stringify('{"Command":{"Run":' + '['.repeat(depth) + ']'.repeat(depth) + '}}');
    const row = `{"id":"inv_1","index":0,"entry_type":"Command: Run","version":2,"entry_json":${inner}}`;
    expect(['ok', 'BAD_ENTRY_JSON', 'BAD_FIELD_TYPE']).toContain(outcomeOf(() => readJournals(`{"rows":[${row}]}`)));
    // Deep nesting in a column the reader does not interpret is kept as it is, untouched.
    const kept = `{"id":"inv_1","index":0,"entry_type":"Command: Input","version":2,"entry_lite_json":"{\\"Command\\":{\\"Input\\":{}}}","extra":${nested}}`;
    expect(readJournals(`{"rows":[${kept}]}`).journals[0].entries).toHaveLength(1);
    expect(readerErrorOf(() => readJournals('{"a":'.repeat(MB) + '1' + '}'.repeat(MB))).code).toBe('UNKNOWN_FORMAT');
  });

  it('a 50 MB string, alone, as a row, as entry_json and as a name', () => {
    const big = 'x'.repeat(50 * MB);
    expect(readerErrorOf(() => readJournals(`"${big}"`)).code).toBe('NOT_JSON');
    expect(readerErrorOf(() => readJournals(`{"rows":["${big}"]}`)).code).toBe('BAD_FIELD_TYPE');
    expect(
      readerErrorOf(() => readJournals(`{"rows":[{"id":"inv_1","index":0,"version":2,"entry_json":"${big}"}]}`)).code,
    ).toBe('BAD_ENTRY_JSON');
    const named = `{"rows":[{"id":"inv_1","index":0,"entry_type":"Command: Run","name":"${big}","version":2,"entry_lite_json":"{\\"Command\\":{\\"Run\\":{\\"completion_id\\":1}}}"}]}`;
    expect(readJournals(named).journals[0].entries[0].name).toHaveLength(50 * MB);
  });

  it('text over limits.maxChars is refused before parsing', () => {
    const error = readerErrorOf(() =>
      readJournals('{"rows":[' + ' '.repeat(2000) + ']}', { limits: { maxChars: 1000 } }),
    );
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('the limit is 1000');
  });

  it('more rows than limits.maxEntries is TOO_LARGE naming both numbers', () => {
    const text = readText(`${CAPTURES_DIR}all-calls/journal.query.json`);
    const error = readerErrorOf(() => readJournals(text, { limits: { maxEntries: 5 } }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/at least 11 journal entries; the limit is 5/);
  });
});
