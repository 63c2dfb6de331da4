// The URL hash keeps what is needed to come back to the same view: source, seed, cursor, selection.
// `#src=example:race-timeout&seed=7&cursor=4&sel=c2` (and `crash=`, `cancel=` for simulated runs).
// Unknown or malformed values are dropped, never thrown.
export interface HashState {
  /** `example:<file>`, `file:<name>`, `url:<address>`, `scenario` (edited in the editor). */
  src?: string;
  seed?: number;
  cursor?: number;
  /** Selected future id (`c3`, `s17`) or `e<entryIndex>`. */
  sel?: string;
  /** Crash times (ms) of the simulated run. */
  crashes?: number[];
  /** When the simulated invocation is cancelled from outside (ms). */
  cancel?: number;
}

const intPattern = /^-?\d{1,15}$/;

export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const out: HashState = {};
  const src = params.get('src');
  if (src && src.length <= 2048) out.src = src;
  const seed = params.get('seed');
  if (seed && intPattern.test(seed)) out.seed = Number(seed);
  const cursor = params.get('cursor');
  if (cursor && intPattern.test(cursor) && Number(cursor) >= 0) out.cursor = Number(cursor);
  const sel = params.get('sel');
  if (sel && /^[cse]\d{1,9}$/.test(sel)) out.sel = sel;
  const crashes = params.get('crash');
  if (crashes) {
    const list = crashes
      .split(',')
      .filter((c) => intPattern.test(c))
      .map(Number)
      .filter((n) => n >= 0);
    if (list.length) out.crashes = list.slice(0, 16);
  }
  const cancel = params.get('cancel');
  if (cancel && /^\d{1,9}$/.test(cancel)) out.cancel = Number(cancel);
  return out;
}

export function formatHash(s: HashState): string {
  const params = new URLSearchParams();
  if (s.src) params.set('src', s.src);
  if (s.seed !== undefined) params.set('seed', String(s.seed));
  if (s.crashes?.length) params.set('crash', s.crashes.join(','));
  if (s.cancel !== undefined) params.set('cancel', String(s.cancel));
  if (s.cursor !== undefined) params.set('cursor', String(s.cursor));
  if (s.sel) params.set('sel', s.sel);
  const text = params.toString();
  return text ? `#${text}` : '';
}
