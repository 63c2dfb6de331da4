import { describe, expect, it } from 'vitest';
import { formatMs, prettyPayload, rawText, resultText } from './payload';

describe('payload text', () => {
  it('pretty-prints JSON and leaves text and hex as they are (never HTML)', () => {
    expect(prettyPayload({ encoding: 'json', text: '{"a":1}', byteLength: 7 })).toBe('{\n  "a": 1\n}');
    expect(prettyPayload({ encoding: 'text', text: '<img src=x onerror=alert(1)>', byteLength: 28 })).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(prettyPayload({ encoding: 'hex', text: '0a ff', byteLength: 2 })).toBe('0a ff');
  });

  it('describes every result kind', () => {
    expect(resultText({ kind: 'void' })).toBe('void');
    expect(resultText({ kind: 'success', payload: { encoding: 'text', text: '', byteLength: 0 } })).toBe(
      'empty value (undefined)',
    );
    expect(resultText({ kind: 'success', payload: { encoding: 'json', text: 'null', byteLength: 4 } })).toBe('null');
    expect(resultText({ kind: 'failure', failure: { code: 500, message: 'boom' } })).toBe('failure 500: boom');
    expect(resultText({ kind: 'invocation-id', invocationId: 'inv_1' })).toBe('invocation id inv_1');
    expect(resultText({ kind: 'state-keys', keys: ['a', 'b'] })).toBe('state keys: a, b');
    expect(resultText(undefined)).toBe('');
  });

  it('formats times and raw rows', () => {
    expect(formatMs(120, true)).toBe('120 ms (virtual)');
    expect(formatMs(0, false)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatMs(null, false)).toBe('—');
    expect(rawText({ a: '1' })).toBe('{\n  "a": "1"\n}');
  });
});
