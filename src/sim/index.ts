// Public API of the simulator and replay engine (issue 3). Scenario files import only from here.
export { defineScenario } from './scenario';
export type { Scenario, ScenarioSpec, SimContext, Behaviour, SimulateDefaults, RunRetryPolicy } from './scenario';
export { simulate, simulationInvocationId } from './simulate';
export type { SimulateOptions } from './simulate';
export { replay } from './replay';
export type { ReplayOptions } from './replay';
export { select, waitCompleted, asCompleted, gather, all, any, race, allSettled } from './combinators';
export type { SettledResult } from './combinators';
export { DurableFuture } from './future';
export { SimError, TerminalError, TimeoutError, CancelledError, AggregateFailure } from './errors';
export type { SimErrorCode } from './errors';
export { STEPS_MAX_DEFAULT } from './budget';
