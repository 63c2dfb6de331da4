// ISO time ↔ epoch ms without reading the wall clock. appended_at values share their date, so the day part is cached:
// parsing 100,000 rows must stay far below the cost of JSON.parse (see bench/reader.bench.ts).

let cachedDayPrefix = '';
let cachedDayMs = 0;

/** Parses `YYYY-MM-DDTHH:MM:SS[.sss]Z` (and anything Date.parse accepts); null when it is not a time. */
export function parseIsoMs(text: string): number | null {
  if (text.length === 24 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(23) === 90 /* Z */) {
    if (!text.startsWith(cachedDayPrefix) || cachedDayPrefix === '') {
      const prefix = text.slice(0, 10);
      const dayMs = Date.parse(prefix + 'T00:00:00Z');
      if (Number.isNaN(dayMs)) return fallback(text);
      cachedDayPrefix = prefix;
      cachedDayMs = dayMs;
    }
    const h = digits2(text, 11);
    const m = digits2(text, 14);
    const s = digits2(text, 17);
    const ms = digits2(text, 20) * 10 + digit(text, 22);
    if (
      h >= 0 &&
      h < 24 &&
      m >= 0 &&
      m < 60 &&
      s >= 0 &&
      s < 60 &&
      ms >= 0 &&
      text.charCodeAt(13) === 58 &&
      text.charCodeAt(16) === 58 &&
      text.charCodeAt(19) === 46
    ) {
      return cachedDayMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
    }
  }
  return fallback(text);
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
