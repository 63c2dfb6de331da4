// A scenario whose handler is real Restate SDK code: `restate.service({ name, handlers })` definitions plus the
// same world, input and defaults as a scenario of our own API (docs/scenario-api.md). The simulated server
// (./server.ts) invokes the handler named by `target` on the real SDK.
import type { Behaviour, SimulateDefaults } from '../sim/scenario';
import type { ServiceDefinitionLike } from '../sdk-host/replay';
import { isServiceDefinition } from '../sdk-host/definitions';
import { SimError } from '../sim/errors';

export interface SdkScenarioSpec {
  name: string;
  description?: string;
  input?: unknown;
  world?: Record<string, Behaviour | Behaviour[]>;
  defaults?: SimulateDefaults;
  /** The definitions `restate.service(...)` / `restate.object(...)` return (one or several). */
  services: ServiceDefinitionLike | ServiceDefinitionLike[];
  /** `Service/handler` (or `Object/key/handler`) to invoke; default: the only handler of the first service. */
  target?: string;
  /**
   * World keys of the awakeables in the order the handler creates them (an SDK awakeable has no name; our API's
   * `ctx.awakeable(name)` does). Default: `awakeable-1`, `awakeable-2`, …
   */
  awakeables?: string[];
  /** A virtual object's state when the invocation starts (key → JSON value); the server keeps it (lazy state). */
  state?: Record<string, unknown>;
}

export interface SdkScenario extends Omit<SdkScenarioSpec, 'services' | 'target'> {
  kind: 'sdk-scenario';
  services: ServiceDefinitionLike[];
  target: { service: string; handler: string; key: string };
}

export function defineSdkScenario(spec: SdkScenarioSpec): SdkScenario {
  if (!spec || typeof spec.name !== 'string' || spec.name === '')
    throw new SimError('SIM_BAD_SCENARIO', 'defineSdkScenario: name must be a non-empty string');
  const services = Array.isArray(spec.services) ? spec.services : [spec.services];
  if (services.length === 0 || !services.every(isServiceDefinition))
    throw new SimError(
      'SIM_BAD_SCENARIO',
      `defineSdkScenario '${spec.name}': services must be restate.service / object / workflow definitions`,
    );
  // Only the fields of an SDK scenario: `{ ...ourScenario, services }` (scenarios/sdk) must not keep our handler.
  const { name, description, input, world, defaults, awakeables, state } = spec;
  return {
    kind: 'sdk-scenario',
    name,
    ...(description !== undefined ? { description } : {}),
    ...(input !== undefined ? { input } : {}),
    ...(world !== undefined ? { world } : {}),
    ...(defaults !== undefined ? { defaults } : {}),
    ...(awakeables !== undefined ? { awakeables } : {}),
    ...(state !== undefined ? { state } : {}),
    services,
    target: resolveTarget(name, services, spec.target),
  };
}

export function isSdkScenario(value: unknown): value is SdkScenario {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sdk-scenario';
}

function handlerNames(service: ServiceDefinitionLike): string[] {
  // The SDK keeps the handlers under the kind's name (`service`, `object`, `workflow`).
  const kind = String(service._kind);
  const handlers = (service as Record<string, unknown>)[kind];
  return typeof handlers === 'object' && handlers !== null ? Object.keys(handlers) : [];
}

function resolveTarget(
  name: string,
  services: ServiceDefinitionLike[],
  target: string | undefined,
): SdkScenario['target'] {
  if (target === undefined) {
    const handlers = handlerNames(services[0]);
    if (handlers.length !== 1)
      throw new SimError(
        'SIM_BAD_SCENARIO',
        `defineSdkScenario '${name}': service '${services[0].name}' has ${handlers.length} handlers; say which with target: 'Service/handler'`,
      );
    return { service: services[0].name, handler: handlers[0], key: '' };
  }
  const parts = target.split('/');
  const parsed =
    parts.length === 2
      ? { service: parts[0], handler: parts[1], key: '' }
      : parts.length === 3
        ? { service: parts[0], key: parts[1], handler: parts[2] }
        : null;
  const service = parsed && services.find((s) => s.name === parsed.service);
  if (!parsed || !service || !handlerNames(service).includes(parsed.handler))
    throw new SimError('SIM_BAD_SCENARIO', `defineSdkScenario '${name}': target '${target}' names no handler defined`);
  return parsed;
}
