// The engine Worker's "Replay with the real SDK" job: the loaded real journal, replayed offline by the real
// @restatedev/restate-sdk (its WASM VM) running the user's pasted handler code. Imported by engine.worker.ts only
// for this job, so the SDK chunk (~2 MB, most of it the VM) is fetched only when someone asks for it.
// Order matters: everything that compiles code (the SDK's WASM module, protobufjs's generated codecs, the handler
// body) happens before lockDown; the handler's own code (its module top level, then its handlers) runs after.
import type { Decision, Journal, Mismatch } from '../../model';
import { prepareCodec } from '../../protocol/codec';
import { bundledSdk, bundledSdkApi } from '../../sdk-host/bundled-sdk';
import { sdkReplay, type SdkReplayResult } from '../../sdk-host/replay';
import type { EngineJob, EngineResult, ProtocolRow } from './protocol';
import { handlerBodyFromSource, prepareHandlerModule } from './sdkHandler';

type SdkJob = Extract<EngineJob, { type: 'sdk-replay' }>;

/** The page's journal carries no raw rows (the reading Worker keeps them): put the protocol payloads back. */
export function withProtocolRows(journal: Journal, rows: ProtocolRow[]): Journal {
  return {
    ...journal,
    entries: journal.entries.map((entry, i) => (rows[i] ? { ...entry, raw: rows[i] } : entry)),
  };
}

/** The SDK's 570 in the shape the inspector and timeline already show for a scenario replay's mismatch. */
export function mismatchOf(result: SdkReplayResult): Mismatch | null {
  const m = result.mismatch;
  if (!m) return null;
  const named = (type: string | null, name: string | null) =>
    type === null ? 'nothing' : name ? `${type} '${name}'` : type;
  return {
    code: 570,
    commandIndex: m.commandIndex,
    expected: m.expected ? named(m.expected.type, m.expected.name) : 'the journal',
    actual: named(m.actual.type, m.actual.name),
    message: m.message,
  };
}

export interface SdkJobHost {
  /** Removes the Worker's network and code-compiling globals (sandbox.ts lockDown); tests pass a recorder. */
  lockDown: () => void;
  deriveFutures: (journal: Journal) => EngineResult['futures'];
}

export async function runSdkReplayJob(job: SdkJob, host: SdkJobHost): Promise<EngineResult> {
  prepareCodec();
  const handlerModule = prepareHandlerModule(handlerBodyFromSource(job.source), bundledSdkApi);
  host.lockDown();
  const services = handlerModule.run();
  const journal = withProtocolRows(job.journal, job.protocolRows);
  const result = await sdkReplay(bundledSdk, services, journal, job.target);
  const { decisions, ...view } = result;
  return {
    title: `${job.target} · ${job.journal.invocationId} replayed by the real SDK with ${job.handlerLabel}`,
    journal: job.journal,
    futures: host.deriveFutures(job.journal),
    decisions: decisions as Decision[],
    attempts: [],
    output: null,
    mismatch: mismatchOf(result),
    seed: null,
    crashes: [],
    warnings: [],
    format: 'sdk-replay',
    replayedWith: job.handlerLabel,
    sdkReplay: view,
  };
}
