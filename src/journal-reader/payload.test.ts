import { describe, expect, it } from 'vitest';
import { decodePayload, parseIsoMs, toIso } from './index';
import { scanFailure, scanSuccessPayload } from './payload-scan';

const bytes = (text: string) => Array.from(new TextEncoder().encode(text));

describe('decodePayload', () => {
  it('JSON text → json, plain UTF-8 → text, invalid UTF-8 → hex', () => {
    expect(decodePayload(bytes('{"a":[1,2]}'))).toEqual({ encoding: 'json', text: '{"a":[1,2]}', byteLength: 11 });
    expect(decodePayload(bytes('héllo'))).toEqual({ encoding: 'text', text: 'héllo', byteLength: 6 });
    expect(decodePayload([0xff, 0x00, 0x10])).toEqual({ encoding: 'hex', text: 'ff0010', byteLength: 3 });
    expect(decodePayload([])).toEqual({ encoding: 'text', text: '', byteLength: 0 });
    expect(decodePayload(new Uint8Array(bytes('42')))).toEqual({ encoding: 'json', text: '42', byteLength: 2 });
  });
});

describe('entry_json scanning', () => {
  it('reads the Success bytes of a notification and the payload of an Input', () => {
    expect(
      scanSuccessPayload(
        '{"Notification":{"Completion":{"Run":{"completion_id":1,"result":{"Success":[34,65,34]}}}}}',
        false,
      ),
    ).toEqual({ encoding: 'json', text: '"A"', byteLength: 3 });
    expect(
      scanSuccessPayload(
        '{"Command":{"Input":{"headers":[{"name":"payload","value":"x"}],"payload":[110,117,108,108],"name":""}}}',
        true,
      ),
    ).toEqual({ encoding: 'json', text: 'null', byteLength: 4 });
    expect(scanSuccessPayload('{"x":{"Success":[195,169]}}', false)).toEqual({
      encoding: 'text',
      text: 'é',
      byteLength: 2,
    });
  });

  it('gives up (undefined) on anything unexpected', () => {
    expect(scanSuccessPayload('{"x":{"Success":[300]}}', false)).toBeUndefined();
    expect(scanSuccessPayload('{"x":{"Success":[1, 2]}}', false)).toBeUndefined();
    expect(scanSuccessPayload('{"x":{"Success":[1,', false)).toBeUndefined();
    expect(scanSuccessPayload('{"x":"Void"}', false)).toBeUndefined();
  });

  it('reads failures with escaped messages', () => {
    expect(scanFailure('{"result":{"Failure":{"code":422,"message":"no \\"way\\""}}}')).toEqual({
      code: 422,
      message: 'no "way"',
    });
  });
});

describe('times', () => {
  it('parses Restate appended_at and writes it back', () => {
    expect(parseIsoMs('2026-11-28T02:04:56.109Z')).toBe(Date.UTC(2026, 10, 28, 2, 4, 56, 109));
    expect(parseIsoMs('2026-11-29T00:00:00.000Z')).toBe(Date.UTC(2026, 10, 29));
    expect(parseIsoMs('2026-11-28T02:04:56Z')).toBe(Date.UTC(2026, 10, 28, 2, 4, 56));
    expect(parseIsoMs('2026-11-28T25:04:56.109Z')).toBeNull();
    expect(parseIsoMs('soon')).toBeNull();
    expect(toIso(Date.UTC(2026, 10, 28, 2, 4, 56, 109))).toBe('2026-11-28T02:04:56.109Z');
    expect(toIso(null)).toBeNull();
  });
});
