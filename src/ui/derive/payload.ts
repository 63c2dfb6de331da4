// Payload text for the inspector: pretty JSON when it parses, else the text as it is. Always text, never HTML.
import type { EntryResult, Payload } from '../../model';

export { rawText } from '../../run/raw-text';

export function prettyPayload(p: Payload | undefined): string {
  if (!p) return '';
  if (p.encoding !== 'json') return p.text;
  try {
    return JSON.stringify(JSON.parse(p.text), null, 2);
  } catch {
    return p.text;
  }
}

export function resultText(r: EntryResult | undefined): string {
  if (!r) return '';
  switch (r.kind) {
    case 'void':
      return 'void';
    case 'success':
      if (!r.payload) return 'success';
      // 0 bytes: what the TS SDK's JSON serde writes for undefined (a void run or handler output).
      return r.payload.text === '' ? 'empty value (undefined)' : prettyPayload(r.payload);
    case 'failure':
      return `failure ${r.failure.code}: ${r.failure.message}`;
    case 'invocation-id':
      return `invocation id ${r.invocationId ?? '(unknown)'}`;
    case 'state-keys':
      return `state keys: ${(r.keys ?? []).join(', ')}`;
  }
}

/** Raw value as indented JSON text, safe for huge numbers already kept as strings by the reader. */

export function formatMs(ms: number | null, virtual: boolean): string {
  if (ms === null) return '—';
  if (virtual) return `${ms} ms (virtual)`;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}
