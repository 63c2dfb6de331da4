// Hand-written readers for the most common entry_lite_json strings (Restate's serde output, no whitespace): Run, Sleep
// and Call commands, completion and signal notifications. They allocate nothing but the result and return false on
// anything unexpected, so the caller falls back to the general path. Exactness: the whole range must match.
//
// Each reader works on a range [start, end) of a text in one of two dialects: PLAIN, the lite JSON itself (after the
// row was parsed), and ESCAPED, the same JSON as it stands inside the export's string literal, `{\"Command\":…}`
// (fast-rows.ts reads rows without JSON.parse). The readers only accept names without backslashes, so in the escaped
// dialect the only escapes are the structural `\"`, and both dialects read the same values.

export interface LiteDialect {
  readonly quote: string;
  readonly commandAt: number;
  readonly run: string;
  readonly sleep: string;
  readonly call: string;
  readonly sleepCompletionId: string;
  readonly name: string;
  readonly nameEnd: string;
  readonly notificationCompletion: string;
  readonly notificationSignal: string;
  readonly completionId: string;
  readonly result: string;
  readonly resultEnd: string;
  readonly input: string;
  readonly outputSuccess: string;
  readonly callPattern: RegExp;
}

function dialect(quote: string): LiteDialect {
  const q = (json: string) => json.replaceAll('"', quote);
  // Names and handlers cannot hold a quote or a backslash here: such rows take the general path.
  const Q = quote === '"' ? '"' : '\\\\"';
  const callPattern = new RegExp(
    `\\{${Q}Command${Q}:\\{${Q}Call${Q}:\\{${Q}invocation_id${Q}:${Q}(inv_\\w+)${Q},${Q}invocation_target${Q}:\\{${Q}Service${Q}:` +
      `\\{${Q}name${Q}:${Q}([^"\\\\]*)${Q},${Q}handler${Q}:${Q}([^"\\\\]*)${Q},${Q}scope${Q}:null\\}\\},` +
      `${Q}invocation_id_completion_id${Q}:(\\d{1,10}),${Q}result_completion_id${Q}:(\\d{1,10})(?:,${Q}name${Q}:${Q}([^"\\\\]*)${Q})?\\}\\}\\}`,
    'y',
  );
  return {
    quote,
    // `{"Command":{"` → the command name starts here.
    commandAt: q('{"Command":{"').length,
    run: q('{"Command":{"Run":{"completion_id":'),
    sleep: q('{"Command":{"Sleep":{"wake_up_time":'),
    call: q('{"Command":{"Call"'),
    sleepCompletionId: q(',"completion_id":'),
    name: q(',"name":"'),
    nameEnd: q('"}}}'),
    notificationCompletion: q('{"Notification":{"ty":{"Completion":"'),
    notificationSignal: q('{"Notification":{"ty":"Signal","id":{"SignalIndex":'),
    completionId: q('"},"id":{"CompletionId":'),
    result: q('},"result":"'),
    resultEnd: q('"}}'),
    input: q('{"Command":{"Input":{}}}'),
    outputSuccess: q('{"Command":{"Output":{"result":"Success"}}}'),
    callPattern,
  };
}

export const PLAIN: LiteDialect = dialect('"');
export const ESCAPED: LiteDialect = dialect('\\"');

let scanEnd = 0;

