// Rows from one or more sources → journals: group by invocation id (order of first appearance), order by index,
// drop identical duplicates, read each entry, number the commands, attach events and invocation rows.
import type { Entry, Journal, JournalEvent, ReaderWarning } from '../model';
import { ReaderError, makeWarning } from './errors';
import type { EntryNotes } from './entry-v2';
import { readV2Entry } from './entry-v2';
import { readV1Entry } from './entry-v1';
import { applyInvocationRow, readEvent } from './events';
import { isCount } from './entry-values';
import type { ReaderLimits } from './input';
import type { RowRef, SourceRows } from './sources';
import { locate } from './sources';
import { parseIsoMs } from './time';

export function assembleJournals(sources: SourceRows[], limits: ReaderLimits, warnings: ReaderWarning[], onProgress?: (fraction: number) => void): Journal[] {
  const groups = new Map<string, RowRef[]>();
  let total = 0;
  for (const source of sources) {
    total += source.journal.length;
    if (total > limits.maxEntries) {
      throw new ReaderError('TOO_LARGE', { file: source.file }, `more than ${limits.maxEntries} journal entries`);
    }
    let lastId = '';
    let group: RowRef[] = [];
    for (const ref of source.journal) {
      const id = ref.row.id;
      // Rows of one invocation come together: skip the map lookup while the id stays the same.
      if (id !== lastId || typeof id !== 'string') {
        lastId = invocationIdOf(ref);
        let found = groups.get(lastId);
        if (!found) groups.set(lastId, (found = []));
        group = found;
      }
      group.push(ref);
    }
  }
  const journals: Journal[] = [];
  const byId = new Map<string, Journal>();
  let done = 0;
  for (const [id, refs] of groups) {
    const journal = readJournal(id, refs, warnings);
    journals.push(journal);
    byId.set(id, journal);
    done += refs.length;
    onProgress?.(0.5 + (0.45 * done) / Math.max(1, total));
  }
  attachSideRows(sources, byId, warnings);
  for (const journal of journals) {
    if (journal.completionResult === undefined || journal.completionResult === null) {
      const derived = outcomeFromOutput(journal.entries);
      if (derived) journal.completionResult = derived;
    }
  }
  return journals;
}

