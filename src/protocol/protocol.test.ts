// Service-protocol framing and codec: frames round-trip, a truncated stream is an error with its offset, every
// entry_type of the real captures maps to a message type, and the rows' payloads decode as the schema says.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeMessage, encodeStart } from './codec';
import { decodeFrames, encodeFrames, FrameError, hexToBytes } from './frames';
import { commandNameOfType, CONTROL_TYPES, messageTypeOfEntryType, SIGNAL_NOTIFICATION_TYPE } from './message-types';

const fixtures = join(__dirname, '../../test/fixtures/restate-1.7.12');

describe('frames', () => {
  it('round-trip any frames (seed 12)', () => {
    const frame = fc.record({
      type: fc.integer({ min: 0, max: 0xffff }),
      flags: fc.integer({ min: 0, max: 0xffff }),
      payload: fc.uint8Array({ maxLength: 64 }),
    });
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 8 }), (frames) => {
        expect(decodeFrames(encodeFrames(frames))).toEqual(frames);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('a truncated header or payload names its offset', () => {
    const bytes = encodeFrames([{ type: 0x0411, flags: 0, payload: new Uint8Array([1, 2, 3]) }]);
    expect(() => decodeFrames(bytes.subarray(0, 5))).toThrow(new FrameError('truncated frame header at byte 0', 0));
    expect(() => decodeFrames(bytes.subarray(0, 10))).toThrow(/frame at byte 0 claims 3 bytes, 2 left/);
  });

  it('hex as Restate prints raw; anything else is refused', () => {
    expect(hexToBytes('0aff')).toEqual(new Uint8Array([10, 255]));
    expect(hexToBytes('abc')).toBeNull();
    expect(hexToBytes('zz')).toBeNull();
  });
});

describe('message types', () => {
  it('maps entry_type names to protocol.proto types', () => {
    expect(messageTypeOfEntryType('Command: Input')).toBe(0x0400);
    expect(messageTypeOfEntryType('Command: Run')).toBe(0x0411);
    expect(messageTypeOfEntryType('Notification: Run')).toBe(0x8011);
    expect(messageTypeOfEntryType('Notification: CallInvocationId')).toBe(0x800e);
    expect(messageTypeOfEntryType('Notification: Signal')).toBe(SIGNAL_NOTIFICATION_TYPE);
    expect(messageTypeOfEntryType('Command: Teleport')).toBeNull();
    expect(messageTypeOfEntryType('Run')).toBeNull();
    expect(commandNameOfType(0x040c)).toBe('Sleep');
    expect(commandNameOfType(CONTROL_TYPES.Error)).toBeNull();
  });

  it('every entry_type in every real capture has a type, and every command row decodes', () => {
    const seen = new Set<string>();
    for (const folder of readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const rows = (
        JSON.parse(readFileSync(join(fixtures, folder.name, 'journal.query.json'), 'utf8')) as {
          rows: { entry_type: string; raw: string; name: string }[];
        }
      ).rows;
      for (const row of rows) {
        const type = messageTypeOfEntryType(row.entry_type);
        expect(type, row.entry_type).not.toBeNull();
        seen.add(row.entry_type);
        if (row.entry_type.startsWith('Command: ')) {
          const message = decodeMessage(type!, hexToBytes(row.raw)!);
          expect(message?.entry_name ?? message?.name ?? '', `${folder.name} ${row.entry_type}`).toBe(row.name);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});

describe('codec', () => {
  it('a StartMessage carries the id, debug id, known entries and key', () => {
    const bytes = encodeStart({ id: new TextEncoder().encode('inv_1'), debugId: 'inv_1', knownEntries: 7, key: 'k1' });
    const start = decodeMessage(CONTROL_TYPES.Start, bytes)!;
    expect(new TextDecoder().decode(start.id as Uint8Array)).toBe('inv_1');
    expect(start).toMatchObject({ debug_id: 'inv_1', known_entries: 7, key: 'k1', partial_state: true });
  });

  it('a Run command row decodes to its completion id and name', () => {
    expect(decodeMessage(0x0411, hexToBytes('5801620a736c6f772d6665746368')!)).toEqual({
      result_completion_id: 1,
      name: 'slow-fetch',
    });
  });

  it('types outside the schema decode to null', () => {
    expect(decodeMessage(0x7777, new Uint8Array())).toBeNull();
  });
});
