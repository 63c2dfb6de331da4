// How replay compares a command the handler issues with the recorded one at the same command index
// (sdk-shared-core `src/vm/transitions/journal.rs`, `check_entry_header_match` over `CommandMessageHeaderEq` in
// `src/service_protocol/messages.rs`: type and name; sleeps compare only the name; calls also compare their target
// and parameter; the Output compares its whole result, value bytes included). A difference is a journal mismatch,
// error 570 (RT0016). With payload checks disabled (`NonDeterministicChecksOption::PayloadChecksDisabled`, which
// sdk-typescript turns on only when a journal codec is configured), success payloads are not compared, but a
// success against a failure, or two different failures, still are.
import type { CommandEntry, EntryResult, Mismatch } from '../model';
import type { CommandFields } from './journal-writer';

export type IssuedCommand = CommandFields;

export function matchesCommand(recorded: CommandEntry, issued: IssuedCommand, payloadChecks = true): boolean {
  if (recorded.type !== issued.type) return false;
  if (recorded.type === 'Output') return sameOutput(recorded.result, issued.result, payloadChecks);
  if ((recorded.name ?? '') !== (issued.name ?? '')) return false;
  // Promise commands name their promise (GetPromiseCommandMessage::header_eq compares the key).
  if (/Promise$/.test(recorded.type) && (recorded.detail?.key ?? null) !== (issued.detail?.key ?? null)) return false;
  // AttachInvocationCommandMessage is compared whole (sdk-shared-core `impl_message_traits!(AttachInvocationCommand:
  // command eq)`): its target invocation id.
  if (
    recorded.type === 'AttachInvocation' &&
    recorded.invocationId !== undefined &&
    issued.invocationId !== undefined &&
    recorded.invocationId !== issued.invocationId
  )
    return false;
  // CompleteAwakeableCommandMessage::header_eq (sdk-shared-core `messages.rs`): the awakeable id and the result
  // (with payload checks disabled, any two values are equal; failures are still compared).
  if (recorded.type === 'CompleteAwakeable') {
    const a = recorded.detail?.awakeableId;
    const b = issued.detail?.awakeableId;
    if (a !== undefined && b !== undefined && a !== b) return false;
    return sameOutput(recorded.result, issued.result, payloadChecks);
  }
  // SendSignalCommandMessage is compared whole (sdk-shared-core `messages.rs`: `impl_message_traits!(SendSignalCommand:
  // command_header_eq)`, plain equality whatever the payload checks): the target, the signal (index or name) and
  // the value or failure.
  if (recorded.type === 'SendSignal') {
    const a = recorded.signal;
    const b = issued.signal;
    if (a && b) {
      if ((a.name ?? null) !== (b.name ?? null) || (a.index ?? null) !== (b.index ?? null)) return false;
      if (a.targetInvocationId !== undefined && b.targetInvocationId !== undefined)
        if (a.targetInvocationId !== b.targetInvocationId) return false;
    }
    if (a?.name !== undefined) return sameOutput(recorded.result, issued.result, true);
  }
  if (recorded.type === 'Call' || recorded.type === 'OneWayCall') {
    const a = recorded.target;
    const b = issued.target;
    if (a && b && (a.service !== b.service || a.handler !== b.handler || (a.key ?? '') !== (b.key ?? ''))) return false;
    // The parameter is compared too (CallCommandMessage::header_eq); exports read from Restate do not carry it,
    // so it is compared only when both sides have it (simulated journals).
    const p = recorded.detail?.parameter;
    const q = issued.detail?.parameter;
    if (payloadChecks && p !== undefined && q !== undefined && p !== q) return false;
  }
  return true;
}

/**
 * OutputCommandMessage::header_eq. A recorded result without its payload (an export of `entry_lite_json` only)
 * cannot be compared by value: only its kind is.
 */
