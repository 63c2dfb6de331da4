// Rows from one or more sources → journals: group by invocation id (order of first appearance), order by index,
// drop identical duplicates, read each entry, number the commands, attach events and invocation rows.
import type { Entry, Journal, JournalEvent, ReaderWarning, RestateRow } from '../model';
import { ReaderError, makeWarning } from './errors';
import { JournalBuilder, indexGapWarning, isCommandRow } from './journal-builder';
import { readV2Entry } from './entry-v2';
import { readV1Entry } from './entry-v1';
import { applyInvocationRow, readEvent } from './events';
import { countErrorCode, isCount } from './entry-values';
import type { ReaderLimits } from './input';
import { withFile } from './input';
import type { RowRef, SourceRows } from './sources';
import { locate } from './sources';
import { parseIsoMs } from './time';

/** The rows of one invocation, as parallel arrays (see RowList). */
interface Group {
  rows: RestateRow[];
  pos: number[];
  /** Source of each row; empty when all rows come from `single`. */
  src: SourceRows[];
  single?: SourceRows;
}

function sourceAt(group: Group, k: number): SourceRows {
  return group.single ?? group.src[k];
}

function refAt(group: Group, k: number): RowRef {
  return { row: group.rows[k], pos: group.pos[k], source: sourceAt(group, k) };
}

/** The common case, one source holding one invocation, needs no copying. */
function wholeSourceGroup(source: SourceRows): Group | null {
  const { rows, pos } = source.journal;
  const id = rows[0].id;
  if (typeof id !== 'string' || id === '') return null;
  for (let k = 1; k < rows.length; k++) if (rows[k].id !== id) return null;
  return { rows, pos, src: [], single: source };
}

