// ISO time ↔ epoch ms without reading the wall clock. appended_at values share their date, so the day part is cached:
// parsing 100,000 rows must stay far below the cost of JSON.parse (see bench/reader.bench.ts).

let cachedDayPrefix = '';
let cachedDayMs = 0;

/** Parses `YYYY-MM-DDTHH:MM:SS[.sss]Z` (and anything Date.parse accepts); null when it is not a time. */
export function parseIsoMs(text: string): number | null {
  return parseIsoIn(text, 0, text.length);
}

/** parseIsoMs of text[start, end), without slicing in the common case (the fast reader parses in place). */
export function parseIsoIn(text: string, start: number, end: number): number | null {
  if (end - start === 24 && text.charCodeAt(start + 10) === 84 /* T */ && text.charCodeAt(start + 23) === 90 /* Z */) {
    if (cachedDayPrefix === '' || !text.startsWith(cachedDayPrefix, start)) {
      const prefix = text.slice(start, start + 10);
      const dayMs = Date.parse(prefix + 'T00:00:00Z');
      if (Number.isNaN(dayMs)) return fallback(text.slice(start, end));
      cachedDayPrefix = prefix;
      cachedDayMs = dayMs;
    }
    const h = digits2(text, start + 11);
    const m = digits2(text, start + 14);
    const s = digits2(text, start + 17);
    const ms = digits2(text, start + 20) * 10 + digit(text, start + 22);
    if (
      h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60 && ms >= 0 &&
      text.charCodeAt(start + 13) === 58 && text.charCodeAt(start + 16) === 58 && text.charCodeAt(start + 19) === 46
    ) {
      return cachedDayMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
    }
  }
  return fallback(start === 0 && end === text.length ? text : text.slice(start, end));
}

function fallback(text: string): number | null {
  if (!/^\d{4}-\d\d-\d\d/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function digit(text: string, at: number): number {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function digits2(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

/** Epoch ms → `2026-11-28T02:04:56.109Z`; null stays null. */
export function toIso(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
