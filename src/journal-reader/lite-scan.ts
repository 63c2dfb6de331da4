// Readers for the most common entry_lite_json strings (Restate's serde output, no whitespace): Run, Sleep and Call
// commands, Input and a successful Output, completion and signal notifications. Each checks the whole string against
// its shape with one anchored regular expression `test` (one native pass; a `startsWith` costs about as much, and
// hand-scanning took several), then reads the values at their places. They allocate nothing but a name and return
// false on anything else, so the caller falls back to the general path. Exactness: the whole string must match, from
// first to last character.
//
// Two instances: `LITE` reads the lite JSON itself; `ESCAPED_LITE` reads it as it stands inside the row's text, still a
// JSON string (`{\"Command\":{\"Run\":…`), so the row scanner (row-scan.ts) never unescapes it. The escaped shapes
// accept only `\"` as an escape; every other character stands for itself, so an escaped string that matches unescapes
// to one the plain shape matches, with the same values. Any other escape fails the shape (the row is then parsed).

/** Reads a whole number of 1–10 digits at `at` (-1 when none); `scanEnd` is then where the digits end. */
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

export interface LiteCommand {
  completionId: number;
  wakeUpTime: number;
  /** null: no name in the lite JSON. */
  name: string | null;
}

export interface LiteNotification {
  /** A completion type from COMPLETION_NAMES, or 'Signal'. */
  type: string;
  /** Completion id, or signal index for 'Signal'. */
  id: number;
  /** 'Success' | 'Void' | 'Failure' | 'InvocationId'. */
  result: string;
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

/** The completion type named in lite[at, end) (a known name, shared), or '' for a name this reader does not know. */
function completionNameBetween(lite: string, at: number, end: number): string {
  const length = end - at;
  for (let k = 0; k < COMPLETION_NAMES.length; k++) {
    const name = COMPLETION_NAMES[k];
    if (name.length === length && lite.startsWith(name, at)) return name;
  }
  return '';
}

// The shapes, written with `'` where the JSON has a quote (no shape has an apostrophe): `'` becomes `"` for the lite
// JSON, `\"` for its escaped form. Character classes keep the real `"` and `\`: a name holds neither, in either form.
const RUN_SHAPE = String.raw`^\{'Command':\{'Run':\{'completion_id':\d{1,10}(?:,'name':'[^"\\]*')?\}\}\}$`;
const SLEEP_SHAPE = String.raw`^\{'Command':\{'Sleep':\{'wake_up_time':\d{1,16},'completion_id':\d{1,10}(?:,'name':'[^"\\]*')?\}\}\}$`;
const CALL_SHAPE = String.raw`^\{'Command':\{'Call':\{'invocation_id':'(inv_\w+)','invocation_target':\{'Service':\{'name':'([^"\\]*)','handler':'([^"\\]*)','scope':null\}\},'invocation_id_completion_id':(\d{1,10}),'result_completion_id':(\d{1,10})(?:,'name':'([^"\\]*)')?\}\}\}$`;
const NOTIFICATION_SHAPE = String.raw`^\{'Notification':\{'ty':(?:\{'Completion':'[A-Za-z]+'\},'id':\{'CompletionId'|'Signal','id':\{'SignalIndex'):\d{1,10}\},'result':'(?:Success|Void|Failure|InvocationId)'\}\}$`;

/** The lite readers for one form: `quote` is how a JSON quote is written in it (`"`, or `\"` inside a JSON string). */
export class LiteScanner {
  private readonly runShape: RegExp;
  private readonly sleepShape: RegExp;
  private readonly callShape: RegExp;
  private readonly notificationShape: RegExp;
  private readonly runLength: number;
  private readonly sleepLength: number;
  private readonly completionIdLength: number;
  /** `,"name":"` and the `"}}}` after a name. */
  private readonly nameLength: number;
  private readonly nameTail: number;
  private readonly completionLength: number;
  private readonly signalLength: number;
  private readonly completionIdKeyLength: number;
  private readonly resultLength: number;
  private readonly tyAt: number;
  private readonly quote: string;
  /** Where `Command` or `Notification` starts (after `{"`). */
  readonly kindAt: number;
  /** Where the command's name starts (`{"Command":{"` …). */
  readonly commandNameAt: number;
  readonly input: string;
  readonly outputSuccess: string;

