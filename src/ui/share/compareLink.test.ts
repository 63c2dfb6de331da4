import { describe, expect, it } from 'vitest';
import type { SecondRunChoice } from '../compare/compareStore';
import { decodeShareState, encodeShareState } from '../../share/link-codec';
import { toChoice, toLinkRun } from './compareLink';

describe('compare view in a link', () => {
  it('every way of choosing run B survives the link unchanged', () => {
    const choices: SecondRunChoice[] = [
      { kind: 'seed', seed: 4 },
      { kind: 'without-crashes' },
      { kind: 'example', file: 'llm-race', seed: 3 },
      { kind: 'example', file: 'llm-race', seed: null },
      { kind: 'replay', file: 'journal-mismatch-changed' },
      { kind: 'file', name: 'b.query.json', text: '{"rows":[]}' },
    ];
    for (const choice of choices) {
      const hash = encodeShareState({
        source: { kind: 'example', name: 'timeout-race' },
        compare: { run: toLinkRun(choice), cursorA: 1, cursorB: 2 },
      });
      expect(toChoice(decodeShareState(hash).compare!.run)).toEqual(choice);
    }
  });

  it('names a compared file that came without a name', () => {
    expect(toChoice({ kind: 'journal', text: 'x' })).toEqual({
      kind: 'file',
      name: 'compared.journal.json',
      text: 'x',
    });
  });
});
