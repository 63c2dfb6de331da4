// A realistic synthetic journal in model form, for the benchmark and the round-trip tests: fan-outs of runs, sleeps and
// calls whose notifications arrive in a shuffled order, the odd failure and awakeable, an Input and an Output.
// Deterministic: a seeded RNG (mulberry32) and a virtual start time, never the wall clock.
import type { CommandEntry, Entry, EntryResult, Journal, NotificationEntry, Payload } from '../model';

export interface GenerateOptions {
  entries: number;
  seed: number;
  /** Epoch ms of the Input entry (default 2026-11-28T02:00:00Z). */
  startMs?: number;
  invocationId?: string;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function jsonPayload(value: unknown): Payload {
  const text = JSON.stringify(value);
  return { encoding: 'json', text, byteLength: new TextEncoder().encode(text).length };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateJournal(options: GenerateOptions): Journal {
  const random = mulberry32(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  const randomId = () => 'inv_1' + Array.from({ length: 33 }, () => ID_CHARS[int(ID_CHARS.length)]).join('');
  const invocationId = options.invocationId ?? randomId();
  let now = options.startMs ?? Date.UTC(2026, 10, 28, 2, 0, 0);
  const entries: Entry[] = [];
  let commandIndex = 0;
  let nextCompletion = 1;
  let nextAwakeable = 17;
  const push = (entry: Entry) => entries.push(entry);
  const command = (
    type: string,
    name: string,
    completionIds: number[],
    extra: Partial<CommandEntry> = {},
  ): CommandEntry => {
    const entry: CommandEntry = {
      kind: 'command',
      index: entries.length,
      type,
      name,
      appendedAtMs: now,
      commandIndex: commandIndex++,
      completionIds,
      ...extra,
    };
    push(entry);
    return entry;
  };
  const notify = (type: string, id: { completionId?: number; signalIndex?: number }, result: EntryResult) => {
    const entry: NotificationEntry = {
      kind: 'notification',
      index: entries.length,
      type,
      name: '',
      appendedAtMs: now,
      result,
      ...id,
    };
    push(entry);
  };
  command('Input', '', [], {
    result: { kind: 'success', payload: jsonPayload({ orderId: int(100000), items: int(20) }) },
  });
  const budget = Math.max(2, options.entries) - 1;
  while (entries.length + 4 < budget) {
    const width = 2 + int(7);
    const pending: (() => void)[] = [];
    for (let k = 0; k < width && (k === 0 || entries.length + 2 * pending.length + 4 < budget); k++) {
      const roll = random();
      if (roll < 0.45) {
        const id = nextCompletion++;
        const name = `step-${int(1000)}`;
        command('Run', name, [id]);
        const fails = random() < 0.05;
        pending.push(() =>
          notify(
            'Run',
            { completionId: id },
            fails
              ? { kind: 'failure', failure: { code: 500, message: `${name} failed` } }
              : { kind: 'success', payload: jsonPayload({ ok: true, value: int(1e6), name }) },
          ),
        );
      } else if (roll < 0.7) {
        const id = nextCompletion++;
        command('Sleep', '', [id], { wakeUpAtMs: now + 10 + int(500) });
        pending.push(() => notify('Sleep', { completionId: id }, { kind: 'void' }));
      } else if (roll < 0.95) {
        const idId = nextCompletion++;
        const resultId = nextCompletion++;
        const callee = randomId();
        command('Call', '', [idId, resultId], {
          target: { service: 'Worker', handler: 'process' },
          invocationId: callee,
        });
        notify('CallInvocationId', { completionId: idId }, { kind: 'invocation-id', invocationId: callee });
        pending.push(() =>
          notify('Call', { completionId: resultId }, { kind: 'success', payload: jsonPayload(`done ${int(1000)}`) }),
        );
      } else {
        const signal = nextAwakeable++;
        pending.push(() =>
          notify(
            'Signal',
            { signalIndex: signal },
            { kind: 'success', payload: jsonPayload({ approved: random() < 0.5 }) },
          ),
        );
      }
    }
    for (let i = pending.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [pending[i], pending[j]] = [pending[j], pending[i]];
    }
    for (const complete of pending) {
      now += 1 + int(40);
      if (entries.length < budget) complete();
    }
    now += int(5);
  }
  command('Output', '', [], { result: { kind: 'success', payload: jsonPayload({ done: true, steps: commandIndex }) } });
  return {
    invocationId,
    target: 'Fanout/process',
    status: 'completed',
    completionResult: 'success',
    version: 2,
    entries,
    events: [],
  };
}