function invocationIdOf(ref: RowRef): string {
  const id = ref.row.id;
  if (typeof id === 'string' && id !== '') return id;
  throw new ReaderError(id === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', locate(ref, 'id'), 'every row names its invocation id');
}

function readJournal(id: string, refs: RowRef[], warnings: ReaderWarning[]): Journal {
  const ordered = orderByIndex(refs, warnings);
  const notes: EntryNotes = { unknownTypes: [], missingDetail: false, withoutJson: false };
  const entries: Entry[] = new Array(ordered.length);
  let commandIndex = 0;
  let version = 0;
  let badTime: RowRef | null = null;
  let v1Rows = 0;
  const callees = new Map<number, string>();
  for (let i = 0; i < ordered.length; i++) {
    const ref = ordered[i];
    const row = ref.row;
    const index = row.index as number;
    const rowVersion = versionOf(ref);
    if (rowVersion > version) version = rowVersion;
    let entry: Entry;
    if (rowVersion === 1) {
      v1Rows++;
      entry = readV1Entry(ref, index, commandIndex);
    } else {
      let appendedAtMs: number | null = null;
      const appendedAt = row.appended_at;
      if (typeof appendedAt === 'string') {
        appendedAtMs = parseIsoMs(appendedAt);
        if (appendedAtMs === null) badTime ??= ref;
      } else if (appendedAt !== undefined && appendedAt !== null) {
        badTime ??= ref;
      }
      entry = readV2Entry(ref, index, appendedAtMs, notes);
    }
    if (entry.kind === 'command') {
      entry.commandIndex = commandIndex++;
      if (entry.invocationId !== undefined && entry.completionIds.length > 0) callees.set(entry.completionIds[0], entry.invocationId);
    } else if (entry.kind === 'notification') {
      // entry_lite_json of a CallInvocationId notification lacks the id; the Call command that allocated it has it.
      if (entry.result.kind === 'invocation-id' && entry.result.invocationId === undefined && entry.completionId !== undefined) {
        const invocationId = callees.get(entry.completionId);
        if (invocationId !== undefined) entry.result = { kind: 'invocation-id', invocationId };
      }
    } else if (isCommandRow(row)) {
      commandIndex++;
    }
    entries[i] = entry;
  }
  if (badTime) warnings.push(makeWarning('BAD_TIME', locate(badTime, 'appended_at')));
  if (v1Rows > 0) warnings.push(makeWarning('V1_ROWS', locate(ordered[0]), `${v1Rows} row(s) of invocation ${id}`));
  if (entries.some((e) => e.kind === 'unknown' && e.combinatorOrder)) warnings.push(makeWarning('OLD_COMBINATOR_ENTRY', locate(ordered[0]), id));
  if (notes.unknownTypes.length > 0) {
    warnings.push(makeWarning('UNKNOWN_ENTRY_TYPE', locate(ordered[0]), [...new Set(notes.unknownTypes)].slice(0, 5).join(', ')));
  }
  if (notes.missingDetail) warnings.push(makeWarning('MISSING_RESULT_DETAIL', locate(ordered[0]), id));
  if (notes.withoutJson) warnings.push(makeWarning('ENTRY_WITHOUT_JSON', locate(ordered[0]), id));
  keepPartitionKeysExact(id, ordered, warnings);
  return { invocationId: id, target: null, status: null, version: version || 2, entries, events: [] };
}

function isCommandRow(row: Record<string, unknown>): boolean {
  return typeof row.entry_type === 'string' ? row.entry_type.startsWith('Command') : false;
}

function versionOf(ref: RowRef): number {
  const version = ref.row.version;
  if (version === 2 || version === 1) return version;
  if (version === undefined || version === null) {
    return 'entry_lite_json' in ref.row || 'entry_json' in ref.row || 'appended_at' in ref.row ? 2 : 1;
  }
  if (typeof version === 'number') {
    throw new ReaderError('UNSUPPORTED_VERSION', locate(ref, 'version'), `row version ${version}; this reader reads versions 1 and 2`);
  }
  throw new ReaderError('BAD_FIELD_TYPE', locate(ref, 'version'), 'expected a number');
}

/** Sorted by index; identical duplicates dropped (warning), different rows at one index rejected. */
function orderByIndex(refs: RowRef[], warnings: ReaderWarning[]): RowRef[] {
  let sorted = true;
  for (let i = 0; i < refs.length; i++) {
    const index = refs[i].row.index;
    if (!isCount(index)) {
      throw new ReaderError(index === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', locate(refs[i], 'index'), 'index is the entry\'s position, a whole number');
    }
    if (i > 0 && index <= (refs[i - 1].row.index as number)) sorted = false;
  }
  const ordered = sorted ? refs : [...refs].sort((a, b) => (a.row.index as number) - (b.row.index as number));
  if (sorted) return checkGaps(ordered, warnings);
  const unique: RowRef[] = [];
  let duplicates = 0;
  for (const ref of ordered) {
    const previous = unique[unique.length - 1];
    if (previous && previous.row.index === ref.row.index) {
      if (!sameEntry(previous.row, ref.row)) {
        throw new ReaderError('DUPLICATE_INDEX', locate(ref, 'index'), `index ${String(ref.row.index)} of ${String(ref.row.id)} appears twice with different content`);
      }
      duplicates++;
      continue;
    }
    unique.push(ref);
  }
  if (duplicates > 0) warnings.push(makeWarning('DUPLICATE_ROWS', locate(unique[0]), `${duplicates} duplicate row(s) of ${String(unique[0].row.id)}`));
  return checkGaps(unique, warnings);
}

function sameEntry(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return a.entry_type === b.entry_type && a.version === b.version && a.appended_at === b.appended_at &&
    (a.entry_lite_json === b.entry_lite_json || a.entry_lite_json === undefined || b.entry_lite_json === undefined) &&
    (a.entry_json === b.entry_json || a.entry_json === undefined || b.entry_json === undefined);
}

function checkGaps(ordered: RowRef[], warnings: ReaderWarning[]): RowRef[] {
  const last = ordered[ordered.length - 1].row.index as number;
  if (ordered[0].row.index !== 0 || last !== ordered.length - 1) {
    warnings.push(makeWarning('INDEX_GAP', locate(ordered[0]), `${ordered.length} rows span indexes ${String(ordered[0].row.index)}–${last} of ${String(ordered[0].row.id)}`));
  }
  return ordered;
}

/** The Output command says how the handler ended when no sys_invocation row does. */
export function outcomeFromOutput(entries: Entry[]): 'success' | 'failure' | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.kind === 'command' && entry.type === 'Output' && entry.result) {
      if (entry.result.kind === 'failure') return 'failure';
      if (entry.result.kind === 'success') return 'success';
    }
  }
  return null;
}

