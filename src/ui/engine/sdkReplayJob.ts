// The engine Worker's real-SDK jobs. "Replay with the real SDK": the loaded real journal, replayed offline by the real
// @restatedev/restate-sdk (its WASM VM) running the user's pasted handler code. Imported by engine.worker.ts only
// for this job, so the SDK chunk (~2 MB, most of it the VM) is fetched only when someone asks for it.
// Order matters: everything that compiles code (the SDK's WASM module, protobufjs's generated codecs, the handler
// body) happens before lockDown; the handler's own code (its module top level, then its handlers) runs after.
import type { Journal } from '../../model';
import { prepareCodec } from '../../protocol/codec';
import { runFromSdkReplay, runFromSim } from '../../run/assemble';
import type { RunResult } from '../../run/loaded-run';
import { bundledSdk, bundledSdkApi } from '../../sdk-host/bundled-sdk';
import { sdkReplay } from '../../sdk-host/replay';
import { setImmediate } from '../../sdk-host/browser/node-timers-promises';
import { defineSdkScenario, isSdkScenario, simulateSdk, type SdkScenario } from '../../sdk-sim';
import type { EngineJob, ProtocolRow } from './protocol';
import { handlerBodyFromSource, prepareCompanion, prepareHandlerModule } from './sdkHandler';

type SdkJob = Extract<EngineJob, { type: 'sdk-replay' }>;
type SdkSimulateJob = Extract<EngineJob, { type: 'sdk-simulate' }>;

/** The page's journal carries no raw rows (the reading Worker keeps them): put the protocol payloads back. */
export function withProtocolRows(journal: Journal, rows: ProtocolRow[]): Journal {
  return {
    ...journal,
    entries: journal.entries.map((entry, i) => (rows[i] ? { ...entry, raw: rows[i] } : entry)),
  };
}

export interface SdkJobHost {
  /** Removes the Worker's network and code-compiling globals (sandbox.ts lockDown); tests pass a recorder. */
  lockDown: () => void;
}

export async function runSdkReplayJob(job: SdkJob, host: SdkJobHost): Promise<RunResult> {
  prepareCodec();
  const handlerModule = prepareHandlerModule(handlerBodyFromSource(job.source), bundledSdkApi);
  host.lockDown();
  const services = handlerModule.run();
  const journal = withProtocolRows(job.journal, job.protocolRows);
  const result = await sdkReplay(bundledSdk, services, journal, job.target);
  // The page's journal (without raw rows) goes with the run: the page puts its own object back (engineClient.ts).
  return runFromSdkReplay(result, job.journal, job.handlerLabel);
}

/**
 * "Simulate with the real SDK": the pasted handler runs on the real SDK behind our simulated Restate server
 * (src/sdk-sim), with the world the module gives (`export default defineSdkScenario({ world, services, … })`) or,
 * for a plain handler file, the default world (every run and call takes the default latency and succeeds).
 */
export async function runSdkSimulateJob(job: SdkSimulateJob, host: SdkJobHost): Promise<RunResult> {
  prepareCodec();
  const companionSources = Object.entries(job.companions ?? {});
  const simApi = companionSources.length ? ((await import('../../sim')) as Record<string, unknown>) : {};
  const companions = new Map(companionSources.map(([specifier, text]) => [specifier, prepareCompanion(text, simApi)]));
  const handlerModule = prepareHandlerModule(
    handlerBodyFromSource(job.source, new Set(companions.keys())),
    bundledSdkApi,
    { defineSdkScenario },
    companions,
  );
  host.lockDown();
  const services = handlerModule.run();
  const exported = handlerModule.exports().default;
  const defined: SdkScenario = isSdkScenario(exported)
    ? job.target
      ? defineSdkScenario({ ...exported, target: job.target })
      : exported
    : defineSdkScenario({ name: job.handlerLabel, services, ...(job.target ? { target: job.target } : {}) });
  // A handler file from Restate's documentation has no scenario to give its input: the Input field gives it.
  const scenario: SdkScenario = job.input ? { ...defined, input: job.input.value } : defined;
  const options: Parameters<typeof simulateSdk>[2] = { stepsMax: job.stepsMax };
  if (job.seed !== null) options.seed = job.seed;
  if (job.crashes !== null) options.crashes = job.crashes.map((atMs) => ({ atMs }));
  if (job.cancelAtMs !== null) options.cancelAtMs = job.cancelAtMs;
  const run = await simulateSdk({ sdk: bundledSdk, yieldTurn: () => setImmediate() }, scenario, options);
  const target = `${scenario.target.service}/${scenario.target.key ? `${scenario.target.key}/` : ''}${scenario.target.handler}`;
  return runFromSim(run, {
    title: `${target} simulated by the real SDK (${job.handlerLabel})`,
    crashes: job.crashes ?? scenario.defaults?.crashes?.map((c) => c.atMs) ?? [],
    cancelAtMs: job.cancelAtMs ?? scenario.defaults?.cancelAtMs ?? null,
  });
}
