// simulateSdk(host, sdkScenario, options) → SimRun: the simulated Restate server. The attempt loop, the world and
// the journal writer are our engine's own (src/sim/simulate.ts `simulateAttempts`), so both engines share every
// server-side rule (retries, crash recovery, events); only the handler side differs: here each attempt is the
// real SDK (./attempt.ts). The SDK comes in as data (SdkModules) and the macrotask turn as a function, so this runs
// wherever the SDK does (Node now, the engine Worker later).
import type { SimRun } from '../model';
import type { SdkModules } from '../sdk-host/sdk-modules';
import type { ServiceDefinitionLike } from '../sdk-host/replay';
import { installVmTrace } from '../sdk-host/vm-trace';
import { simulateAttempts, type SimulateOptions } from '../sim/simulate';
import type { JournalWriter } from '../sim/journal-writer';
import { SdkAttempt, type SdkSimulation } from './attempt';
import { VIRTUAL_EPOCH_MS } from './entries';
import type { SdkScenario } from './sdk-scenario';

export interface SdkSimHost {
  sdk: SdkModules;
  /** One macrotask turn (Node: `setImmediate`): the SDK's own scheduling steps between VM calls. */
  yieldTurn: () => Promise<void>;
}

/** Simulations share the SDK's global clock, so they run one at a time. */
let queue: Promise<unknown> = Promise.resolve();

export function simulateSdk(host: SdkSimHost, scenario: SdkScenario, options: SimulateOptions = {}): Promise<SimRun> {
  const run = queue.then(() => simulateNow(host, scenario, options));
  queue = run.catch(() => undefined);
  return run;
}

async function simulateNow(host: SdkSimHost, scenario: SdkScenario, options: SimulateOptions): Promise<SimRun> {
  installVmTrace(host.sdk.WasmVM);
  const sim: SdkSimulation = {
    endpoint: () => Promise.reject(new Error('sdk-sim: endpoint not ready')),
    path: `/invoke/${scenario.target.service}/${scenario.target.handler}`,
    key: scenario.target.key,
    frames: [],
    calls: new Map(),
    awakeableNames: scenario.awakeables ?? [],
    executions: new Map(),
    state: new Map(
      Object.entries(scenario.state ?? {}).map(([key, value]) => [
        key,
        new TextEncoder().encode(JSON.stringify(value)),
      ]),
    ),
    yieldTurn: host.yieldTurn,
    current: null,
  };
  // Every run closure passes this interceptor first: the world decides when the execution ends and whether it
  // fails transiently (the closure itself then runs, at that virtual time, unless the world fails it).
  const worldRuns = () => {
    const attempt = sim.current;
    return {
      interceptor: {
        run: async (name: string, next: () => Promise<void>) => {
          if (!attempt) throw new Error('sdk-sim: a run outside any attempt');
          const transientMessage = await attempt.runStarting(name);
          if (transientMessage !== null) throw new Error(transientMessage);
          return next();
        },
      },
    };
  };
  const services = scenario.services.map((definition): ServiceDefinitionLike => ({
    ...definition,
    options: { ...definition.options, hooks: [...(definition.options?.hooks ?? []), worldRuns] },
  }));
  sim.endpoint = host.sdk.createEndpointHandler({ services, bidirectional: true, logger: () => undefined });

  // The SDK reads the wall clock (sleep wake-up times, ctx.date): during a simulation it reads the virtual one.
  let writer: JournalWriter | null = null;
  const realNow = Date.now;
  Date.now = () => VIRTUAL_EPOCH_MS + (writer?.nowMs ?? 0);
  try {
    // The journal names the real handler the SDK ran (as Restate's sys_invocation target does), not `Sim/<name>`.
    const { service, key, handler } = scenario.target;
    const invocationTarget = key ? `${service}/${key}/${handler}` : `${service}/${handler}`;
    return await simulateAttempts({ ...scenario, invocationTarget }, options, (start) => {
      writer = start.writer;
      return new SdkAttempt(start, sim);
    });
  } finally {
    Date.now = realNow;
  }
}
