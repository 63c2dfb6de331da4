// A minimal summary computed straight from a bundle's raw rows, in the shape of `replay-inspector summary`
// (expected.summary.json). Used while src/journal-reader is being written; the test switches to the real one.
interface RawFuture {
  id: string;
  kind: string;
  result: string;
}

export interface RawSummary {
  invocationId: string;
  target: string | null;
  status: string | null;
  outcome: string | null;
  entries: number;
  commands: number;
  notifications: number;
  futures: RawFuture[];
  completionOrder: string[];
  transientErrors: number;
}

type Row = Record<string, unknown>;

function notificationId(lite: any): string | null {
  const id = lite?.Notification?.id;
  if (id?.CompletionId !== undefined) return `c${id.CompletionId}`;
  if (id?.SignalIndex !== undefined) return `s${id.SignalIndex}`;
  return null;
}

function resultKind(result: unknown): string {
  if (result === 'Void') return 'void';
  if (result === 'Success') return 'success';
  if (result === 'Failure') return 'failure';
  if (result === 'InvocationId') return 'invocation-id';
  if (result === 'StateKeys') return 'state-keys';
  return String(result);
}

export function rawSummaries(bundleText: string): RawSummary[] {
  const bundle = JSON.parse(bundleText) as Record<string, Row[]>;
  const ids = [...new Set(bundle.sys_journal.map((r) => String(r.id)))];
  return ids.map((invocationId) => {
    const rows = bundle.sys_journal.filter((r) => r.id === invocationId).sort((a, b) => Number(a.index) - Number(b.index));
    const invocation = (bundle.sys_invocation ?? []).find((r) => r.id === invocationId);
    const futures = new Map<string, RawFuture>();
    const completionOrder: string[] = [];
    let commands = 0;
    for (const row of rows) {
      const lite = JSON.parse(String(row.entry_lite_json));
      if (lite.Command) {
        commands++;
        const [type, body] = Object.entries(lite.Command)[0] as [string, any];
        if (type === 'Call') {
          futures.set(`c${body.invocation_id_completion_id}`, { id: `c${body.invocation_id_completion_id}`, kind: 'CallInvocationId', result: 'pending' });
          futures.set(`c${body.result_completion_id}`, { id: `c${body.result_completion_id}`, kind: 'Call', result: 'pending' });
        } else if (body && typeof body.completion_id === 'number') {
          futures.set(`c${body.completion_id}`, { id: `c${body.completion_id}`, kind: type, result: 'pending' });
        }
      } else if (lite.Notification) {
        const id = notificationId(lite);
        if (!id) continue;
        completionOrder.push(id);
        const signal = lite.Notification.id.SignalIndex as number | undefined;
        const kind = signal === undefined ? 'Unknown' : signal === 1 ? 'Cancel' : signal >= 17 ? 'Awakeable' : 'Signal';
        const future = futures.get(id) ?? { id, kind, result: 'pending' };
        future.result = resultKind(lite.Notification.result);
        futures.set(id, future);
      }
    }
    const transientErrors = (bundle.sys_journal_events ?? []).filter((e) => e.id === invocationId && e.event_type === 'TransientError').length;
    return {
      invocationId,
      target: (invocation?.target as string) ?? null,
      status: (invocation?.status as string) ?? null,
      outcome: (invocation?.completion_result as string) ?? null,
      entries: rows.length,
      commands,
      notifications: rows.length - commands,
      futures: [...futures.values()],
      completionOrder,
      transientErrors,
    };
  });
}
