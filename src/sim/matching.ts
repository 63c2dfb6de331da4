// How replay compares a command the handler issues with the recorded one at the same command index
// (sdk-shared-core `src/vm/transitions/journal.rs`, `check_entry_header_match` over `CommandMessageHeaderEq`:
// type and name; sleeps compare only the name; calls also compare their target). A difference is a journal
// mismatch, error 570 (RT0016).
import type { CommandEntry } from '../model';
import type { CommandFields } from './journal-writer';

export type IssuedCommand = CommandFields;

export function matchesCommand(recorded: CommandEntry, issued: IssuedCommand): boolean {
  if (recorded.type !== issued.type) return false;
  if (recorded.type === 'Output') return true;
  if ((recorded.name ?? '') !== (issued.name ?? '')) return false;
  if (recorded.type === 'Call' || recorded.type === 'OneWayCall') {
    const a = recorded.target;
    const b = issued.target;
    if (a && b && (a.service !== b.service || a.handler !== b.handler || (a.key ?? '') !== (b.key ?? ''))) return false;
    // The parameter is compared too (CallCommandMessage::header_eq); exports read from Restate do not carry it,
    // so it is compared only when both sides have it (simulated journals).
    const p = recorded.detail?.parameter;
    const q = issued.detail?.parameter;
    if (p !== undefined && q !== undefined && p !== q) return false;
  }
  return true;
}

export function describeCommand(command: Pick<CommandEntry, 'type' | 'name' | 'target' | 'detail'>, withParameter = false): string {
  const parts: string[] = [command.type];
  if (command.name) parts.push(`'${command.name}'`);
  if (command.target) {
    const t = command.target;
    parts.push(t.key !== undefined ? `${t.service}/${t.key}/${t.handler}` : `${t.service}/${t.handler}`);
  }
  if (withParameter && command.detail?.parameter !== undefined) parts.push(`with parameter ${command.detail.parameter}`);
  return parts.join(' ');
}
