import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutLabels, type LabelLayoutOptions, type LabelRequest, type PlacedLabel } from './labelLayout';

/** A monospace stand-in for the browser: 6 px a character plus 6 px padding. */
const measure = (text: string) => text.length * 6 + 6;
const options: LabelLayoutOptions = { widthPx: 600, rowsMax: 3, offsetPx: 4, gapPx: 4, measure };

const label = (key: string, x: number, text = 'transient 500', extra: Partial<LabelRequest> = {}): LabelRequest => ({
  key,
  x,
  text,
  align: 'start',
  ...extra,
});

/** Drawn boxes, as the browser draws them (the folded suffix included). */
function boxes(placed: PlacedLabel[]) {
  return placed.map((p) => ({ key: p.request.key, row: p.row, left: p.leftPx, right: p.leftPx + measure(p.text) }));
}

function overlapping(placed: PlacedLabel[]): string[] {
  const b = boxes(placed);
  const out: string[] = [];
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++)
      if (b[i].row === b[j].row && b[i].left < b[j].right && b[j].left < b[i].right)
        out.push(`${b[i].key}×${b[j].key}`);
  return out;
}

describe('layoutLabels', () => {
  it('leaves labels far apart in the first row, each just right of its marker', () => {
    const { placed } = layoutLabels([label('a', 10), label('b', 300)], options);
    expect(placed.map((p) => [p.request.key, p.row, p.leftPx, p.text])).toEqual([
      ['a', 0, 14, 'transient 500'],
      ['b', 0, 304, 'transient 500'],
    ]);
  });

  it('stacks two labels at nearly the same time instead of drawing one over the other', () => {
    const { placed } = layoutLabels([label('a', 100), label('b', 103, 'paused')], options);
    expect(placed.map((p) => [p.request.key, p.row])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(overlapping(placed)).toEqual([]);
  });

  it('keeps the first label of a crowd and folds the ones beyond the last row into it as "+N"', () => {
    const crowd = ['a', 'b', 'c', 'd', 'e'].map((k, i) => label(k, 100 + i));
    const { placed, dropped } = layoutLabels(crowd, options);
    expect(placed.map((p) => [p.request.key, p.row, p.text])).toEqual([
      ['a', 0, 'transient 500 +2'],
      ['b', 1, 'transient 500'],
      ['c', 2, 'transient 500'],
    ]);
    expect(placed[0].folded.map((f) => f.key)).toEqual(['d', 'e']);
    expect(dropped).toEqual([]);
    expect(overlapping(placed)).toEqual([]);
  });

  it('keeps room for the "+N" suffix so a folded label never runs into the next one in its row', () => {
    // a, b, c fill the rows at x≈100 and d folds into a. e's marker is far enough right for e to follow a's bare text
    // in row 0, but a's " +1" would run into it: e folds into a too. With its marker past the suffix, e keeps row 0.
    const aLeft = 104;
    const crowd = [
      label('a', 100),
      label('b', 101),
      label('c', 102),
      label('d', 103),
      label('e', aLeft + measure('transient 500') + 4 - 4),
    ];
    const { placed } = layoutLabels(crowd, options);
    const a = placed.find((p) => p.request.key === 'a')!;
    expect(a.text).toBe('transient 500 +2');
    expect(a.folded.map((f) => f.key)).toEqual(['d', 'e']);
    const spaced = layoutLabels(
      [...crowd.slice(0, 4), label('e', aLeft + measure('transient 500 +9') + 1 + 4 - 4)],
      options,
    ).placed;
    expect(spaced.find((p) => p.request.key === 'e')!.row).toBe(0);
    expect(overlapping(spaced)).toEqual([]);
  });

  it('packs labels tightly when nothing folds: no room is kept for a suffix nobody needs', () => {
    const next = 100 + 4 + measure('transient 500') + 4;
    const { placed } = layoutLabels([label('a', 100), label('b', next - 4)], options);
    expect(placed.map((p) => [p.request.key, p.row])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });

  it('places pinned labels first and never folds anything into them', () => {
    const decided = label('decided', 120, 'decided by #5', { align: 'end', pinned: true });
    const { placed } = layoutLabels([label('down', 60, 'handler down'), decided], { ...options, rowsMax: 1 });
    // One row: the pinned label keeps it; the other has nothing unpinned to fold into.
    expect(placed.map((p) => [p.request.key, p.row, p.text])).toEqual([['decided', 0, 'decided by #5']]);
    expect(placed[0].leftPx).toBe(120 - 4 - measure('decided by #5'));
  });

  it('reports a label with no room and no unpinned neighbour as dropped, so the caller can still list it', () => {
    const decided = label('decided', 120, 'decided by #5', { align: 'end', pinned: true });
    const { dropped } = layoutLabels([label('down', 60, 'handler down'), decided], { ...options, rowsMax: 1 });
    expect(dropped.map((d) => d.key)).toEqual(['down']);
  });

  it('keeps labels inside the lane area: a marker at the right edge gets its label to its left, one near 0 is not cut off', () => {
    const { placed } = layoutLabels(
      [
        label('right', 598, '✕ limit', { pinned: true }),
        label('left', 3, 'decided by #2', { align: 'end', pinned: true }),
      ],
      options,
    );
    for (const p of placed) {
      expect(p.leftPx).toBeGreaterThanOrEqual(0);
      expect(p.leftPx + measure(p.text)).toBeLessThanOrEqual(600);
    }
  });

  it('bounds the work: beyond LABELS_MAX labels fold without a row search, and every request is accounted for', () => {
    const many = Array.from({ length: 700 }, (_, i) => label(`k${i}`, i * 0.5));
    const { placed, dropped } = layoutLabels(many, { ...options, widthPx: 2000 });
    const accounted = placed.length + placed.reduce((n, p) => n + p.folded.length, 0) + dropped.length;
    expect(accounted).toBe(700);
    expect(overlapping(placed)).toEqual([]);
  });

  it('never overlaps, keeps every label inside, and accounts for every request (seed 7)', () => {
    const request = fc.record({
      x: fc.integer({ min: -40, max: 640 }),
      text: fc.constantFrom(
        'transient 500',
        'paused',
        '⚡ crash',
        'attempt 2',
        'handler down',
        'transient 500 ×3',
        '↻ retry',
      ),
      align: fc.constantFrom<'start' | 'end'>('start', 'end'),
      pinned: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (reqs, rowsMax) => {
        const requests = reqs.map((r, i) => ({ ...r, key: `k${i}` }));
        const { placed, dropped } = layoutLabels(requests, { ...options, rowsMax });
        expect(overlapping(placed)).toEqual([]);
        for (const p of placed) {
          expect(p.row).toBeLessThan(rowsMax);
          expect(p.leftPx).toBeGreaterThanOrEqual(0);
          expect(p.leftPx + measure(p.text)).toBeLessThanOrEqual(600 + 1e-9);
          for (const f of p.folded) expect(f.pinned).toBeFalsy();
        }
        const keys = [
          ...placed.flatMap((p) => [p.request.key, ...p.folded.map((f) => f.key)]),
          ...dropped.map((d) => d.key),
        ].sort();
        expect(keys).toEqual(requests.map((r) => r.key).sort());
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
