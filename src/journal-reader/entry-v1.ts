// `version = 1` sys_journal rows (journals written before protocol V4): only the columns entry_type, completed,
// invoked_id, invoked_target, sleep_wakeup_at, promise_name, name and raw carry information
// (restate crates/storage-query-datafusion/src/journal/row.rs, append_journal_row). There are no notifications and no
// appended_at times, so such entries become commands without completion ids; old SDK combinator entries (custom
// entry 0xFC00 + 2, CombinatorEntryMessage { combinator_id = 1; repeated journal_entries_order = 2 }) become unknown
// entries with their decoded completion order.
import type { CallTarget, CommandEntry, Entry, UnknownEntry } from '../model';
import { fromHex } from './payload';
import type { RowRef } from './sources';

const V1_TYPE_NAMES: Record<string, string> = {
  Invoke: 'Call',
  BackgroundInvoke: 'OneWayCall',
  SideEffect: 'Run',
  GetState: 'GetLazyState',
  GetStateKeys: 'GetLazyStateKeys',
};

export function readV1Entry(ref: RowRef, index: number, commandIndex: number): Entry {
  const row = ref.row;
  const rawType = typeof row.entry_type === 'string' ? row.entry_type : 'unknown';
  const name = typeof row.name === 'string' ? row.name : '';
  if (/custom|0xfc02|64514/i.test(rawType)) {
    const entry: UnknownEntry = {
      kind: 'unknown',
      index,
      type: rawType,
      name,
      appendedAtMs: null,
      raw: row,
      reason: 'old SDK custom entry (protocol V1–V3)',
    };
    const order = typeof row.raw === 'string' ? decodeCombinatorOrder(row.raw) : undefined;
    if (order) {
      entry.combinatorOrder = order;
      entry.reason = 'old SDK combinator entry: journal indexes in completion order';
    }
    return entry;
  }
  if (rawType === 'CompletionResult') {
    return {
      kind: 'unknown',
      index,
      type: rawType,
      name,
      appendedAtMs: null,
      raw: row,
      reason: 'a stored completion of an old journal (no details in the export)',
    };
  }
  const entry: CommandEntry = {
    kind: 'command',
    index,
    type: V1_TYPE_NAMES[rawType] ?? rawType,
    name,
    appendedAtMs: null,
    raw: row,
    commandIndex,
    completionIds: [],
  };
  const detail: Record<string, string | number | boolean | null> = { v1EntryType: rawType };
  if (typeof row.completed === 'boolean') detail.completed = row.completed;
  if (typeof row.promise_name === 'string') detail.key = row.promise_name;
  entry.detail = detail;
  if (typeof row.invoked_id === 'string') entry.invocationId = row.invoked_id;
  if (typeof row.invoked_target === 'string') {
    const target = parseTarget(row.invoked_target);
    if (target) entry.target = target;
  }
  if (typeof row.sleep_wakeup_at === 'number') entry.wakeUpAtMs = row.sleep_wakeup_at;
  else if (typeof row.sleep_wakeup_at === 'string' && Number.isFinite(Date.parse(row.sleep_wakeup_at)))
    entry.wakeUpAtMs = Date.parse(row.sleep_wakeup_at);
  return entry;
}

/** `Service/handler` or `Object/key/handler` (InvocationTarget's Display). */
function parseTarget(text: string): CallTarget | undefined {
  const parts = text.split('/');
  if (parts.length === 2) return { service: parts[0], handler: parts[1] };
  if (parts.length >= 3)
    return { service: parts[0], key: parts.slice(1, -1).join('/'), handler: parts[parts.length - 1] };
  return undefined;
}

/** Field 2 (packed or repeated varints) of a protobuf CombinatorEntryMessage in hex; undefined when not decodable. */
export function decodeCombinatorOrder(hex: string): number[] | undefined {
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length > 1_000_000) return undefined;
  const bytes = fromHex(hex);
  const order: number[] = [];
  let at = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) return undefined;
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return undefined;
  };
  while (at < bytes.length) {
    const key = varint();
    if (key === undefined) return undefined;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const value = varint();
      if (value === undefined) return undefined;
      if (field === 2) order.push(value);
    } else if (wire === 2) {
      const length = varint();
      if (length === undefined || at + length > bytes.length) return undefined;
      const end = at + length;
      if (field === 2) {
        while (at < end) {
          const value = varint();
          if (value === undefined) return undefined;
          order.push(value);
        }
      }
      at = end;
    } else {
      return undefined;
    }
  }
  return order.length > 0 ? order : undefined;
}