function attachSideRows(sources: SourceRows[], byId: Map<string, Journal>, warnings: ReaderWarning[]): void {
  const orphans = new Set<string>();
  const eventsById = new Map<string, JournalEvent[]>();
  for (const source of sources) {
    for (const ref of source.events) {
      const journal = journalFor(ref, byId, orphans);
      if (!journal) continue;
      const event = readEvent(ref, warnings);
      if (!event) continue;
      let list = eventsById.get(journal.invocationId);
      if (!list) eventsById.set(journal.invocationId, (list = []));
      if (!list.some((e) => sameEvent(e, event))) list.push(event);
      keepPartitionKeysExact(journal.invocationId, [ref], warnings);
    }
    for (const ref of [...source.statuses, ...source.invocations]) {
      const journal = journalFor(ref, byId, orphans);
      if (journal) applyInvocationRow(journal, ref, warnings);
    }
  }
  for (const [id, events] of eventsById) {
    const journal = byId.get(id);
    if (journal) journal.events = events;
  }
  if (orphans.size > 0) warnings.push(makeWarning('ORPHAN_ROWS', undefined, [...orphans].slice(0, 5).join(', ')));
}

function sameEvent(a: JournalEvent, b: JournalEvent): boolean {
  return a.type === b.type && a.afterEntryIndex === b.afterEntryIndex && a.appendedAtMs === b.appendedAtMs &&
    JSON.stringify(a) === JSON.stringify(b);
}

function journalFor(ref: RowRef, byId: Map<string, Journal>, orphans: Set<string>): Journal | undefined {
  const id = ref.row.id;
  if (typeof id !== 'string') {
    throw new ReaderError(id === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE', locate(ref, 'id'), 'every row names its invocation id');
  }
  const journal = byId.get(id);
  if (!journal) orphans.add(id);
  return journal;
}

/**
 * partition_key is a u64: JSON.parse rounds it above 2^53. The raw rows keep it as the exact decimal string taken
 * from the text, or lose it (with a warning) when the text does not show it next to the row's id.
 */
function keepPartitionKeysExact(id: string, refs: RowRef[], warnings: ReaderWarning[]): void {
  const first = refs[0].row.partition_key;
  if (typeof first !== 'number' || Number.isSafeInteger(first)) return;
  let exact: string | undefined;
  let exactSource: SourceRows | undefined;
  let dropped = false;
  for (const ref of refs) {
    const row = ref.row;
    if (typeof row.partition_key !== 'number' || Number.isSafeInteger(row.partition_key)) continue;
    if (exactSource !== ref.source) {
      exactSource = ref.source;
      exact = exactPartitionKey(ref.source.text, id);
    }
    if (exact !== undefined) row.partition_key = exact;
    else {
      delete row.partition_key;
      dropped = true;
    }
  }
  if (dropped) warnings.push(makeWarning('PARTITION_KEY_DROPPED', locate(refs[0], 'partition_key'), id));
}

function exactPartitionKey(text: string, id: string): string | undefined {
  const needle = `"${id}"`;
  let at = text.indexOf(needle);
  for (let tries = 0; at >= 0 && tries < 8; tries++) {
    const match = /"partition_key"\s*:\s*(\d{1,20})\s*,\s*"id"\s*:\s*$/.exec(text.slice(Math.max(0, at - 80), at));
    if (match) return match[1];
    at = text.indexOf(needle, at + needle.length);
  }
  return undefined;
}
