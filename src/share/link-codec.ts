// The `v1.` link form: a view (source, seed, crashes, cancellation, cursor, selection, a paired handler, an open
// compare view) as compressed JSON in the URL hash, and back. This is the wire shape (ShareState); the app works with
// ViewState (view-state.ts), and view-hash.ts maps between the two and reads every link form.
// A link is untrusted input: decoding bounds every size (a deflate bomb cannot blow up memory), validates every
// field, and fails with a ShareLinkError that has a stable code and a message a person understands.
import { Inflate, deflateSync } from 'fflate';
import { ShareLinkError } from './link-errors';
import type { CompareRecipe, PairedHandler, ViewCompare } from './view-state';

export { ShareLinkError, type ShareLinkErrorCode } from './link-errors';
export { shareLinkCharsMax } from './view-hash';

export type ShareSource =
  | { kind: 'example'; name: string }
  | { kind: 'scenario'; code: string }
  | { kind: 'sdk-scenario'; code: string; target?: string; label?: string; input?: string }
  | { kind: 'journal'; text: string; fileName?: string };

/** The compare view travels in the link exactly as the view schema has it. */
export type ShareCompareRun = CompareRecipe;
export type ShareCompare = ViewCompare;

export interface ShareState {
  source: ShareSource;
  seed?: number;
  crashesMs?: number[];
  /** The simulated invocation is cancelled from outside at this virtual time (overrides the scenario's default). */
  cancelAtMs?: number;
  cursor?: number;
  selection?: string;
  /** Code paired with a loaded journal, to replay it: an example, scenario code, or a real SDK handler (`sdk`). */
  pairedScenario?: PairedHandler;
  /** The compare view was open: it reopens with the same second run. */
  compare?: ShareCompare;
}

