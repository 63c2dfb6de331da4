// Test helpers (Node only, imported by *.test.ts files, never by the reader): fixture paths and file reading.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../../test/fixtures/samples/', import.meta.url));
export const CAPTURES_DIR = fileURLToPath(new URL('../../test/fixtures/restate-1.7.12/', import.meta.url));
export const SAMPLE_CASES = ['race-timeout', 'run-retry'];

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function sampleFile(sample: string, name: string): { name: string; text: string } {
  return { name, text: readText(`${SAMPLES_DIR}${sample}/${name}`) };
}

/** The three /query exports of a sample or capture folder (journal, events, invocation). */
export function queryFiles(dir: string): { name: string; text: string }[] {
  return ['journal.query.json', 'events.query.json', 'invocation.query.json']
    .filter((name) => existsSync(`${dir}/${name}`))
    .map((name) => ({ name, text: readText(`${dir}/${name}`) }));
}

/** Capture folders present right now (the capture script may add more). */
export function captureCases(): string[] {
  if (!existsSync(CAPTURES_DIR)) return [];
  return readdirSync(CAPTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${CAPTURES_DIR}${d.name}/journal.query.json`))
    .map((d) => d.name)
    .sort();
}
