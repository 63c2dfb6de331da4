// Loads a scenario file for the CLI: a module whose default export is made with defineScenario (our API), or a
// real-SDK module: a default export made with defineSdkScenario, or restate.service/object/workflow definitions
// (default and/or named exports; then the world is empty and the target is `--target` or the only handler).
// tsx is active in the CLI process (bin/replay-inspector.mjs), so `.ts` scenario files import directly.
import { resolve } from 'node:path';
import type { Scenario } from '../../sim';
import { SimError } from '../../sim';
import { definitionsOfModule } from '../../sdk-host/definitions';
import { defineSdkScenario, isSdkScenario, type SdkScenario } from '../../sdk-sim/sdk-scenario';
import { UserModuleError, importUserModule } from '../user-module';

export class ScenarioLoadError extends Error {}

export type LoadedScenario =
  { kind: 'ours'; scenario: Scenario } | { kind: 'sdk'; scenario: SdkScenario; path: string };

async function importModule(path: string): Promise<Record<string, unknown>> {
  try {
    return await importUserModule(path);
  } catch (error) {
    if (error instanceof UserModuleError)
      throw new ScenarioLoadError(`cannot load scenario file ${path}: ${error.message}`);
    throw error;
  }
}

function isOurScenario(value: unknown): value is Scenario {
  const scenario = value as Partial<Scenario> | undefined;
  return (
    !!scenario &&
    typeof scenario === 'object' &&
    typeof scenario.handler === 'function' &&
    typeof scenario.name === 'string'
  );
}

export async function loadScenario(path: string): Promise<Scenario> {
  const loaded = await loadAnyScenario(path);
  if (loaded.kind !== 'ours')
    throw new ScenarioLoadError(`${path} has no default export made with defineScenario({ name, handler, … })`);
  return loaded.scenario;
}

/** Our scenario or a real-SDK one, by what the module exports. */
export async function loadAnyScenario(path: string, target?: string): Promise<LoadedScenario> {
  const module = await importModule(path);
  if (isSdkScenario(module.default)) return { kind: 'sdk', scenario: module.default, path: resolve(path) };
  if (isOurScenario(module.default)) return { kind: 'ours', scenario: module.default };
  const services = definitionsOfModule(module);
  if (services.length === 0)
    throw new ScenarioLoadError(
      `${path} exports neither a scenario (defineScenario / defineSdkScenario) nor Restate service definitions`,
    );
  try {
    const name = (target ?? services[0].name).replace(/[^A-Za-z0-9]+/g, '-');
    return { kind: 'sdk', scenario: defineSdkScenario({ name, services, target }), path: resolve(path) };
  } catch (error) {
    if (error instanceof SimError) throw new ScenarioLoadError(`${path}: ${error.message}`);
    throw error;
  }
}
