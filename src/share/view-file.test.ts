import { describe, expect, it } from 'vitest';
import { ShareLinkError, type ShareState } from './link-codec';
import { looksLikeViewFile, parseViewFile, readViewFile, toViewFileText, viewFileText } from './view-file';

const state: ShareState = {
  source: { kind: 'journal', text: '{"format":"replay-inspector/journal"}', fileName: 'run.json' },
  cursor: 4,
  selection: 'c2',
  pairedScenario: { kind: 'example', name: 'race-timeout' },
};

describe('view file', () => {
  it('round-trips a view', () => {
    const text = toViewFileText(state);
    expect(looksLikeViewFile(text)).toBe(true);
    expect(parseViewFile(text)).toEqual(state);
  });

  it('is not confused with a journal file', () => {
    expect(looksLikeViewFile('{"format":"replay-inspector/journal","version":1}')).toBe(false);
    expect(looksLikeViewFile('[{"format":"replay-inspector/view"}]')).toBe(false);
  });

  it.each([
    ['not json', '{"format":"replay-inspector/view",', 'LINK_BAD_DATA'],
    ['another format', '{"format":"other"}', 'LINK_BAD_DATA'],
    ['a newer version', '{"format":"replay-inspector/view","version":2,"view":{}}', 'LINK_UNSUPPORTED_VERSION'],
    [
      'a bad view',
      '{"format":"replay-inspector/view","version":1,"view":{"source":{"kind":"example","name":"x"},"cursor":-1}}',
      'LINK_BAD_DATA',
    ],
    ['no view', '{"format":"replay-inspector/view","version":1}', 'LINK_BAD_DATA'],
  ])('refuses %s with a clear error', (_what, text, code) => {
    try {
      parseViewFile(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShareLinkError);
      expect((e as ShareLinkError).code).toBe(code);
    }
  });
});

describe('view file and the view schema', () => {
  it('round-trips a view with a real SDK handler paired with the journal', () => {
    const view = {
      recipe: {
        source: { kind: 'journal', text: '[]', fileName: 'j.json' },
        paired: { kind: 'sdk', code: 'export {}' },
      },
      cursor: 3,
    } as const;
    expect(readViewFile(viewFileText(view))).toEqual(view);
  });

  it('reads a version 1 file written before the view schema', () => {
    expect(readViewFile(toViewFileText(state))).toEqual({
      recipe: { source: state.source, paired: state.pairedScenario },
      cursor: 4,
      selection: 'c2',
    });
  });
});
