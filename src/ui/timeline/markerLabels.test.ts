import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../model';
import { eventLine, eventMarkers, placedLabelTitle } from './markerLabels';

const transient = (
  after: number,
  message: string,
  extra: Partial<Extract<JournalEvent, { type: 'TransientError' }>> = {},
): JournalEvent => ({
  type: 'TransientError',
  afterEntryIndex: after,
  appendedAtMs: null,
  code: 500,
  message,
  ...extra,
});

describe('eventMarkers', () => {
  it('merges events of one type after the same entry, keeping one line per event', () => {
    const markers = eventMarkers([
      transient(1, 'still failing (attempt 1)', { relatedCommandName: 'hopeless', relatedCommandType: 'Run' }),
      transient(1, 'still failing (attempt 2)', { relatedCommandName: 'hopeless', relatedCommandType: 'Run' }),
      { type: 'Paused', afterEntryIndex: 1, appendedAtMs: null },
      transient(3, 'broken pipe'),
    ]);
    expect(markers.map((m) => [m.after, m.type, m.text, m.count])).toEqual([
      [1, 'TransientError', 'transient 500 ×2', 2],
      [1, 'Paused', 'paused', 1],
      [3, 'TransientError', 'transient 500', 1],
    ]);
    expect(markers[0].details).toEqual([
      'transient 500 in Run hopeless: still failing (attempt 1)',
      'transient 500 in Run hopeless: still failing (attempt 2)',
    ]);
  });

  it('leaves out events that have no marker (unknown types)', () => {
    expect(eventMarkers([{ type: 'Unknown', afterEntryIndex: 0, appendedAtMs: null, eventType: 'Whatever' }])).toEqual(
      [],
    );
    expect(eventLine({ type: 'Unknown', afterEntryIndex: 0, appendedAtMs: null, eventType: 'Whatever' })).toBe(
      'Whatever',
    );
  });
});

describe('placedLabelTitle', () => {
  it('lists the label and every label folded into it, with their details', () => {
    const title = placedLabelTitle({
      request: { key: 'a', x: 0, text: 'transient 500', align: 'start', detail: 'after entry #0: broken pipe' },
      row: 0,
      leftPx: 4,
      text: 'transient 500 +2',
      folded: [
        { key: 'b', x: 1, text: 'paused', align: 'start' },
        { key: 'c', x: 2, text: 'transient 503', align: 'start', detail: 'after entry #1: unavailable' },
      ],
    });
    expect(title).toBe(
      'transient 500 — after entry #0: broken pipe\npaused\ntransient 503 — after entry #1: unavailable',
    );
  });
});
