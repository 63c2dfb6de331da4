// Finds the Restate service/object/workflow definitions a user's handler module exports: the default export (one
// definition or an array of them), then every named export that is one (or an array of them).
import type { ServiceDefinitionLike } from './replay';

const KINDS = new Set(['service', 'object', 'workflow']);

export function isServiceDefinition(value: unknown): value is ServiceDefinitionLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.name === 'string' && typeof candidate._kind === 'string' && KINDS.has(candidate._kind);
}

export function definitionsOfModule(module: Record<string, unknown>): ServiceDefinitionLike[] {
  const found = new Map<string, ServiceDefinitionLike>();
  const add = (value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value])
      if (isServiceDefinition(item) && !found.has(item.name)) found.set(item.name, item);
  };
  add(module.default);
  for (const [name, value] of Object.entries(module)) if (name !== 'default') add(value);
  return [...found.values()];
}
