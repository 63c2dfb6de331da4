// The lite readers accept exactly Restate's compact serde shapes and read the values; anything else is false (the
// general path then parses the JSON), never a wrong value.
import { describe, expect, it } from 'vitest';
import type { LiteCommand, LiteNotification } from './lite-scan';
import { scanLiteNotification, scanLiteRun, scanLiteSleep } from './lite-scan';

const command = (): LiteCommand => ({ completionId: -1, wakeUpTime: -1, name: null });
const notification = (): LiteNotification => ({ type: '', id: -1, result: '' });

describe('lite readers', () => {
  it('read Run and Sleep commands with and without a name', () => {
    const run = command();
    expect(scanLiteRun('{"Command":{"Run":{"completion_id":12}}}', run)).toBe(true);
    expect(run).toEqual({ completionId: 12, wakeUpTime: -1, name: null });
    expect(scanLiteRun('{"Command":{"Run":{"completion_id":3,"name":"fetch report"}}}', run)).toBe(true);
    expect(run).toEqual({ completionId: 3, wakeUpTime: -1, name: 'fetch report' });
    const sleep = command();
    expect(
      scanLiteSleep('{"Command":{"Sleep":{"wake_up_time":1795831496210,"completion_id":2,"name":"cool-off"}}}', sleep),
    ).toBe(true);
    expect(sleep).toEqual({ completionId: 2, wakeUpTime: 1795831496210, name: 'cool-off' });
  });

  it('read completion and signal notifications', () => {
    const n = notification();
    expect(
      scanLiteNotification(
        '{"Notification":{"ty":{"Completion":"CallInvocationId"},"id":{"CompletionId":7},"result":"InvocationId"}}',
        n,
      ),
    ).toBe(true);
    expect(n).toEqual({ type: 'CallInvocationId', id: 7, result: 'InvocationId' });
    expect(scanLiteNotification('{"Notification":{"ty":"Signal","id":{"SignalIndex":17},"result":"Failure"}}', n)).toBe(
      true,
    );
    expect(n).toEqual({ type: 'Signal', id: 17, result: 'Failure' });
  });

  it('refuse every other shape', () => {
    const c = command();
    const n = notification();
    for (const lite of [
      '{"Command":{"Run":{"completion_id":1 }}}',
      '{"Command":{"Run":{"completion_id":1}}} ',
      '{"Command":{"Run":{"completion_id":12345678901}}}',
      '{"Command":{"Run":{"completion_id":1,"name":"a\\"b"}}}',
      '{"Command":{"Run":{"name":"x","completion_id":1}}}',
      '{"Command":{"Run":{"completion_id":-1}}}',
    ])
      expect(scanLiteRun(lite, c)).toBe(false);
    expect(scanLiteSleep('{"Command":{"Sleep":{"wake_up_time":9007199254740993,"completion_id":2}}}', c)).toBe(false);
    expect(scanLiteSleep('{"Command":{"Sleep":{"completion_id":2,"wake_up_time":1}}}', c)).toBe(false);
    for (const lite of [
      '{"Notification":{"ty":{"Completion":"Teleport"},"id":{"CompletionId":1},"result":"Success"}}',
      '{"Notification":{"ty":{"Completion":"Run"},"id":{"SignalIndex":1},"result":"Success"}}',
      '{"Notification":{"ty":"Signal","id":{"CompletionId":1},"result":"Success"}}',
      '{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"StateKeys"}}',
      '{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"Success"}}}',
    ])
      expect(scanLiteNotification(lite, n)).toBe(false);
  });
});
