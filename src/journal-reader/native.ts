// The native journal file (src/model/files.ts, docs/journal-format.md): validated on read, written without raw rows.
import type {
  Entry,
  EntryResult,
  Journal,
  JournalEvent,
  NativeJournalFile,
  ReaderErrorLocation,
  ReaderWarning,
} from '../model';
import { ReaderError, makeWarning } from './errors';
import { isCount } from './entry-values';
import { withFile } from './input';
import { isObject } from './sources';

export const NATIVE_FORMAT = 'replay-inspector/journal';
const ENTRY_KINDS = new Set(['command', 'notification', 'unknown']);
const RESULT_KINDS = new Set(['void', 'success', 'failure', 'invocation-id', 'state-keys']);

export function readNative(
  value: unknown,
  warnings: ReaderWarning[],
  file?: string,
): { journal: Journal; run?: NativeJournalFile['run'] } {
  const at = (field: string, row?: number): ReaderErrorLocation =>
    withFile(row === undefined ? { field } : { row, field }, file);
  if (!isObject(value)) throw new ReaderError('UNKNOWN_FORMAT', at('format'), 'a native journal file is a JSON object');
  if (value.format !== NATIVE_FORMAT)
    throw new ReaderError('UNKNOWN_FORMAT', at('format'), `format is ${JSON.stringify(value.format ?? null)}`);
  if (value.version !== 1) {
    const code = typeof value.version === 'number' ? 'UNSUPPORTED_VERSION' : 'MISSING_FIELD';
    throw new ReaderError(
      code,
      at('version'),
      `version ${JSON.stringify(value.version ?? null)}; this reader reads version 1`,
    );
  }
  const j = value.journal;
  if (!isObject(j)) throw new ReaderError(j === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', at('journal'));
  if (typeof j.invocationId !== 'string')
    throw new ReaderError(
      j.invocationId === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE',
      at('journal.invocationId'),
    );
  if (!Array.isArray(j.entries))
    throw new ReaderError(j.entries === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', at('journal.entries'));
  const entries = j.entries.map((e, i) => checkEntry(e, i, at));
  entries.sort((a, b) => a.index - b.index);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].index === entries[i - 1].index)
      throw new ReaderError(
        'DUPLICATE_INDEX',
        at('journal.entries.index', i),
        `index ${entries[i].index} appears twice`,
      );
  }
  const events: JournalEvent[] = [];
  if (j.events !== undefined) {
    if (!Array.isArray(j.events)) throw new ReaderError('BAD_FIELD_TYPE', at('journal.events'));
    j.events.forEach((e, i) => {
      if (
        isObject(e) &&
        typeof e.type === 'string' &&
        isCount(e.afterEntryIndex) &&
        (e.appendedAtMs === null || typeof e.appendedAtMs === 'number')
      ) {
        events.push(e as unknown as JournalEvent);
      } else warnings.push(makeWarning('BAD_EVENT', at('journal.events', i)));
    });
  }
  const journal: Journal = {
    ...(j as unknown as Journal),
    invocationId: j.invocationId,
    target: typeof j.target === 'string' ? j.target : null,
    status: typeof j.status === 'string' ? j.status : null,
    version: typeof j.version === 'number' ? j.version : 2,
    entries,
    events,
  };
  const run = value.run;
  if (run === undefined || run === null) return { journal };
  if (
    !isObject(run) ||
    !Array.isArray(run.decisions) ||
    !Array.isArray(run.attempts) ||
    !Array.isArray(run.completionOrder)
  ) {
    throw new ReaderError('BAD_FIELD_TYPE', at('run'), 'run needs decisions, attempts and completionOrder arrays');
  }
  return { journal, run: run as unknown as NativeJournalFile['run'] };
}

function checkEntry(value: unknown, i: number, at: (field: string, row?: number) => ReaderErrorLocation): Entry {
  const bad = (field: string, detail?: string, missing = false): never => {
    throw new ReaderError(missing ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', at(`journal.entries.${field}`, i), detail);
  };
  if (!isObject(value)) return bad('', 'an entry is an object');
  if (!ENTRY_KINDS.has(value.kind as string)) bad('kind', 'command, notification or unknown', value.kind === undefined);
  if (!isCount(value.index)) bad('index', 'a whole number', value.index === undefined);
  if (typeof value.type !== 'string') bad('type', 'a string', value.type === undefined);
  const entry: Record<string, unknown> = {
    ...value,
    name: typeof value.name === 'string' ? value.name : '',
    appendedAtMs: typeof value.appendedAtMs === 'number' ? value.appendedAtMs : null,
  };
  if (value.kind === 'command') {
    if (!isCount(value.commandIndex)) bad('commandIndex', 'a whole number', value.commandIndex === undefined);
    if (!Array.isArray(value.completionIds) || !value.completionIds.every(isCount))
      bad('completionIds', 'an array of whole numbers', value.completionIds === undefined);
    if (value.result !== undefined) checkResult(value.result, (d) => bad('result', d));
  } else if (value.kind === 'notification') {
    checkResult(value.result, (d) => bad('result', d, value.result === undefined));
    const hasId = isCount(value.completionId) || isCount(value.signalIndex) || typeof value.signalName === 'string';
    if (!hasId) bad('completionId', 'a notification names a completionId, signalIndex or signalName', true);
  } else if (typeof value.reason !== 'string') {
    entry.reason = '';
  }
  return entry as unknown as Entry;
}

function checkResult(value: unknown, bad: (detail: string) => never): asserts value is EntryResult {
  if (!isObject(value) || !RESULT_KINDS.has(value.kind as string))
    bad('a result with kind void, success, failure, invocation-id or state-keys');
  const result = value as Record<string, unknown>;
  if (
    result.kind === 'failure' &&
    (!isObject(result.failure) || typeof result.failure.code !== 'number' || typeof result.failure.message !== 'string')
  ) {
    bad('a failure has a numeric code and a message');
  }
  if (result.kind === 'success' && result.payload !== undefined) {
    const p = result.payload;
    if (!isObject(p) || typeof p.text !== 'string' || !['json', 'text', 'hex'].includes(p.encoding as string))
      bad('a payload has encoding and text');
  }
}

/** The native file text for a journal (and the simulation that made it). Raw rows are left out: they can be huge. */
export function toNativeText(journal: Journal, run?: NativeJournalFile['run']): string {
  const entries = journal.entries.map(({ raw: _raw, ...rest }) => ({
    ...rest,
    ...(rest.kind !== 'unknown' && 'result' in rest && rest.result ? { result: { ...rest.result } } : {}),
  }));
  const file: NativeJournalFile = {
    format: NATIVE_FORMAT,
    version: 1,
    journal: { ...journal, entries: entries as Entry[] },
  };
  if (run) file.run = run;
  return JSON.stringify(file);
}
