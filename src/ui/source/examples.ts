// The built-in scenarios, as source text (for the editor and the engine Worker) and metadata (for the gallery).
import { readScenarioMeta, scenarioFileId, type ScenarioMeta } from '../derive/scenarioSource';

const raw = import.meta.glob('../../../scenarios/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

const sources = new Map<string, string>();
for (const [path, text] of Object.entries(raw)) {
  const id = scenarioFileId(path);
  if (id === 'index' || id.endsWith('.test') || !/export\s+default\s/.test(text)) continue;
  sources.set(id, text);
}

export const examples: ScenarioMeta[] = [...sources.entries()]
  .map(([id, text]) => readScenarioMeta(id, text))
  .sort((a, b) => a.file.localeCompare(b.file));

export function exampleSource(file: string): string | null {
  return sources.get(file) ?? null;
}

export function exampleMeta(file: string): ScenarioMeta | null {
  return examples.find((e) => e.file === file) ?? null;
}
