// Readers for the most common entry_lite_json strings (Restate's serde output, no whitespace): Run and Sleep commands,
// completion and signal notifications. Each checks the whole string against its shape with one anchored regular
// expression `test` (one native pass; a `startsWith` costs about as much, and hand-scanning took several), then reads
// the values at their places. They allocate nothing but a name and return false on anything else, so the caller
// falls back to the general path. Exactness: the whole string must match, from first to last character.

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

const RUN_SHAPE = /^\{"Command":\{"Run":\{"completion_id":\d{1,10}(?:,"name":"[^"\\]*")?\}\}\}$/;
const SLEEP_SHAPE =
  /^\{"Command":\{"Sleep":\{"wake_up_time":\d{1,16},"completion_id":\d{1,10}(?:,"name":"[^"\\]*")?\}\}\}$/;

/** `{"Command":{"Run":{"completion_id":1,"name":"x"}}}` (name optional, without escapes). */
export function scanLiteRun(lite: string, out: LiteCommand): boolean {
  if (!RUN_SHAPE.test(lite)) return false;
  out.completionId = digitsAt(lite, RUN.length);
  out.wakeUpTime = -1;
  out.name = nameAfter(lite, scanEnd);
  return true;
}

/** `{"Command":{"Sleep":{"wake_up_time":1795831496210,"completion_id":2,"name":"x"}}}` (name optional). */
export function scanLiteSleep(lite: string, out: LiteCommand): boolean {
  if (!SLEEP_SHAPE.test(lite)) return false;
  let at = SLEEP.length;
  let wake = 0;
  for (let c = lite.charCodeAt(at); c >= 48 && c <= 57; c = lite.charCodeAt(++at)) wake = wake * 10 + (c - 48);
  // Beyond 2^53 the general path reports NUMBER_TOO_LARGE; this reader never rounds.
  if (wake > Number.MAX_SAFE_INTEGER) return false;
  out.completionId = digitsAt(lite, at + ',"completion_id":'.length);
  out.wakeUpTime = wake;
  out.name = nameAfter(lite, scanEnd);
  return true;
}

/** The name after the last number (`,"name":"x"}}}`), or null when the command has none (`}}}`). Shape already checked. */
function nameAfter(lite: string, at: number): string | null {
  return at + 3 === lite.length ? null : lite.slice(at + NAME.length, lite.length - 4);
}

const NOTIFICATION_COMPLETION = '{"Notification":{"ty":{"Completion":"';
const NOTIFICATION_SIGNAL = '{"Notification":{"ty":"Signal","id":{"SignalIndex":';
const COMPLETION_ID = '"},"id":{"CompletionId":';
const RESULT = '},"result":"';
/** Completion types in the order tried; the string constants are shared, so reading allocates no type names. */
const COMPLETION_NAMES = [
  'Run',
  'Sleep',
  'Call',
  'CallInvocationId',
  'GetLazyState',
  'GetLazyStateKeys',
  'GetPromise',
  'PeekPromise',
  'CompletePromise',
  'AttachInvocation',
  'GetInvocationOutput',
];

export interface LiteNotification {
  /** A completion type from COMPLETION_NAMES, or 'Signal'. */
  type: string;
  /** Completion id, or signal index for 'Signal'. */
  id: number;
  /** 'Success' | 'Void' | 'Failure' | 'InvocationId'. */
  result: string;
}

/** A notification's whole lite shape, checked in one native pass (one `test` costs about what one `startsWith` does). */
const NOTIFICATION_SHAPE =
  /^\{"Notification":\{"ty":(?:\{"Completion":"[A-Za-z]+"\},"id":\{"CompletionId"|"Signal","id":\{"SignalIndex"):\d{1,10}\},"result":"(?:Success|Void|Failure|InvocationId)"\}\}$/;
/** Where the `ty` value starts: `{` for a completion, `"` for a signal. */
const TY_AT = '{"Notification":{"ty":'.length;

/** The completion type named in lite[at, end) (a known name, shared), or '' for a name this reader does not know. */
function completionNameBetween(lite: string, at: number, end: number): string {
  const length = end - at;
  for (let k = 0; k < COMPLETION_NAMES.length; k++) {
    const name = COMPLETION_NAMES[k];
    if (name.length === length && lite.startsWith(name, at)) return name;
  }
  return '';
}

/**
 * `{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"Success"}}` or
 * `{"Notification":{"ty":"Signal","id":{"SignalIndex":17},"result":"Success"}}` (Restate lite.rs serde output).
 * The shape is checked whole first; the parts are then read at their places. False on anything else (the caller then
 * parses the JSON).
 */
export function scanLiteNotification(lite: string, out: LiteNotification): boolean {
  if (!NOTIFICATION_SHAPE.test(lite)) return false;
  let at: number;
  if (lite.charCodeAt(TY_AT) === 123 /* { */) {
    at = NOTIFICATION_COMPLETION.length;
    const end = lite.indexOf('"', at);
    const type = completionNameBetween(lite, at, end);
    if (type === '') return false;
    out.type = type;
    at = end + COMPLETION_ID.length;
  } else {
    at = NOTIFICATION_SIGNAL.length;
    out.type = 'Signal';
  }
  out.id = digitsAt(lite, at);
  const c = lite.charCodeAt(scanEnd + RESULT.length);
  out.result = c === 83 /* S */ ? 'Success' : c === 86 /* V */ ? 'Void' : c === 70 /* F */ ? 'Failure' : 'InvocationId';
  return true;
}