export function assembleJournals(
  sources: SourceRows[],
  limits: ReaderLimits,
  warnings: ReaderWarning[],
  onProgress?: (fraction: number) => void,
): Journal[] {
  const groups = new Map<string, Group>();
  let total = 0;
  for (const source of sources) {
    const { rows, pos } = source.journal;
    total += rows.length;
    if (total > limits.maxEntries) {
      throw new ReaderError(
        'TOO_LARGE',
        withFile({ field: 'sys_journal' }, source.file),
        `at least ${total} journal entries; the limit is ${limits.maxEntries} (limits.maxEntries)`,
      );
    }
    if (rows.length === 0) continue;
    const whole =
      groups.size === 0 && sources.filter((x) => x.journal.rows.length > 0).length === 1
        ? wholeSourceGroup(source)
        : null;
    if (whole) {
      groups.set(rows[0].id as string, whole);
      continue;
    }
    let lastId = '';
    let group: Group | undefined;
    for (let k = 0; k < rows.length; k++) {
      const id = rows[k].id;
      // Rows of one invocation come together: skip the map lookup while the id stays the same.
      if (id !== lastId || group === undefined || typeof id !== 'string') {
        lastId = invocationIdOf({ row: rows[k], pos: pos[k], source });
        group = groups.get(lastId);
        if (!group) groups.set(lastId, (group = { rows: [], pos: [], src: [] }));
      }
      group.rows.push(rows[k]);
      group.pos.push(pos[k]);
      group.src.push(source);
    }
  }
  const journals: Journal[] = [];
  const byId = new Map<string, Journal>();
  let done = 0;
  for (const [id, group] of groups) {
    const journal = readJournal(id, group, warnings);
    journals.push(journal);
    byId.set(id, journal);
    done += group.rows.length;
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
  throw new ReaderError(
    id === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE',
    locate(ref, 'id'),
    'every row names its invocation id',
  );
}

function readJournal(id: string, unordered: Group, warnings: ReaderWarning[]): Journal {
  const group = orderByIndex(unordered, warnings);
  const count = group.rows.length;
  const builder = new JournalBuilder();
  // One cursor for all rows: entry readers copy what they keep (locations), never the cursor itself.
  const cursor: RowRef = refAt(group, 0);
  for (let k = 0; k < count; k++) {
    const row = group.rows[k];
    cursor.row = row;
    cursor.pos = group.pos[k];
    cursor.source = sourceAt(group, k);
    const index = row.index as number;
    const rowVersion = versionOf(cursor);
    if (rowVersion > builder.version) builder.version = rowVersion;
    let entry: Entry;
    if (rowVersion === 1) {
      builder.v1Rows++;
      entry = readV1Entry(cursor, index, builder.nextCommandIndex);
    } else {
      let appendedAtMs: number | null = null;
      const appendedAt = row.appended_at;
      if (typeof appendedAt === 'string') {
        appendedAtMs = parseIsoMs(appendedAt);
        if (appendedAtMs === null && builder.badTime < 0) builder.badTime = k;
      } else if (appendedAt !== undefined && appendedAt !== null && builder.badTime < 0) {
        builder.badTime = k;
      }
      entry = readV2Entry(cursor, index, appendedAtMs, builder.notes);
    }
    builder.add(entry, entry.kind === 'unknown' && isCommandRow(row));
  }
  const journal = builder.finish(id, warnings, (k, field) => locate(refAt(group, k), field));
  keepPartitionKeysExact(id, group, warnings);
  return journal;
}

export function versionOf(ref: RowRef): number {
  const version = ref.row.version;
  if (version === 2 || version === 1) return version;
  if (version === undefined || version === null) {
    return 'entry_lite_json' in ref.row || 'entry_json' in ref.row || 'appended_at' in ref.row ? 2 : 1;
  }
  if (typeof version === 'number') {
    throw new ReaderError(
      'UNSUPPORTED_VERSION',
      locate(ref, 'version'),
      `row version ${version}; this reader reads versions 1 and 2`,
    );
  }
  throw new ReaderError('BAD_FIELD_TYPE', locate(ref, 'version'), 'expected a number');
}

/** Sorted by index; identical duplicates dropped (warning), different rows at one index rejected. */
function orderByIndex(group: Group, warnings: ReaderWarning[]): Group {
  const { rows } = group;
  let sorted = true;
  for (let k = 0; k < rows.length; k++) {
    const index = rows[k].index;
    if (!isCount(index)) {
      const code = countErrorCode(index);
      throw new ReaderError(
        code,
        locate(refAt(group, k), 'index'),
        code === 'NUMBER_TOO_LARGE'
          ? `index ${String(index)} is beyond 2^53 and cannot be read exactly`
          : "index is the entry's position, a whole number",
      );
    }
    if (k > 0 && index <= (rows[k - 1].index as number)) sorted = false;
  }
  if (sorted) return checkGaps(group, warnings);
  const order = rows.map((_, k) => k).sort((a, b) => (rows[a].index as number) - (rows[b].index as number) || a - b);
  const unique: Group = { rows: [], pos: [], src: [] };
  let duplicates = 0;
  for (const k of order) {
    const last = unique.rows.length - 1;
    if (last >= 0 && unique.rows[last].index === rows[k].index) {
      if (!sameEntry(unique.rows[last], rows[k])) {
        throw new ReaderError(
          'DUPLICATE_INDEX',
          locate(refAt(group, k), 'index'),
          `index ${String(rows[k].index)} of ${String(rows[k].id)} appears twice with different content`,
        );
      }
      duplicates++;
      continue;
    }
    unique.rows.push(rows[k]);
    unique.pos.push(group.pos[k]);
    unique.src.push(sourceAt(group, k));
  }
  if (duplicates > 0)
    warnings.push(
      makeWarning(
        'DUPLICATE_ROWS',
        locate(refAt(unique, 0)),
        `${duplicates} duplicate row(s) of ${String(unique.rows[0].id)}`,
      ),
    );
  return checkGaps(unique, warnings);
}

function sameEntry(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return (
    a.entry_type === b.entry_type &&
    a.version === b.version &&
    a.appended_at === b.appended_at &&
    (a.entry_lite_json === b.entry_lite_json || a.entry_lite_json === undefined || b.entry_lite_json === undefined) &&
    (a.entry_json === b.entry_json || a.entry_json === undefined || b.entry_json === undefined)
  );
}

function checkGaps(group: Group, warnings: ReaderWarning[]): Group {
  const { rows } = group;
  const gap = indexGapWarning(
    String(rows[0].id),
    rows.length,
    rows[0].index as number,
    rows[rows.length - 1].index as number,
    locate(refAt(group, 0)),
  );
  if (gap) warnings.push(gap);
  return group;
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
      keepPartitionKeysExact(journal.invocationId, { rows: [ref.row], pos: [ref.pos], src: [ref.source] }, warnings);
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
  return (
    a.type === b.type &&
    a.afterEntryIndex === b.afterEntryIndex &&
    a.appendedAtMs === b.appendedAtMs &&
    JSON.stringify(a) === JSON.stringify(b)
  );
}

function journalFor(ref: RowRef, byId: Map<string, Journal>, orphans: Set<string>): Journal | undefined {
  const id = ref.row.id;
  if (typeof id !== 'string') {
    throw new ReaderError(
      id === undefined ? 'MISSING_FIELD' : 'BAD_FIELD_TYPE',
      locate(ref, 'id'),
      'every row names its invocation id',
    );
  }
  const journal = byId.get(id);
  if (!journal) orphans.add(id);
  return journal;
}

/**
 * partition_key is a u64: JSON.parse rounds it above 2^53. The raw rows keep it as the exact decimal string taken
 * from the text, or lose it (with a warning) when the text does not show it next to the row's id.
 */
function keepPartitionKeysExact(id: string, group: Group, warnings: ReaderWarning[]): void {
  let exact: string | undefined;
  let exactSource: SourceRows | undefined;
  let dropped = false;
  for (let k = 0; k < group.rows.length; k++) {
    const row = group.rows[k];
    if (typeof row.partition_key !== 'number' || Number.isSafeInteger(row.partition_key)) continue;
    if (exactSource !== sourceAt(group, k)) {
      exactSource = sourceAt(group, k);
      exact = exactPartitionKey(exactSource.text, id);
    }
    if (exact !== undefined) row.partition_key = exact;
    else {
      delete row.partition_key;
      dropped = true;
    }
  }
  if (dropped) warnings.push(makeWarning('PARTITION_KEY_DROPPED', locate(refAt(group, 0), 'partition_key'), id));
}

export function exactPartitionKey(text: string, id: string): string | undefined {
  const needle = `"${id}"`;
  let at = text.indexOf(needle);
  for (let tries = 0; at >= 0 && tries < 8; tries++) {
    const match = /"partition_key"\s*:\s*(\d{1,20})\s*,\s*"id"\s*:\s*$/.exec(text.slice(Math.max(0, at - 80), at));
    if (match) return match[1];
    at = text.indexOf(needle, at + needle.length);
  }
  return undefined;
}
