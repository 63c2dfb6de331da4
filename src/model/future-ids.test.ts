import { describe, expect, it } from 'vitest';
import type { Entry, NotificationEntry } from './journal';
import { completionOrder, entryFutureId, notificationFutureId } from './future-ids';

const base = { index: 0, type: 'Completion', name: '', result: { kind: 'success' } } as const;
const notification = (fields: Partial<NotificationEntry>, index = 0) =>
  ({ ...base, kind: 'notification', ...fields, index }) as unknown as NotificationEntry;
const command = { index: 0, kind: 'command', type: 'Run', completionIds: [1] } as unknown as Entry;

describe('future ids', () => {
  it('names completions, signals and named signals', () => {
    expect(notificationFutureId(notification({ completionId: 3 }))).toBe('c3');
    expect(notificationFutureId(notification({ signalIndex: 17 }))).toBe('s17');
    expect(notificationFutureId(notification({ signalName: 'approve' }))).toBe('s:approve');
    expect(notificationFutureId(notification({}))).toBeNull();
  });

  it('gives commands no future id', () => {
    expect(entryFutureId(command)).toBeNull();
  });

  it('orders futures by their first notification and ignores commands and repeats', () => {
    const entries = [
      command,
      notification({ completionId: 2 }, 1),
      notification({ signalIndex: 1 }, 2),
      notification({ completionId: 2 }, 3),
      notification({ completionId: 1 }, 4),
    ];
    expect(completionOrder(entries)).toEqual(['c2', 's1', 'c1']);
  });
});
