/// <reference lib="webworker" />
// The engine Worker: parses journals and runs scenario code off the page's main thread. This is the ONLY place where
// user scenario code is evaluated (`new Function`); the page terminates the Worker when it runs past its time limit.
import type { Scenario } from '../../sim';
import { decodeJournalBytes } from '../../journal-reader/bytes';
import { loadReader, loadSim, type SimApi } from './coreModules';
import { runFromRead, runFromReplay, runFromSim } from '../../run/assemble';
import type { RunResult } from '../../run/loaded-run';
import type { EngineError, EngineJob, EngineMessage } from './protocol';
import { orderFutures, withDisplayNames } from '../../run/future-order';
import { protocolRowsOf } from '../../run/protocol-rows';
import { rawText } from '../../run/raw-text';
import type { RawRowRequest, RawRowReply } from './rawRows';
import { splitForPage } from './transfer';
import { assertNoDynamicImport, lockDown } from './sandbox';
import { epochNow, type WorkerTimings } from './loadMarks';
import { partialRunOf, previewBytesFor } from './partialRead';
import type { ReaderApi } from './coreModules';

/** When this Worker reached each phase of its job (epoch ms), sent with 'done' for the first-row bench (loadMarks.ts). */
const timings: WorkerTimings = { 'worker-script': epochNow() };

/** Raw rows of the journal this Worker read, by entry index: kept here, sent one at a time (rawRows.ts). */
let keptRaws: unknown[] | null = null;

/**
 * Posts a result in chunks (transfer.ts) so the page never deserialises a large run in one long task. Futures go
 * already named and in lane order, so the page's run model has almost nothing left to do.
 */
function postResult(result: RunResult, type: EngineJob['type']): void {
  result.futures = orderFutures(withDisplayNames(result.futures, result.journal));
  // A replay's journal is the page's own: send none of its entries back (engineClient puts the page's one back).
  if (type === 'replay' || type === 'sdk-replay') result.journal = { ...result.journal, entries: [] };
  timings['worker-named'] = epochNow();
  const { rest, raws } = splitForPage(result, (part, transfer) => {
    post(part, transfer);
    // Overwritten by each entry part: ends as the time the last one was posted (the futures' parts follow).
    if (part.field === 'entry-columns') timings['worker-entries-posted'] = epochNow();
  });
  keptRaws = raws;
  timings['worker-posted'] = epochNow();
  post({ type: 'done', result: rest, timings });
}