  constructor(quote: '"' | '\\"') {
    const text = (shape: string) => shape.replaceAll("'", quote);
    const regex = (shape: string) => new RegExp(shape.replaceAll("'", quote === '"' ? '"' : String.raw`\\"`));
    this.quote = quote;
    this.runShape = regex(RUN_SHAPE);
    this.sleepShape = regex(SLEEP_SHAPE);
    this.callShape = regex(CALL_SHAPE);
    this.notificationShape = regex(NOTIFICATION_SHAPE);
    this.runLength = text(`{'Command':{'Run':{'completion_id':`).length;
    this.sleepLength = text(`{'Command':{'Sleep':{'wake_up_time':`).length;
    this.completionIdLength = text(`,'completion_id':`).length;
    this.nameLength = text(`,'name':'`).length;
    this.nameTail = text(`'}}}`).length;
    this.completionLength = text(`{'Notification':{'ty':{'Completion':'`).length;
    this.signalLength = text(`{'Notification':{'ty':'Signal','id':{'SignalIndex':`).length;
    this.completionIdKeyLength = text(`'},'id':{'CompletionId':`).length;
    this.resultLength = text(`},'result':'`).length;
    this.tyAt = text(`{'Notification':{'ty':`).length;
    this.kindAt = text(`{'`).length;
    this.commandNameAt = text(`{'Command':{'`).length;
    this.input = text(`{'Command':{'Input':{}}}`);
    this.outputSuccess = text(`{'Command':{'Output':{'result':'Success'}}}`);
  }

  /** True when the command named at `commandNameAt` is `type` (the name, then its closing quote). */
  isCommand(lite: string, type: string): boolean {
    return lite.startsWith(type, this.commandNameAt) && lite.startsWith(this.quote, this.commandNameAt + type.length);
  }

  /** `{"Command":{"Run":{"completion_id":1,"name":"x"}}}` (name optional, without escapes). */
  run(lite: string, out: LiteCommand): boolean {
    if (!this.runShape.test(lite)) return false;
    out.completionId = digitsAt(lite, this.runLength);
    out.wakeUpTime = -1;
    out.name = this.nameAfter(lite, scanEnd);
    return true;
  }

  /** `{"Command":{"Sleep":{"wake_up_time":1795831496210,"completion_id":2,"name":"x"}}}` (name optional). */
  sleep(lite: string, out: LiteCommand): boolean {
    if (!this.sleepShape.test(lite)) return false;
    let at = this.sleepLength;
    let wake = 0;
    for (let c = lite.charCodeAt(at); c >= 48 && c <= 57; c = lite.charCodeAt(++at)) wake = wake * 10 + (c - 48);
    // Beyond 2^53 the general path reports NUMBER_TOO_LARGE; this reader never rounds.
    if (wake > Number.MAX_SAFE_INTEGER) return false;
    out.completionId = digitsAt(lite, at + this.completionIdLength);
    out.wakeUpTime = wake;
    out.name = this.nameAfter(lite, scanEnd);
    return true;
  }

  /** A Call to a service handler with its invocation id (Restate's lite Call shape; name optional). */
  call(lite: string, out: LiteCall): boolean {
    const m = this.callShape.exec(lite);
    if (!m) return false;
    out.invocationId = m[1];
    out.service = m[2];
    out.handler = m[3];
    out.invocationIdCompletionId = Number(m[4]);
    out.resultCompletionId = Number(m[5]);
    out.name = m[6] ?? null;
    return true;
  }

  /** The name after the last number (`,"name":"x"}}}`), or null when the command has none (`}}}`). Shape already checked. */
  private nameAfter(lite: string, at: number): string | null {
    return at + 3 === lite.length ? null : lite.slice(at + this.nameLength, lite.length - this.nameTail);
  }

  /**
   * `{"Notification":{"ty":{"Completion":"Run"},"id":{"CompletionId":1},"result":"Success"}}` or
   * `{"Notification":{"ty":"Signal","id":{"SignalIndex":17},"result":"Success"}}` (Restate lite.rs serde output).
   * The shape is checked whole first; the parts are then read at their places. False on anything else (the caller then
   * parses the JSON).
   */
  notification(lite: string, out: LiteNotification): boolean {
    if (!this.notificationShape.test(lite)) return false;
    let at: number;
    if (lite.charCodeAt(this.tyAt) === 123 /* { */) {
      at = this.completionLength;
      const end = lite.indexOf(this.quote, at);
      const type = completionNameBetween(lite, at, end);
      if (type === '') return false;
      out.type = type;
      at = end + this.completionIdKeyLength;
    } else {
      at = this.signalLength;
      out.type = 'Signal';
    }
    out.id = digitsAt(lite, at);
    const c = lite.charCodeAt(scanEnd + this.resultLength);
    out.result =
      c === 83 /* S */ ? 'Success' : c === 86 /* V */ ? 'Void' : c === 70 /* F */ ? 'Failure' : 'InvocationId';
    return true;
  }
}

/** Lite JSON as a string value (a parsed row's entry_lite_json). */
export const LITE = new LiteScanner('"');
/** Lite JSON as it stands in the row's text, escaped inside its JSON string. */
export const ESCAPED_LITE = new LiteScanner('\\"');

export const scanLiteRun = (lite: string, out: LiteCommand): boolean => LITE.run(lite, out);
export const scanLiteSleep = (lite: string, out: LiteCommand): boolean => LITE.sleep(lite, out);
export const scanLiteNotification = (lite: string, out: LiteNotification): boolean => LITE.notification(lite, out);
