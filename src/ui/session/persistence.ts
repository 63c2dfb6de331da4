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
const SDK_SCENARIO_KEY = 'replay-inspector:sdk-scenario';
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
  /** The real handler code last simulated on the real SDK in this tab (with its target, label and input), or null. */
  keptSdkScenario(): KeptSdkScenario | null;
  keepSdkScenario(scenario: KeptSdkScenario): void;
}

export interface KeptSdkScenario {
  code: string;
  target?: string;
  label?: string;
  /** The handler's input as typed (JSON text). */
  input?: string;
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
    keptSdkScenario() {
      try {
        const kept: unknown = JSON.parse(storage().getItem(SDK_SCENARIO_KEY) ?? 'null');
        return isKeptSdkScenario(kept) ? kept : null;
      } catch {
        return null;
      }
    },
    keepSdkScenario({ code, target, label, input }) {
      try {
        storage().setItem(SDK_SCENARIO_KEY, JSON.stringify({ code, target, label, input }));
      } catch {
        // Not fatal, as for scenario code.
      }
    },
  };
}

function isKeptSdkScenario(value: unknown): value is KeptSdkScenario {
  const s = value as KeptSdkScenario;
  const optional = (v: unknown) => v === undefined || typeof v === 'string';
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.code === 'string' &&
    optional(s.target) &&
    optional(s.label) &&
    optional(s.input)
  );
}

function isKeptFile(value: unknown): value is KeptFile {
  const f = value as KeptFile;
  return typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.text === 'string';
}

/** The page's adapter, over this tab's sessionStorage (read lazily: touching it can throw when storage is off). */
export const persistence: SessionPersistence = createPersistence(() => sessionStorage);