export const SHARE_PREFIX = 'v1.';
/** Decoding refuses hashes over this many characters. */
export const shareHashCharsMax = 4_000_000;
/** And refuses to inflate past this many bytes (a tiny link can inflate to gigabytes). */
export const shareInflatedBytesMax = 64 * 1024 * 1024;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const reverse = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) reverse[alphabet.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += alphabet[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += alphabet[n & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1)
    throw new ShareLinkError(
      'LINK_BAD_ENCODING',
      'The link is cut off or damaged (its data has an impossible length).',
    );
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? reverse[code] : -1;
    if (v < 0)
      throw new ShareLinkError('LINK_BAD_ENCODING', `The link is damaged: unexpected character at position ${i + 1}.`);
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

function inflateBounded(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > shareInflatedBytesMax)
      throw new ShareLinkError(
        'LINK_TOO_LARGE',
        `The link expands to more than ${shareInflatedBytesMax / 1024 / 1024} MB; it was refused.`,
      );
    chunks.push(chunk);
  });
  try {
    const step = 64 * 1024;
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('LINK_BAD_ENCODING', 'The link is damaged: its compressed data cannot be read.');
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const isStr = (v: unknown): v is string => typeof v === 'string';

function bad(field: string, why: string): never {
  throw new ShareLinkError('LINK_BAD_DATA', `The link's data is invalid: ${field} ${why}.`);
}

function validateSource(v: unknown, field: string, allowJournal: boolean): ShareSource {
  if (typeof v !== 'object' || v === null) bad(field, 'is missing');
  const s = v as Record<string, unknown>;
  if (s.kind === 'example' && isStr(s.name) && s.name.length <= 200) return { kind: 'example', name: s.name };
  if (s.kind === 'scenario' && isStr(s.code)) return { kind: 'scenario', code: s.code };
  if (allowJournal && s.kind === 'sdk-scenario') {
    const h = validateSdkHandler({ ...s, kind: 'sdk' }, field) as { code: string; target?: string; label?: string };
    if (s.input === undefined) return { ...h, kind: 'sdk-scenario' };
    if (!isStr(s.input) || s.input.length > HANDLER_INPUT_CHARS_MAX)
      bad(`${field}.input`, 'is not text of a handler input');
    return { ...h, kind: 'sdk-scenario', input: s.input };
  }
  if (allowJournal && s.kind === 'journal' && isStr(s.text)) {
    return s.fileName === undefined
      ? { kind: 'journal', text: s.text }
      : isStr(s.fileName)
        ? { kind: 'journal', text: s.text, fileName: s.fileName.slice(0, 300) }
        : bad(`${field}.fileName`, 'is not text');
  }
  bad(field, 'is not an example, a scenario or a journal');
}

function validatePaired(v: unknown): PairedHandler {
  const p = v as Record<string, unknown> | null;
  if (typeof p === 'object' && p !== null && p.kind === 'sdk') return validateSdkHandler(p);
  return validateSource(v, 'pairedScenario', false) as PairedHandler;
}

/** A real handler: its code, and optionally the `Service/handler` it replays into and where the code came from. */
function validateSdkHandler(p: Record<string, unknown>, field = 'pairedScenario'): PairedHandler {
  if (!isStr(p.code)) bad(`${field}.code`, 'is not text');
  const out: Extract<PairedHandler, { kind: 'sdk' }> = { kind: 'sdk', code: p.code };
  if (p.target !== undefined) {
    if (!isStr(p.target) || p.target.length > NAME_CHARS_MAX || !/^[^/]+(\/[^/]+){1,2}$/.test(p.target))
      bad(`${field}.target`, 'is not Service/handler');
    out.target = p.target;
  }
  if (p.label !== undefined)
    out.label = isStr(p.label) ? p.label.slice(0, FILE_NAME_CHARS_MAX) : bad(`${field}.label`, 'is not text');
  return out;
}

const NAME_CHARS_MAX = 200;
const FILE_NAME_CHARS_MAX = 300;
/** A handler input is JSON text as the user typed it; a link carries code of any size, an input needs no more. */
const HANDLER_INPUT_CHARS_MAX = 100_000;

function validateCompare(v: unknown): ShareCompare {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('compare', 'is not an object');
  const c = v as Record<string, unknown>;
  if (typeof c.run !== 'object' || c.run === null) bad('compare.run', 'is missing');
  const r = c.run as Record<string, unknown>;
  let run: ShareCompareRun;
  if (r.kind === 'seed')
    run = isInt(r.seed) ? { kind: 'seed', seed: r.seed } : bad('compare.run.seed', 'is not a whole number ≥ 0');
  else if (r.kind === 'without-crashes') run = { kind: 'without-crashes' };
  else if ((r.kind === 'example' || r.kind === 'replay') && isStr(r.name) && r.name.length <= NAME_CHARS_MAX) {
    if (r.kind === 'replay') run = { kind: 'replay', name: r.name };
    else if (r.seed === undefined) run = { kind: 'example', name: r.name };
    else
      run = isInt(r.seed)
        ? { kind: 'example', name: r.name, seed: r.seed }
        : bad('compare.run.seed', 'is not a whole number ≥ 0');
  } else if (r.kind === 'journal' && isStr(r.text)) {
    if (r.fileName === undefined) run = { kind: 'journal', text: r.text };
    else
      run = isStr(r.fileName)
        ? { kind: 'journal', text: r.text, fileName: r.fileName.slice(0, FILE_NAME_CHARS_MAX) }
        : bad('compare.run.fileName', 'is not text');
  } else bad('compare.run', 'is not another seed, the run without crashes, an example, a replay or a journal');
  const out: ShareCompare = { run };
  if (c.cursorA !== undefined)
    out.cursorA = isInt(c.cursorA) ? c.cursorA : bad('compare.cursorA', 'is not a step number');
  if (c.cursorB !== undefined)
    out.cursorB = isInt(c.cursorB) ? c.cursorB : bad('compare.cursorB', 'is not a step number');
  return out;
}

/** Checks untrusted data field by field and returns only the known, well-typed fields. */
export function validateShareState(value: unknown): ShareState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('the view', 'is not an object');
  const v = value as Record<string, unknown>;
  const state: ShareState = { source: validateSource(v.source, 'source', true) };
  if (v.seed !== undefined) state.seed = isInt(v.seed) ? v.seed : bad('seed', 'is not a whole number ≥ 0');
  if (v.crashesMs !== undefined) {
    if (!Array.isArray(v.crashesMs) || v.crashesMs.length > 1000 || !v.crashesMs.every((c) => isInt(c)))
      bad('crashesMs', 'is not a list of times');
    state.crashesMs = v.crashesMs as number[];
  }
  if (v.cancelAtMs !== undefined)
    state.cancelAtMs = isInt(v.cancelAtMs) ? v.cancelAtMs : bad('cancelAtMs', 'is not a time');
  if (v.cursor !== undefined) state.cursor = isInt(v.cursor) ? v.cursor : bad('cursor', 'is not a step number');
  if (v.selection !== undefined)
    state.selection = isStr(v.selection) && v.selection.length <= 200 ? v.selection : bad('selection', 'is not an id');
  if (v.pairedScenario !== undefined) state.pairedScenario = validatePaired(v.pairedScenario);
  if (v.compare !== undefined) state.compare = validateCompare(v.compare);
  return state;
}

/** The hash fragment (without '#') for a view. */
export function encodeShareState(state: ShareState): string {
  const json = new TextEncoder().encode(JSON.stringify(validateShareState(state)));
  return SHARE_PREFIX + toBase64Url(deflateSync(json, { level: 9 }));
}

/** Reads a hash fragment (with or without '#'); throws ShareLinkError on anything wrong. */
export function decodeShareState(hash: string): ShareState {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > shareHashCharsMax)
    throw new ShareLinkError(
      'LINK_TOO_LARGE',
      `The link is longer than ${shareHashCharsMax.toLocaleString('en-US')} characters; it was refused.`,
    );
  if (!text.startsWith(SHARE_PREFIX)) {
    const version = /^v(\d+)\./.exec(text)?.[1];
    if (version)
      throw new ShareLinkError(
        'LINK_UNSUPPORTED_VERSION',
        `The link was made by a newer Replay Inspector (format v${version}); this one reads v1.`,
      );
    throw new ShareLinkError('LINK_BAD_ENCODING', 'This is not a Replay Inspector share link.');
  }
  const bytes = inflateBounded(fromBase64Url(text.slice(SHARE_PREFIX.length)));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareLinkError('LINK_BAD_DATA', "The link's data is not valid JSON text.");
  }
  return validateShareState(json);
}