/** Posts a message; `transfer` moves those buffers to the page instead of copying them (transfer.ts). */
const post = (m: EngineMessage, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

// A Worker may be started before it has a job (engineClient's warm Worker): load the core modules right away, off the
// page's thread, so the job does not wait for them. Both jobs' later imports resolve to these same module instances.
void loadReader()
  .then(() => (timings['worker-reader-loaded'] ??= epochNow()))
  .catch(() => undefined);
void loadSim().catch(() => undefined);

const identifier = /^[A-Za-z_$][\w$]*$/;

async function evaluateScenario(source: string, api: SimApi): Promise<Scenario> {
  // TypeScript is stripped here, in the Worker and before lockDown (the transform only rewrites text); the type
  // stripper is a chunk of its own, loaded by scenario jobs only, never by journal reads (typescript.ts, docs/decisions.md).
  const { scenarioBodyFromSource } = await import('./typescript');
  const body = scenarioBodyFromSource(source);
  assertNoDynamicImport(body);
  const names = Object.keys(api).filter((n) => identifier.test(n) && n !== 'default');
  const compiled = new Function(...names, `"use strict";\n${body}`);
  // A fresh Worker runs one job: lock it down before the user's code runs (sandbox.ts).
  lockDown(self as unknown as Record<string, unknown>);
  const scenario = compiled(...names.map((n) => (api as Record<string, unknown>)[n]));
  if (!scenario || typeof scenario !== 'object')
    throw new Error('The scenario module must export default defineScenario({...}).');
  return scenario as Scenario;
}

function toEngineError(e: unknown, origin: string): EngineError {
  const err = e as {
    code?: unknown;
    message?: unknown;
    location?: unknown;
    hint?: unknown;
    toInfo?: () => EngineError;
  };
  if (err && typeof err.toInfo === 'function') return { ...err.toInfo(), origin: 'reader' };
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  const code =
    err && (typeof err.code === 'string' || typeof err.code === 'number')
      ? String(err.code)
      : origin === 'scenario'
        ? 'SCENARIO_ERROR'
        : origin === 'sdk'
          ? 'SDK_REPLAY_ERROR'
          : 'ENGINE_ERROR';
  const runaway = runawayOf(code, message);
  if (runaway) return { ...runaway, message, location: {}, origin: 'limit' };
  return {
    code,
    message,
    location: (err?.location as EngineError['location']) ?? {},
    hint: typeof err?.hint === 'string' ? err.hint : undefined,
    origin,
  };
}

/** Runaway scenarios the Worker survives (the platform throws instead of crashing): a stable code and what to do. */
function runawayOf(code: string, message: string): { code: string; hint: string } | null {
  if (code === 'SIM_STEPS_EXCEEDED')
    return {
      code: 'STEP_LIMIT',
      hint: 'Look for a loop that creates durable operations without end (e.g. ctx.sleep in for (;;)); the step limit is set under Limits.',
    };
  if (/Maximum call stack size exceeded/i.test(message))
    return { code: 'STACK_OVERFLOW', hint: 'Look for a function that calls itself without end.' };
  if (
    /Invalid (string|array|typed array) length|Array buffer allocation failed|out of memory|allocation failed/i.test(
      message,
    )
  ) {
    return {
      code: 'OUT_OF_MEMORY',
      hint: 'The scenario tried to allocate more memory than a browser tab allows; look for a value that grows without end.',
    };
  }
  return null;
}

async function read(job: Extract<EngineJob, { type: 'read' }>): Promise<RunResult> {
  timings['worker-job'] = epochNow();
  const reader = await loadReader();
  const onProgress = (fraction: number) => post({ type: 'progress', fraction });
  const limits = job.limits;
  const picked = job.files[0];
  let out: Parameters<typeof runFromRead>[0];
  if (job.files.length === 1 && 'file' in picked) {
    // One picked file: read as a stream of bytes (issue 15), with progress as the bytes arrive.
    const blob = picked.file;
    const previewBytes = job.partial ? previewBytesFor(blob.size) : 0;
    if (previewBytes > 0) await postPartial(blob, previewBytes, picked.name, limits, reader);
    const source = { size: blob.size, chunks: () => blobChunks(blob) };
    out = await reader.readJournalStream(source, { fileName: picked.name, onProgress, limits });
  } else {
    // Size, binary signatures and strict UTF-8 are checked by the reader (issue 8).
    const files: { name: string; text: string }[] = [];
    for (const f of job.files) {
      const bytes = 'file' in f ? new Uint8Array(await f.file.arrayBuffer()) : 'bytes' in f ? f.bytes : null;
      files.push(bytes ? { name: f.name, text: decodeJournalBytes(bytes, limits, f.name) } : (f as (typeof files)[0]));
    }
    out =
      files.length === 1
        ? await reader.readJournals(files[0].text, { fileName: files[0].name, onProgress, limits })
        : await reader.readJournalFiles(files, { limits });
  }
  timings['worker-read'] = epochNow();
  const run = runFromRead(out);
  timings['worker-derived'] = epochNow();
  return run;
}

/** The first rows of a large file, posted before the full read starts (partialRead.ts); nothing when there are none. */
async function postPartial(
  blob: Blob,
  bytes: number,
  fileName: string,
  limits: Extract<EngineJob, { type: 'read' }>['limits'],
  reader: ReaderApi,
): Promise<void> {
  const head = new Uint8Array(await blob.slice(0, bytes).arrayBuffer());
  const partial = partialRunOf(head, blob.size, (text) => reader.readJournals(text, { fileName, limits }), runFromRead);
  if (!partial) return;
  const result = partial.result;
  result.futures = orderFutures(withDisplayNames(result.futures, result.journal));
  // The raw rows stay with the full read: the preview's inspector shows entries without their row text.
  for (const entry of result.journal.entries) entry.raw = undefined;
  post({ type: 'partial', ...partial });
  timings['worker-partial'] = epochNow();
}

/** A Blob's bytes as an async iterable (File.stream(); read with a reader, which every Chromium supports). */
async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}

