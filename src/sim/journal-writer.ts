// Builds the journal exactly in the shared model (src/model/journal.ts): commands carry their command index and
// completion ids, notifications name the completion id or signal they complete, times are virtual ms from 0.
import type { CommandEntry, Entry, Journal, JournalEvent, NotificationEntry } from '../model';

/** What a command says; the writer adds its journal index, command index and virtual time. */
export type CommandFields = Omit<CommandEntry, 'kind' | 'index' | 'commandIndex' | 'appendedAtMs' | 'raw'>;

/** What a notification says; the writer adds its journal index and virtual time. */
export type NotificationFields = Pick<
  NotificationEntry,
  'type' | 'name' | 'completionId' | 'signalIndex' | 'signalName' | 'result'
>;

export class JournalWriter {
  readonly entries: Entry[] = [];
  readonly events: JournalEvent[] = [];
  /** Commands only, by command index. */
  readonly commands: CommandEntry[] = [];
  /** Completion ids / signal indexes / signal names (`s:<name>`) whose notification is in the journal (what the server knows). */
  readonly notified = new Set<string>();
  nowMs = 0;

  appendCommand(fields: CommandFields): CommandEntry {
    const entry: CommandEntry = {
      kind: 'command',
      index: this.entries.length,
      type: fields.type,
      name: fields.name,
      appendedAtMs: this.nowMs,
      commandIndex: this.commands.length,
      completionIds: fields.completionIds,
    };
    if (fields.target) entry.target = fields.target;
    if (fields.invocationId !== undefined) entry.invocationId = fields.invocationId;
    if (fields.wakeUpAtMs !== undefined) entry.wakeUpAtMs = fields.wakeUpAtMs;
    if (fields.signal) entry.signal = fields.signal;
    if (fields.result) entry.result = fields.result;
    if (fields.detail) entry.detail = fields.detail;
    this.entries.push(entry);
    this.commands.push(entry);
    return entry;
  }

  appendNotification(fields: NotificationFields): NotificationEntry {
    const entry: NotificationEntry = {
      kind: 'notification',
      index: this.entries.length,
      type: fields.type,
      name: fields.name,
      appendedAtMs: this.nowMs,
      result: fields.result,
    };
    if (fields.completionId !== undefined) {
      entry.completionId = fields.completionId;
      this.notified.add(`c${fields.completionId}`);
    }
    if (fields.signalIndex !== undefined) {
      entry.signalIndex = fields.signalIndex;
      this.notified.add(`s${fields.signalIndex}`);
    }
    if (fields.signalName !== undefined) {
      entry.signalName = fields.signalName;
      this.notified.add(`s:${fields.signalName}`);
    }
    this.entries.push(entry);
    return entry;
  }

  addEvent(event: JournalEvent): void {
    this.events.push(event);
  }

  get lastIndex(): number {
    return this.entries.length - 1;
  }

  toJournal(meta: {
    invocationId: string;
    target: string;
    status: string;
    output: Journal['completionResult'];
  }): Journal {
    const journal: Journal = {
      invocationId: meta.invocationId,
      target: meta.target,
      status: meta.status,
      completionResult: meta.output ?? null,
      version: 2,
      entries: this.entries,
      events: this.events,
      virtualTime: true,
    };
    return journal;
  }
}