function sameOutput(
  recorded: EntryResult | undefined,
  issued: EntryResult | undefined,
  payloadChecks: boolean,
): boolean {
  if (!recorded || !issued) return true;
  if (recorded.kind !== issued.kind) return false;
  if (recorded.kind === 'failure' && issued.kind === 'failure') {
    return recorded.failure.code === issued.failure.code && recorded.failure.message === issued.failure.message;
  }
  if (recorded.kind === 'success' && issued.kind === 'success' && payloadChecks) {
    return !recorded.payload || !issued.payload || recorded.payload.text === issued.payload.text;
  }
  return true;
}

/** True when two Output results differ by their success payload only (what payload checks would catch). */
export function outputPayloadDiffers(recorded: CommandEntry, issued: IssuedCommand): boolean {
  const a = recorded.result;
  const b = issued.result;
  return (
    a?.kind === 'success' && b?.kind === 'success' && !!a.payload && !!b.payload && a.payload.text !== b.payload.text
  );
}

export function describeCommand(
  command: Pick<CommandEntry, 'type' | 'name' | 'target' | 'detail' | 'result'> & { invocationId?: string },
  withParameter = false,
): string {
  if (command.type === 'Output' && withParameter) return `Output ${describeResult(command.result)}`;
  const parts: string[] = [command.type];
  if (command.name) parts.push(`'${command.name}'`);
  if (command.target) {
    const t = command.target;
    parts.push(t.key !== undefined ? `${t.service}/${t.key}/${t.handler}` : `${t.service}/${t.handler}`);
  }
  if (command.type === 'AttachInvocation' && command.invocationId) parts.push(`to ${command.invocationId}`);
  if (withParameter && command.detail?.parameter !== undefined)
    parts.push(`with parameter ${command.detail.parameter}`);
  return parts.join(' ');
}

function describeResult(result: EntryResult | undefined): string {
  if (!result) return 'with no result';
  if (result.kind === 'failure') return `failure [${result.failure.code}] ${result.failure.message}`;
  if (result.kind === 'success') {
    if (!result.payload) return 'value (payload not exported)';
    return result.payload.text === '' ? 'empty value (undefined)' : `value ${result.payload.text}`;
  }
  return result.kind;
}

/**
 * The 570 for a command that differs from the recorded one (expected = journal, actual = handler).
 * A different command TYPE gets a note: Restate reports it with another message (sdk-shared-core
 * `CommandTypeMismatchError`, `src/vm/errors.rs`) whose two labels are swapped: `src/service_protocol/encoding.rs`
 * (`RawMessage::decode_to`) passes the journal's type as `actual` and the handler's as `expected`, and the message
 * prints `expected` as "recorded". Measured (test/fixtures/restate-1.7.12/journal-mismatch-type): a journaled Run
 * replayed by code that sleeps is reported as "recorded … 'sleep'", "attempts … 'run'". The event's
 * related_command_type (Sleep) is right; so is our expected/actual.
 */
export function commandMismatch(commandIndex: number, recorded: CommandEntry, issued: IssuedCommand): Mismatch {
  const sameHeader = describeCommand(recorded) === describeCommand(issued);
  const expected = describeCommand(recorded, sameHeader);
  const actual = describeCommand(issued, sameHeader);
  const typeNote =
    recorded.type !== issued.type
      ? ` The command type changed (${recorded.type} → ${issued.type}); Restate's own message for this names the two the other way round.`
      : '';
  return {
    code: 570,
    commandIndex,
    expected,
    actual,
    message: `Journal mismatch (570, RT0016) at command ${commandIndex}: the journal has ${expected}, the handler issued ${actual}.${typeNote}`,
  };
}

/** The 570 for an await with no notification left while the journal still has commands ("an await was added"). */
export function exhaustedMismatch(commandIndex: number, recorded: CommandEntry): Mismatch {
  const expected = describeCommand(recorded);
  return {
    code: 570,
    commandIndex,
    expected,
    actual: 'an await that no recorded notification completes',
    message: `Journal mismatch (570, RT0016) at command ${commandIndex}: the handler awaits with no notifications left while the journal still has ${expected}.`,
  };
}
