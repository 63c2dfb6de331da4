import { describe, expect, it } from 'vitest';
import { describeLocation } from './errorText';

describe('describeLocation', () => {
  it('names row, line, field, offset and the file when several were opened', () => {
    expect(
      describeLocation(
        { row: 4, field: 'entry_json.result', file: 'journal.query.json' },
        'journal.query.json, events.query.json',
      ),
    ).toBe('row 4, field entry_json.result, in journal.query.json');
    expect(describeLocation({ line: 1, offset: 900 })).toBe('line 1, offset 900');
  });

  it('does not repeat the file the banner already names, and says nothing when nothing is known', () => {
    expect(describeLocation({ offset: 0, file: 'picture.png' }, 'picture.png')).toBe('offset 0');
    expect(describeLocation({})).toBe('');
  });

  it('keeps row 0 and offset 0 (falsy but real positions)', () => {
    expect(describeLocation({ row: 0, offset: 0 })).toBe('row 0, offset 0');
  });
});
