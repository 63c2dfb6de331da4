import { describe, expect, it } from 'vitest';
import { joinRowTexts, rowTexts, rowsArrayText, sqlLiteral, sqlTimestamp } from './query-text';

describe('admin /query text helpers', () => {
  it('quotes literals and writes only validated timestamps', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlTimestamp('2026-11-28T05:14:39.106Z')).toBe("TIMESTAMP '2026-11-28T05:14:39.106Z'");
    expect(sqlTimestamp('2026-11-28T05:14:39Z')).toBe("TIMESTAMP '2026-11-28T05:14:39Z'");
    for (const bad of ["2026-11-28T05:14:39.106Z' OR 1=1", '2026-11-28 05:14:39', '', 'yesterday'])
      expect(() => sqlTimestamp(bad)).toThrow(/not an ISO UTC time/);
  });

  it('splits a rows array into the exact text of each row, braces and quotes inside strings included', () => {
    const rows = [
      '{"partition_key":18446744073709551615,"id":"inv_1","entry_json":"{\\"Command\\":{\\"Run\\":{}}}"}',
      '{"id":"inv_1","name":"a } \\" { b","n":[1,{"x":2}]}',
    ];
    const text = rowsArrayText(`{"rows":[${rows.join(',')}]}`);
    expect(rowTexts(text)).toEqual(rows);
    expect(rowTexts(joinRowTexts(rows))).toEqual(rows);
    expect(rowTexts('[]')).toEqual([]);
    expect(JSON.parse(joinRowTexts([]))).toEqual([]);
    expect(() => rowTexts('[{"id":"inv_1"')).toThrow(/unbalanced/);
  });
});
