// The built-in examples written as real Restate SDK code (scenarios/sdk/), fetched only when asked for (a chunk per
// file, never in the page's initial JS). Each spreads the world of the example it mirrors (`import ours from
// '../x'`): companionsOf gives the engine Worker those sources, so the one-file Real SDK editor can simulate them.
import { scenarioFileId } from '../derive/scenarioSource';
import { exampleSource } from './examples';

// Tests beside the examples are left out of the glob, so the build makes no chunk of them.
const lazy = import.meta.glob(['../../../scenarios/sdk/*.ts', '!**/*.test.ts'], {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

const loaders = new Map<string, () => Promise<string>>();
for (const [path, load] of Object.entries(lazy)) {
  const id = scenarioFileId(path);
  if (id === 'index' || id.endsWith('.test')) continue;
  loaders.set(id, load);
}

/** Example ids (`timeout-race`) that also exist as real SDK code, sorted. */
export const sdkExampleFiles: string[] = [...loaders.keys()].sort();

export function hasSdkForm(file: string): boolean {
  return loaders.has(file);
}

export async function sdkExampleSource(file: string): Promise<string | null> {
  const load = loaders.get(file);
  return load ? load() : null;
}

/** `../x` imports of built-in examples (our API) in real-SDK code → their sources, for the engine Worker. */
export function companionsOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of source.matchAll(/\bfrom\s*(['"])\.\.\/([\w-]+)\1/g)) {
    const text = exampleSource(match[2]);
    if (text !== null) out[`../${match[2]}`] = text;
  }
  return out;
}
