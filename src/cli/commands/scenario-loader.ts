// Loads a scenario file for the CLI: a module whose default export is made with defineScenario.
// tsx is active in the CLI process (bin/replay-inspector.mjs), so `.ts` scenario files import directly.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../../sim';

export class ScenarioLoadError extends Error {}

export async function loadScenario(path: string): Promise<Scenario> {
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(resolve(path)).href);
  } catch (error) {
    throw new ScenarioLoadError(
      `cannot load scenario file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const scenario = module.default as Partial<Scenario> | undefined;
  if (
    !scenario ||
    typeof scenario !== 'object' ||
    typeof scenario.handler !== 'function' ||
    typeof scenario.name !== 'string'
  ) {
    throw new ScenarioLoadError(`${path} has no default export made with defineScenario({ name, handler, … })`);
  }
  return scenario as Scenario;
}
