// A journal entry's raw row as text for the inspector: the Worker keeps raw rows and sends one, as text, on demand.

export function rawText(raw: unknown): string {
  if (raw === undefined) return '';
  try {
    return JSON.stringify(raw, null, 2) ?? String(raw);
  } catch {
    return String(raw);
  }
}
