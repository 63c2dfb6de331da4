// sys_journal_events rows → JournalEvent; sys_invocation(_status) rows → target, status, outcome, awaited tree.
// Event JSON: restate crates/types/src/journal_events (TransientError, Paused, Suspended); tree: unresolved_future.rs.
import type { FutureTree, Journal, JournalEvent, ReaderWarning } from '../model';
import { makeWarning } from './errors';
import { isBeyondSafe, isCount } from './entry-values';
import type { RowRef } from './sources';
import { isObject, locate } from './sources';
import { parseIsoMs } from './time';

const TREE_DEPTH_MAX = 64;
const TREE_NODES = new Set([
  'FirstCompleted',
  'AllCompleted',
  'FirstSucceededOrAllFailed',
  'AllSucceededOrFirstFailed',
  'Unknown',
]);

/** One event row; null (with a warning) when the row cannot be read. */
export function readEvent(ref: RowRef, warnings: ReaderWarning[]): JournalEvent | null {
  const row = ref.row;
  const after = row.after_journal_entry_index;
  if (!isCount(after)) {
    warnings.push(
      makeWarning(
        'BAD_EVENT',
        locate(ref, 'after_journal_entry_index'),
        isBeyondSafe(after) ? `${String(after)} is beyond 2^53 and cannot be read exactly` : 'expected a whole number',
      ),
    );
    return null;
  }
  const appendedAtMs = typeof row.appended_at === 'string' ? parseIsoMs(row.appended_at) : null;
  let body: Record<string, unknown> = {};
  if (typeof row.event_json === 'string') {
    try {
      const parsed: unknown = JSON.parse(row.event_json);
      if (isObject(parsed)) body = parsed;
    } catch {
      warnings.push(makeWarning('BAD_EVENT', locate(ref, 'event_json'), 'not valid JSON'));
      return null;
    }
  }
  const type = typeof row.event_type === 'string' ? row.event_type : typeof body.ty === 'string' ? body.ty : 'unknown';
  switch (type) {
    case 'TransientError': {
      const event: Extract<JournalEvent, { type: 'TransientError' }> = {
        type,
        afterEntryIndex: after,
        appendedAtMs,
        code: typeof body.error_code === 'number' ? body.error_code : 0,
        message: typeof body.error_message === 'string' ? body.error_message : '',
      };
      if (typeof body.error_stacktrace === 'string') event.stacktrace = body.error_stacktrace;
      if (typeof body.restate_doc_error_code === 'string') event.docCode = body.restate_doc_error_code;
      if (isCount(body.related_command_index)) event.relatedCommandIndex = body.related_command_index;
      if (typeof body.related_command_name === 'string') event.relatedCommandName = body.related_command_name;
      if (typeof body.related_command_type === 'string') event.relatedCommandType = body.related_command_type;
      return event;
    }
    case 'Suspended': {
      const event: Extract<JournalEvent, { type: 'Suspended' }> = { type, afterEntryIndex: after, appendedAtMs };
      const tree = body.awaiting_on === undefined ? undefined : readTree(body.awaiting_on, 0);
      if (tree) event.awaitingOn = tree;
      return event;
    }
    case 'Paused': {
      const event: Extract<JournalEvent, { type: 'Paused' }> = { type, afterEntryIndex: after, appendedAtMs };
      const lastFailure = isObject(body.last_failure) ? body.last_failure : {};
      const message = lastFailure.error_message ?? body.error_message ?? body.message;
      if (typeof message === 'string') event.message = message;
      return event;
    }
    default:
      warnings.push(makeWarning('UNKNOWN_EVENT_TYPE', locate(ref, 'event_type'), type));
      return { type: 'Unknown', afterEntryIndex: after, appendedAtMs, eventType: type, raw: row };
  }
}

/** `{"Single":{"CompletionId":2}}`, `{"FirstCompleted":[…]}`, … → FutureTree; undefined when not a tree. */
export function readTree(value: unknown, depth: number): FutureTree | undefined {
  if (depth > TREE_DEPTH_MAX || !isObject(value)) return undefined;
  for (const node in value) {
    const body = value[node];
    if (node === 'Single') {
      if (!isObject(body)) return undefined;
      if (isCount(body.CompletionId)) return { node: 'Single', completionId: body.CompletionId };
      if (isCount(body.SignalIndex)) return { node: 'Single', signalIndex: body.SignalIndex };
      if (typeof body.SignalName === 'string') return { node: 'Single', signalName: body.SignalName };
      return undefined;
    }
    if (!TREE_NODES.has(node) || !Array.isArray(body)) return undefined;
    const children: FutureTree[] = [];
    for (const child of body) {
      const tree = readTree(child, depth + 1);
      if (!tree) return undefined;
      children.push(tree);
    }
    return { node: node as Exclude<FutureTree['node'], 'Single'>, children };
  }
  return undefined;
}

/**
 * Copies sys_invocation / sys_invocation_status facts onto the journal: target, status, completion result/failure and,
 * for a suspended invocation, the awaited future tree (suspended_waiting_future_json; both tables may carry it).
 */
export function applyInvocationRow(journal: Journal, ref: RowRef, warnings: ReaderWarning[]): void {
  const row = ref.row;
  if (typeof row.target === 'string') journal.target = row.target;
  if (typeof row.status === 'string') journal.status = row.status;
  if (row.completion_result === 'success' || row.completion_result === 'failure')
    journal.completionResult = row.completion_result;
  if (typeof row.completion_failure === 'string') journal.completionFailure = row.completion_failure;
  journal.invocation = { ...(journal.invocation ?? {}), ...row };
  const text = row.suspended_waiting_future_json;
  if (typeof text !== 'string') return;
  let tree: FutureTree | undefined;
  try {
    tree = readTree(JSON.parse(text), 0);
  } catch {
    tree = undefined;
  }
  if (tree) journal.awaiting = tree;
  else warnings.push(makeWarning('BAD_AWAITING_TREE', locate(ref, 'suspended_waiting_future_json')));
}
