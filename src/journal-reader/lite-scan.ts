// Hand-written readers for the most common entry_lite_json strings (Restate's serde output, no whitespace):
// Run and Sleep commands (notifications: one anchored regex in entry-v2.ts measured faster than hand-scanning). They allocate nothing but the result and return null on anything unexpected,
// so the caller falls back to the general path. Exactness: the whole string must match, from first to last character.

/** Reads a whole number of 1–10 digits at `at`; returns [value, end] or null. */
function digitsAt(text: string, at: number): number {
  let value = 0;
  let i = at;
  for (; i < text.length && i - at < 10; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  scanEnd = i;
  return i === at ? -1 : value;
}

let scanEnd = 0;

const RUN = '{"Command":{"Run":{"completion_id":';
const SLEEP = '{"Command":{"Sleep":{"wake_up_time":';
const NAME = ',"name":"';

export interface LiteCommand {
  completionId: number;
  wakeUpTime: number;
  /** null: no name in the lite JSON. */
  name: string | null;
}

/** `{"Command":{"Run":{"completion_id":1,"name":"x"}}}` (name optional, without escapes). */
export function scanLiteRun(lite: string, out: LiteCommand): boolean {
  if (!lite.startsWith(RUN)) return false;
  const id = digitsAt(lite, RUN.length);
  if (id < 0) return false;
  out.completionId = id;
  out.wakeUpTime = -1;
  return readNameAndEnd(lite, scanEnd, out);
}

/** `{"Command":{"Sleep":{"wake_up_time":1795831496210,"completion_id":2,"name":"x"}}}` (name optional). */
export function scanLiteSleep(lite: string, out: LiteCommand): boolean {
  if (!lite.startsWith(SLEEP)) return false;
  let at = SLEEP.length;
  let wake = 0;
  const start = at;
  for (; at < lite.length && at - start < 16; at++) {
    const c = lite.charCodeAt(at);
    if (c < 48 || c > 57) break;
    wake = wake * 10 + (c - 48);
  }
  // Beyond 2^53 the general path reports NUMBER_TOO_LARGE; this scanner never rounds.
  if (at === start || wake > Number.MAX_SAFE_INTEGER || !lite.startsWith(',"completion_id":', at)) return false;
  const id = digitsAt(lite, at + 17);
  if (id < 0) return false;
  out.completionId = id;
  out.wakeUpTime = wake;
  return readNameAndEnd(lite, scanEnd, out);
}

function readNameAndEnd(lite: string, at: number, out: LiteCommand): boolean {
  if (at + 3 === lite.length && lite.endsWith('}}}')) {
    out.name = null;
    return true;
  }
  if (!lite.startsWith(NAME, at) || !lite.endsWith('"}}}')) return false;
  const name = lite.slice(at + NAME.length, lite.length - 4);
  if (name.includes('"') || name.includes('\\')) return false;
  out.name = name;
  return true;
}

const NOTIFICATION_COMPLETION = '{"Notification":{"ty":{"Completion":"';
const NOTIFICATION_SIGNAL = '{"Notification":{"ty":"Signal","id":{"SignalIndex":';
const COMPLETION_ID = '"},"id":{"CompletionId":';
const RESULT = '},"result":"';
/** Completion types in the order tried; the string constants are shared, so reading allocates no type names. */
const COMPLETION_NAMES = ['Run', 'Sleep', 'Call', 'CallInvocationId', 'GetLazyState', 'GetLazyStateKeys', 'GetPromise', 'PeekPromise', 'CompletePromise', 'AttachInvocation', 'GetInvocationOutput'];
const RUN_NAMES = ['Run'];
const SLEEP_NAMES = ['Sleep'];
const C_NAMES = ['Call', 'CallInvocationId', 'CompletePromise'];

/** The completion type name at `at` followed by `"},"id":{"CompletionId":`; '' when none. Dispatches on the first letter. */
function completionNameAt(lite: string, at: number): string {
  const c = lite.charCodeAt(at);
  let candidates: readonly string[];
  if (c === 82 /* R */) candidates = RUN_NAMES;
  else if (c === 83 /* S */) candidates = SLEEP_NAMES;
  else if (c === 67 /* C */) candidates = C_NAMES;
  else candidates = COMPLETION_NAMES;
  for (let k = 0; k < candidates.length; k++) {
    const name = candidates[k];
    if (lite.startsWith(name, at) && lite.startsWith(COMPLETION_ID, at + name.length)) return name;
  }
  return '';
}

export interface LiteNotification {
  /** A completion type from COMPLETION_NAMES, or 'Signal'. */
  type: string;
  /** Completion id, or signal index for 'Signal'. */
  id: number;
  /** 'Success' | 'Void' | 'Failure' | 'InvocationId'. */
  result: string;
}

/**
 * `{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"Success"}}` or
 * `{"Notification":{"ty":"Signal","id":{"SignalIndex":17},"result":"Success"}}` (Restate lite.rs serde output).
 * Allocates nothing; false on anything else (the caller then parses the JSON).
 */
export function scanLiteNotification(lite: string, out: LiteNotification): boolean {
  let at: number;
  if (lite.startsWith(NOTIFICATION_COMPLETION)) {
    at = NOTIFICATION_COMPLETION.length;
    const type = completionNameAt(lite, at);
    if (type === '') return false;
    at += type.length + COMPLETION_ID.length;
    out.type = type;
  } else if (lite.startsWith(NOTIFICATION_SIGNAL)) {
    at = NOTIFICATION_SIGNAL.length;
    out.type = 'Signal';
  } else return false;
  const id = digitsAt(lite, at);
  if (id < 0) return false;
  out.id = id;
  at = scanEnd;
  if (!lite.startsWith(RESULT, at)) return false;
  at += RESULT.length;
  // The result kind, then `"}}` and the end of the string.
  const c = lite.charCodeAt(at);
  const name = c === 83 /* S */ ? 'Success' : c === 86 /* V */ ? 'Void' : c === 70 /* F */ ? 'Failure' : c === 73 /* I */ ? 'InvocationId' : '';
  if (name !== '' && at + name.length + 3 === lite.length && lite.startsWith(name, at) && lite.endsWith('"}}')) {
    out.result = name;
    return true;
  }
  return false;
}
