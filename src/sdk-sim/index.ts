// Public API of the simulated Restate server that drives the real SDK (issue 14). See docs/sdk-simulation.md.
export { defineSdkScenario, isSdkScenario } from './sdk-scenario';
export type { SdkScenario, SdkScenarioSpec } from './sdk-scenario';
export { simulateSdk } from './server';
export type { SdkSimHost } from './server';