/** Reads a whole number of 1–`max` digits at `at` (before `end`); -1 when there is none. Sets scanEnd. */
function digitsAt(text: string, at: number, end: number, max: number): number {
  let value = 0;
  let i = at;
  for (; i < end && i - at < max; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  scanEnd = i;
  return i === at ? -1 : value;
}

export interface LiteCommand {
  completionId: number;
  wakeUpTime: number;
  /** null: no name in the lite JSON. */
  name: string | null;
}

/** `{"Command":{"Run":{"completion_id":1,"name":"x"}}}` (name optional, without escapes). */
export function scanLiteRun(d: LiteDialect, text: string, start: number, end: number, out: LiteCommand): boolean {
  if (!text.startsWith(d.run, start)) return false;
  const id = digitsAt(text, start + d.run.length, end, 10);
  if (id < 0) return false;
  out.completionId = id;
  out.wakeUpTime = -1;
  return readNameAndEnd(d, text, scanEnd, end, out);
}

/** `{"Command":{"Sleep":{"wake_up_time":1795831496210,"completion_id":2,"name":"x"}}}` (name optional). */
export function scanLiteSleep(d: LiteDialect, text: string, start: number, end: number, out: LiteCommand): boolean {
  if (!text.startsWith(d.sleep, start)) return false;
  const wake = digitsAt(text, start + d.sleep.length, end, 16);
  // Beyond 2^53 the general path reports NUMBER_TOO_LARGE; this scanner never rounds.
  if (wake < 0 || wake > Number.MAX_SAFE_INTEGER || !text.startsWith(d.sleepCompletionId, scanEnd)) return false;
  const id = digitsAt(text, scanEnd + d.sleepCompletionId.length, end, 10);
  if (id < 0) return false;
  out.completionId = id;
  out.wakeUpTime = wake;
  return readNameAndEnd(d, text, scanEnd, end, out);
}

function readNameAndEnd(d: LiteDialect, text: string, at: number, end: number, out: LiteCommand): boolean {
  if (at + 3 === end && text.startsWith('}}}', at)) {
    out.name = null;
    return true;
  }
  const nameStart = at + d.name.length;
  const nameEnd = end - d.nameEnd.length;
  if (nameEnd < nameStart || !text.startsWith(d.name, at) || !text.startsWith(d.nameEnd, nameEnd)) return false;
  const name = text.slice(nameStart, nameEnd);
  if (name.includes('"') || name.includes('\\')) return false;
  out.name = name;
  return true;
}

export interface LiteCall {
  invocationId: string;
  service: string;
  handler: string;
  invocationIdCompletionId: number;
  resultCompletionId: number;
  /** null: no name in the lite JSON. */
  name: string | null;
}

/** A Call to a Service (not an object or workflow: those keep a key and take the general path). */
export function scanLiteCall(d: LiteDialect, text: string, start: number, end: number): LiteCall | null {
  const pattern = d.callPattern;
  pattern.lastIndex = start;
  const m = pattern.exec(text);
  if (!m || pattern.lastIndex !== end) return null;
  return { invocationId: m[1], service: m[2], handler: m[3], invocationIdCompletionId: Number(m[4]), resultCompletionId: Number(m[5]), name: m[6] ?? null };
}

/** Completion types in the order tried; the string constants are shared, so reading allocates no type names. */
const COMPLETION_NAMES = ['Run', 'Sleep', 'Call', 'CallInvocationId', 'GetLazyState', 'GetLazyStateKeys', 'GetPromise', 'PeekPromise', 'CompletePromise', 'AttachInvocation', 'GetInvocationOutput'];
const RUN_NAMES = ['Run'];
const SLEEP_NAMES = ['Sleep'];
const C_NAMES = ['Call', 'CallInvocationId', 'CompletePromise'];

/** The completion type name at `at` followed by `"},"id":{"CompletionId":`; '' when none. Dispatches on the first letter. */
function completionNameAt(d: LiteDialect, text: string, at: number): string {
  const c = text.charCodeAt(at);
  let candidates: readonly string[];
  if (c === 82 /* R */) candidates = RUN_NAMES;
  else if (c === 83 /* S */) candidates = SLEEP_NAMES;
  else if (c === 67 /* C */) candidates = C_NAMES;
  else candidates = COMPLETION_NAMES;
  for (let k = 0; k < candidates.length; k++) {
    const name = candidates[k];
    if (text.startsWith(name, at) && text.startsWith(d.completionId, at + name.length)) return name;
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
 */
export function scanLiteNotification(d: LiteDialect, text: string, start: number, end: number, out: LiteNotification): boolean {
  let at: number;
  if (text.startsWith(d.notificationCompletion, start)) {
    at = start + d.notificationCompletion.length;
    const type = completionNameAt(d, text, at);
    if (type === '') return false;
    at += type.length + d.completionId.length;
    out.type = type;
  } else if (text.startsWith(d.notificationSignal, start)) {
    at = start + d.notificationSignal.length;
    out.type = 'Signal';
  } else return false;
  const id = digitsAt(text, at, end, 10);
  if (id < 0) return false;
  out.id = id;
  at = scanEnd;
  if (!text.startsWith(d.result, at)) return false;
  at += d.result.length;
  // The result kind, then `"}}` and the end of the range.
  const c = text.charCodeAt(at);
  const name = c === 83 /* S */ ? 'Success' : c === 86 /* V */ ? 'Void' : c === 70 /* F */ ? 'Failure' : c === 73 /* I */ ? 'InvocationId' : '';
  if (name !== '' && at + name.length + d.resultEnd.length === end && text.startsWith(name, at) && text.startsWith(d.resultEnd, end - d.resultEnd.length)) {
    out.result = name;
    return true;
  }
  return false;
}

/** `{"Command":{"Input":{}}}` exactly. */
export function isLiteInput(d: LiteDialect, text: string, start: number, end: number): boolean {
  return end - start === d.input.length && text.startsWith(d.input, start);
}

/** `{"Command":{"Output":{"result":"Success"}}}` exactly. */
export function isLiteOutputSuccess(d: LiteDialect, text: string, start: number, end: number): boolean {
  return end - start === d.outputSuccess.length && text.startsWith(d.outputSuccess, start);
}