async function simulate(job: Extract<EngineJob, { type: 'simulate' }>): Promise<RunResult> {
  const sim = await loadSim();
  let scenario: Scenario;
  try {
    scenario = await evaluateScenario(job.source, sim);
  } catch (e) {
    throw Object.assign(toEngineError(e, 'scenario'), { __engine: true });
  }
  const options: Parameters<SimApi['simulate']>[1] = { stepsMax: job.stepsMax };
  if (job.seed !== null) options.seed = job.seed;
  if (job.crashes !== null) options.crashes = job.crashes.map((atMs) => ({ atMs }));
  if (job.cancelAtMs !== undefined && job.cancelAtMs !== null) options.cancelAtMs = job.cancelAtMs;
  return runFromSim(await sim.simulate(scenario, options), {
    title: job.scenarioLabel,
    crashes: job.crashes ?? scenario.defaults?.crashes?.map((c) => c.atMs) ?? [],
    cancelAtMs: job.cancelAtMs ?? scenario.defaults?.cancelAtMs ?? null,
  });
}

async function replay(job: Extract<EngineJob, { type: 'replay' }>): Promise<RunResult> {
  const sim = await loadSim();
  const scenario = await evaluateScenario(job.source, sim);
  return runFromReplay(await sim.replay(scenario, job.journal), job.journal, job.scenarioLabel);
}

async function sdkReplay(job: Extract<EngineJob, { type: 'sdk-replay' }>): Promise<RunResult> {
  const { runSdkReplayJob } = await import('./sdkReplayJob');
  try {
    return await runSdkReplayJob(job, { lockDown: () => lockDown(self as unknown as Record<string, unknown>) });
  } catch (e) {
    throw Object.assign(toEngineError(e, 'sdk'), { __engine: true });
  }
}

async function sdkSimulate(job: Extract<EngineJob, { type: 'sdk-simulate' }>): Promise<RunResult> {
  const { runSdkSimulateJob } = await import('./sdkReplayJob');
  try {
    return await runSdkSimulateJob(job, { lockDown: () => lockDown(self as unknown as Record<string, unknown>) });
  } catch (e) {
    throw Object.assign(toEngineError(e, 'sdk'), { __engine: true });
  }
}

function runJob(job: EngineJob): Promise<RunResult> {
  if (job.type === 'read') return read(job);
  if (job.type === 'simulate') return simulate(job);
  if (job.type === 'replay') return replay(job);
  if (job.type === 'sdk-replay') return sdkReplay(job);
  return sdkSimulate(job);
}

self.onmessage = async (event: MessageEvent<EngineJob | RawRowRequest>) => {
  const job = event.data;
  if (job.type === 'raw' || job.type === 'protocol-rows') {
    const reply: RawRowReply =
      job.type === 'raw'
        ? { type: 'raw', id: job.id, text: rawText(keptRaws?.[job.index]) }
        : { type: 'protocol-rows', id: job.id, rows: protocolRowsOf(keptRaws) };
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
    return;
  }
  try {
    postResult(await runJob(job), job.type);
  } catch (e) {
    const already = e as EngineError & { __engine?: boolean };
    if (already && already.__engine) {
      delete already.__engine;
      post({ type: 'error', error: already });
    } else post({ type: 'error', error: toEngineError(e, job.type === 'read' ? 'reader' : 'scenario') });
  }
};
