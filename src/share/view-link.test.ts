import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SHARE_PREFIX, ShareLinkError, toBase64Url } from './link-codec';
import { isFullHash } from './view-hash';
import { decodeViewHash, encodeViewHash } from './view-link';
import type { ViewState } from './view-state';

/** A `v1.` link exactly as the app wrote it before ViewState existed: the flat JSON, deflated. */
const oldV1Link = (json: unknown) =>
  '#' + SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(json))));

describe('view hash: the compact form', () => {
  it('round-trips source, seed, crashes, cursor and selection', () => {
    const view: ViewState = {
      recipe: { source: { kind: 'example', name: 'race-timeout' }, seed: 7, crashesMs: [150, 300] },
      cursor: 4,
      selection: 'c2',
    };
    const hash = encodeViewHash(view, 'compact');
    expect(hash).toBe('src=example%3Arace-timeout&seed=7&crash=150%2C300&cursor=4&sel=c2');
    expect(decodeViewHash('#' + hash)).toEqual({ form: 'compact', view });
  });

  it('round-trips a cancellation time, and drops a malformed one', () => {
    const view: ViewState = {
      recipe: { source: { kind: 'example', name: 'cancel-from-outside' }, seed: 1, cancelAtMs: 40 },
      cursor: 6,
    };
    expect(encodeViewHash(view, 'compact')).toBe('src=example%3Acancel-from-outside&seed=1&cancel=40&cursor=6');
    expect(decodeViewHash(encodeViewHash(view, 'compact')).view).toEqual(view);
    const withoutCancel = { recipe: { source: { kind: 'example', name: 'a' } } };
    expect(decodeViewHash('#src=example:a&cancel=-4').view).toEqual(withoutCancel);
    expect(decodeViewHash('#src=example:a&cancel=4e2').view).toEqual(withoutCancel);
  });

  it('drops malformed values instead of throwing', () => {
    expect(decodeViewHash('#src=example:a&seed=abc&cursor=-1&sel=<img>&crash=x,5').view).toEqual({
      recipe: { source: { kind: 'example', name: 'a' }, crashesMs: [5] },
    });
    expect(decodeViewHash('')).toEqual({ form: 'compact', view: null });
    expect(decodeViewHash('#seed=1')).toEqual({ form: 'compact', view: null });
    expect(decodeViewHash(`#src=${'x'.repeat(3000)}`)).toEqual({ form: 'compact', view: null });
  });

  it('reads every source an address bar has held, and reports one it does not know', () => {
    expect(decodeViewHash('#src=url:https://example.com/j.json').view?.recipe.source).toEqual({
      kind: 'url',
      url: 'https://example.com/j.json',
    });
    expect(decodeViewHash('#src=file:a.json,b.json&cursor=4&sel=c1').view).toEqual({
      recipe: { source: { kind: 'kept-files', names: ['a.json', 'b.json'] } },
      cursor: 4,
      selection: 'c1',
    });
    expect(decodeViewHash('#src=scenario&seed=5').view?.recipe).toEqual({ source: { kind: 'kept-scenario' }, seed: 5 });
    expect(decodeViewHash('#src=sdk-scenario&seed=2&crash=500').view?.recipe).toEqual({
      source: { kind: 'kept-sdk-scenario' },
      seed: 2,
      crashesMs: [500],
    });
    expect(decodeViewHash('#src=javascript%3Aalert(1)')).toEqual({
      form: 'compact',
      view: null,
      badSource: 'javascript:alert(1)',
    });
  });

  it('never throws on random text (fast-check seed 13)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const hash = text.replace(/^#?v\d/, '');
        expect(() => decodeViewHash(hash)).not.toThrow();
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});

describe('view hash: the full form and old links', () => {
  it('carries what the compact form cannot: content, a paired handler, a compare view', () => {
    const views: ViewState[] = [
      { recipe: { source: { kind: 'scenario', code: 'export default 1' }, seed: 5 }, cursor: 3 },
      {
        recipe: {
          source: { kind: 'journal', text: '{"rows":[]}', fileName: 'j.json' },
          paired: { kind: 'example', name: 'race-timeout' },
        },
        selection: 'c2',
      },
      {
        recipe: { source: { kind: 'example', name: 'timeout-race' }, seed: 1 },
        compare: { run: { kind: 'seed', seed: 2 }, cursorA: 1, cursorB: 2 },
      },
    ];
    for (const view of views) {
      const hash = encodeViewHash(view, 'compact');
      expect(isFullHash(hash)).toBe(true);
      expect(decodeViewHash(hash)).toEqual({ form: 'full', view });
    }
  });

  it('uses the full form when asked, even for a view the compact form could hold', () => {
    const view: ViewState = { recipe: { source: { kind: 'example', name: 'cancel-from-outside' }, cancelAtMs: 40 } };
    const hash = encodeViewHash(view, 'full');
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(decodeViewHash(hash).view).toEqual(view);
  });

  it('round-trips both kinds of paired handler: a scenario in our API and a real SDK handler', () => {
    for (const kind of ['scenario', 'sdk'] as const) {
      const view: ViewState = {
        recipe: { source: { kind: 'journal', text: '[]' }, paired: { kind, code: `// ${kind} handler` } },
        cursor: 2,
      };
      expect(decodeViewHash(encodeViewHash(view, 'compact')).view).toEqual(view);
    }
  });

  it('reads a v1 link written before ViewState: the flat JSON becomes the recipe', () => {
    const link = oldV1Link({
      source: { kind: 'journal', text: '{"rows":[]}', fileName: 'race.json' },
      cursor: 4,
      selection: 'c2',
      pairedScenario: { kind: 'example', name: 'race-timeout' },
    });
    expect(decodeViewHash(link)).toEqual({
      form: 'full',
      view: {
        recipe: {
          source: { kind: 'journal', text: '{"rows":[]}', fileName: 'race.json' },
          paired: { kind: 'example', name: 'race-timeout' },
        },
        cursor: 4,
        selection: 'c2',
      },
    });
    const simulated = oldV1Link({
      source: { kind: 'example', name: 'cancel-from-outside' },
      seed: 1,
      crashesMs: [10],
      cancelAtMs: 40,
      cursor: 6,
    });
    expect(decodeViewHash(simulated).view).toEqual({
      recipe: { source: { kind: 'example', name: 'cancel-from-outside' }, seed: 1, crashesMs: [10], cancelAtMs: 40 },
      cursor: 6,
    });
  });

  it('refuses a damaged or newer full link with a stable code', () => {
    const codeOf = (hash: string) => {
      try {
        decodeViewHash(hash);
      } catch (e) {
        return e instanceof ShareLinkError ? e.code : 'other';
      }
      return 'no error';
    };
    expect(codeOf('#v1.@@@')).toBe('LINK_BAD_ENCODING');
    expect(codeOf('#v9.abc')).toBe('LINK_UNSUPPORTED_VERSION');
    expect(codeOf(oldV1Link({ source: { kind: 'journal', text: '' }, pairedScenario: { kind: 'sdk' } }))).toBe(
      'LINK_BAD_DATA',
    );
  });

  it('never names what only this tab keeps in a full link', () => {
    const view: ViewState = {
      recipe: { source: { kind: 'kept-files', names: ['a.json'] } },
      compare: { run: { kind: 'without-crashes' } },
    };
    expect(() => encodeViewHash(view, 'compact')).toThrow(ShareLinkError);
  });
});
