// The one persistence adapter of the session: what this tab keeps in sessionStorage so that a reload (or a link that
// names a file by name) can make the same run again. Opened files (small ones, as text) and the last simulated
// scenario code. Storage full or disabled is never fatal: reload then asks for the file again.
export interface KeptFile {
  name: string;
  text: string;
}

/** The part of the Web Storage API the adapter uses (sessionStorage in the page; a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const FILES_KEY = 'replay-inspector:files';
const SCENARIO_KEY = 'replay-inspector:scenario';
/** Files larger than this (in characters, all together) are not kept: sessionStorage holds ~5 MB per origin. */
export const KEPT_FILES_LIMIT_CHARS = 4_000_000;

export interface SessionPersistence {
  /** Files opened earlier in this tab, or null. */
  keptFiles(): KeptFile[] | null;
  /** Keeps these files for reload unless larger than `limitChars` together; false when they were not kept. */
  keepFiles(files: readonly KeptFile[], limitChars?: number): boolean;
  /** The scenario code last simulated in this tab, or null. */
  keptScenario(): string | null;
  keepScenario(code: string): void;
}

export function createPersistence(storage: () => KeyValueStorage): SessionPersistence {
  return {
    keptFiles() {
      try {
        const text = storage().getItem(FILES_KEY);
        if (!text) return null;
        const files: unknown = JSON.parse(text);
        return Array.isArray(files) && files.every(isKeptFile) ? files : null;
      } catch {
        return null;
      }
    },
    keepFiles(files, limitChars = KEPT_FILES_LIMIT_CHARS) {
      if (files.reduce((n, f) => n + f.text.length, 0) > limitChars) return false;
      try {
        storage().setItem(FILES_KEY, JSON.stringify(files.map(({ name, text }) => ({ name, text }))));
        return true;
      } catch {
        return false;
      }
    },
    keptScenario() {
      try {
        return storage().getItem(SCENARIO_KEY);
      } catch {
        return null;
      }
    },
    keepScenario(code) {
      try {
        storage().setItem(SCENARIO_KEY, code);
      } catch {
        // Not fatal: the URL will then not restore the edited code.
      }
    },
  };
}

function isKeptFile(value: unknown): value is KeptFile {
  const f = value as KeptFile;
  return typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.text === 'string';
}

/** The page's adapter, over this tab's sessionStorage (read lazily: touching it can throw when storage is off). */
export const persistence: SessionPersistence = createPersistence(() => sessionStorage);
