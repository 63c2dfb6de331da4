// The common entry_lite_json shapes → Entry, without JSON.parse (lite-scan.ts reads them). One builder for both
// dialects: entry-v2.ts passes a parsed row's lite string (PLAIN), fast-rows.ts a range of the export (ESCAPED).
// null means "not a shape read here": the caller takes the general path for that row.
import type { CommandEntry, Entry, EntryResult } from '../model';
import { LazySuccess } from './lazy-payload';
import type { LazyRawRow } from './lazy-row';
import type { LiteCommand, LiteDialect, LiteNotification } from './lite-scan';
import { isLiteInput, isLiteOutputSuccess, scanLiteCall, scanLiteNotification, scanLiteRun, scanLiteSleep } from './lite-scan';
import { scanFailure } from './payload-scan';

/** What the lite JSON does not say: filled in by the caller for each row (one scratch object per caller). */
export interface LiteRow {
  /** The row itself, or a LazyRawRow (lazy-row.ts). */
  raw: unknown;
  /** The row's `name` column ('' when absent). */
  name: string;
  /** The row's entry_json: a string, the lazy row that locates it in the export, or undefined when the row has none. Called only for
   *  results that need it, so the fast path allocates no slice for the others. */
  entryJson(): string | LazyRawRow | undefined;
}

const commandScan: LiteCommand = { completionId: -1, wakeUpTime: -1, name: null };
const notificationScan: LiteNotification = { type: '', id: -1, result: '' };

export function liteEntry(d: LiteDialect, text: string, start: number, end: number, index: number, appendedAtMs: number | null, row: LiteRow): Entry | null {
  // `{"N…` or `{"C…`: the letter after the opening brace and quote.
  const kind = text.charCodeAt(start + 1 + d.quote.length);
  if (kind === 78 /* N */) {
    const n = notificationScan;
    if (!scanLiteNotification(d, text, start, end, n)) return null;
    const result = notificationResult(n.result, row);
    if (!result) return null;
    if (n.type === 'Signal') return { kind: 'notification', index, type: 'Signal', name: '', appendedAtMs, raw: row.raw, result, signalIndex: n.id };
    return { kind: 'notification', index, type: n.type, name: '', appendedAtMs, raw: row.raw, result, completionId: n.id };
  }
  if (kind !== 67 /* C */) return null;
  // Dispatch on the command name (after `{"Command":{"`) so that only one reader is tried.
  const at = start + d.commandAt;
  const c = commandScan;
  if (text.startsWith('Run', at) && text.startsWith(d.quote, at + 3)) {
    if (scanLiteRun(d, text, start, end, c)) return command(row, index, appendedAtMs, 'Run', c.name ?? row.name, [c.completionId]);
  } else if (text.startsWith('Sleep', at) && text.startsWith(d.quote, at + 5)) {
    if (scanLiteSleep(d, text, start, end, c)) {
      const entry = command(row, index, appendedAtMs, 'Sleep', c.name ?? row.name, [c.completionId]);
      entry.wakeUpAtMs = c.wakeUpTime;
      return entry;
    }
  } else if (text.startsWith('Call', at) && text.startsWith(d.quote, at + 4)) {
    const call = scanLiteCall(d, text, start, end);
    if (call) {
      const entry = command(row, index, appendedAtMs, 'Call', call.name ?? row.name, [call.invocationIdCompletionId, call.resultCompletionId]);
      entry.invocationId = call.invocationId;
      entry.target = { service: call.service, handler: call.handler };
      return entry;
    }
  } else if (isLiteInput(d, text, start, end)) {
    const entry = command(row, index, appendedAtMs, 'Input', row.name, []);
    entry.result = successFrom(row.entryJson(), true);
    return entry;
  } else if (isLiteOutputSuccess(d, text, start, end)) {
    const entry = command(row, index, appendedAtMs, 'Output', row.name, []);
    entry.result = successFrom(row.entryJson(), false);
    return entry;
  }
  return null;
}

function command(row: LiteRow, index: number, appendedAtMs: number | null, type: string, name: string, completionIds: number[]): CommandEntry {
  return { kind: 'command', index, type, name, appendedAtMs, raw: row.raw, commandIndex: -1, completionIds };
}

/** The result of a lite notification; null sends the row to the general path. */
function notificationResult(kind: string, row: LiteRow): EntryResult | null {
  if (kind === 'Void') return { kind: 'void' };
  if (kind === 'Success') return successFrom(row.entryJson(), false);
  if (kind === 'InvocationId') return { kind: 'invocation-id' };
  const entryJson = kind === 'Failure' ? row.entryJson() : undefined;
  if (entryJson === undefined) return null;
  const failure = scanFailure(typeof entryJson === 'string' ? entryJson : entryJson.readEntryJson() ?? '');
  return failure ? { kind: 'failure', failure } : null;
}

/** A success result whose payload is read from entry_json when first looked at (see lazy-payload.ts). */
export function successFrom(entryJson: ReturnType<LiteRow['entryJson']>, isInput: boolean): EntryResult {
  return entryJson === undefined ? { kind: 'success' } : new LazySuccess(entryJson, isInput);
}

