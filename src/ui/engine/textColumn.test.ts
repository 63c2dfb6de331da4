// A text column gives back every string it was given, in order, code unit for code unit (fast-check, seed in the name).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextColumnWriter, textAt } from './textColumn';

describe('strings as one text and their ends', () => {
  it('property (seed 3301): any strings, empty ones and lone surrogates included, survive a clone', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(''))), (strings) => {
        const writer = new TextColumnWriter(strings.length);
        for (const s of strings) writer.add(s);
        const made = writer.finish();
        const column = structuredClone(made, { transfer: [made.end.buffer] });
        expect(strings.map((_, i) => textAt(column, i))).toEqual(strings);
      }),
      { seed: 3301, numRuns: 300 },
    );
  });

  it('a column of no strings is empty', () => {
    expect(new TextColumnWriter(0).finish()).toEqual({ text: '', end: new Uint32Array(0) });
  });
});
