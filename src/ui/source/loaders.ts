// Effects that load a run: each reads or simulates in the engine Worker, then hands the result to the store.
// A failed load keeps the previous view and shows the error (issue 8: the page never goes blank).
import { checkSizeUpFront } from '../../journal-reader/bytes';
import { EngineFailure, runEngineJob } from '../engine/engineClient';
import type { EngineJob } from '../engine/protocol';
import type { LoadedRun, RunSource } from '../../run/loaded-run';
import { useStore } from '../store/store';
import { currentLimits } from '../robustness/limitsStore';
import { exampleMeta, exampleSource } from './examples';
import { companionsOf, sdkExampleSource } from './sdkExamples';
import { fetchProtocolRows } from '../engine/rawRows';
import { clearLoadMarks, markLoad } from '../engine/loadMarks';
import { latestTask } from '../session/latestTask';
import { KEPT_FILES_LIMIT_CHARS, persistence } from '../session/persistence';

/** The run being loaded: a newer load cancels it (its Worker is terminated) and its result is dropped. */
const loads = latestTask();

export interface OpenAt {
  cursor?: number;
  selection?: string | null;
}

/** A real-SDK replay first fetches and compiles the SDK's ~2 MB chunk (its WASM VM): not the handler's time. */
const SDK_LOAD_ALLOWANCE_MS = 20_000;

async function execute(
  job: EngineJob,
  source: RunSource,
  label: string,
  subject: string,
  at?: OpenAt,
): Promise<LoadedRun | null> {
  const task = loads.start();
  const { setLoading, setError, setRun, setPartialRun } = useStore.getState();
  setLoading({ label, fraction: null });
  const limits = currentLimits();
  const timeoutMs =
    job.type === 'read'
      ? limits.readTimeLimitMs
      : job.type === 'sdk-replay'
        ? limits.timeLimitMs + SDK_LOAD_ALLOWANCE_MS
        : limits.timeLimitMs;
  if (job.type === 'read')
    job = { ...job, limits: { maxBytes: limits.maxBytes, maxChars: limits.maxBytes, maxEntries: limits.maxEntries } };
  const running = runEngineJob(job, {
    timeoutMs,
    onProgress: (fraction) => setLoading({ label, fraction }),
    // A large file's first rows while the rest reads (partialRead.ts); the full run or the error replaces them.
    onPartial: ({ result, ...read }) => task.isCurrent() && setPartialRun({ ...result, source }, read),
  });
  task.signal.addEventListener('abort', () => running.cancel(), { once: true });
  try {
    const result = await running.promise;
    if (!task.isCurrent()) return null;
    const run: LoadedRun = { ...result, source };
    setRun(run, at);
    markLoad('run-set');
    return run;
  } catch (e) {
    if (!task.isCurrent()) return null;
    const info =
      e instanceof EngineFailure
        ? e.info
        : { code: 'ENGINE_ERROR', origin: 'engine', message: String(e), location: {} };
    setError({ ...info, subject });
    return null;
  } finally {
    task.finish();
  }
}

export async function openFiles(files: { name: string; text: string }[], at?: OpenAt): Promise<LoadedRun | null> {
  const names = files.map((f) => f.name);
  const run = await execute(
    { type: 'read', files },
    { kind: 'file', names },
    `Reading ${names.join(', ')}`,
    names.join(', '),
    at,
  );
  if (run) persistence.keepFiles(files);
  return run;
}

/** A picked or dropped file: the Worker reads it itself, as a stream (issue 15), so the page never holds its bytes. */
export type PickedFile = { name: string; file: Blob };

/**
 * Picked or dropped files, or why not (null). Refused from File.size before a byte is read: a 2 GB file must not
 * freeze or crash the tab (issue 8).
 */
export function readBrowserFiles(list: FileList | File[]): PickedFile[] | null {
  const picked = [...list];
  if (!picked.length) return null;
  clearLoadMarks();
  markLoad('file-chosen');
  const names = picked.map((f) => f.name).join(', ');
  const { maxBytes } = currentLimits();
  const total = picked.reduce((n, f) => n + f.size, 0);
  const tooLarge = checkSizeUpFront(total, { maxBytes }, picked.length === 1 ? picked[0].name : undefined);
  if (tooLarge) {
    loads.cancel();
    useStore.getState().setError({ ...tooLarge.toInfo(), origin: 'limit', subject: names });
    return null;
  }
  return picked.map((f) => ({ name: f.name, file: f as Blob }));
}

/** The browser could not read a picked file (gone, unreadable): said in the error banner. */
export function showUnreadable(files: PickedFile[], e: unknown): null {
  useStore.getState().setError({
    code: 'FILE_UNREADABLE',
    origin: 'engine',
    message: `The browser could not read the file: ${(e as Error).message}`,
    location: {},
    hint: 'Check that the file still exists and is readable, then open it again.',
    subject: files.map((f) => f.name).join(', '),
  });
  return null;
}

/** Reads picked journal files in the Worker (as streams, decoded strictly there); small ones are kept for reload. */
export async function openFileBytes(files: PickedFile[], at?: OpenAt): Promise<LoadedRun | null> {
  const names = files.map((f) => f.name).join(', ');
  markLoad('bytes-read');
  const run = await execute(
    { type: 'read', files },
    { kind: 'file', names: files.map((f) => f.name) },
    `Reading ${names}`,
    names,
    at,
  );
  // After the first frame of the run, not before it: decoding and storing a 3 MB file took ~70 ms of the first row
  // (bench/first-row.bench.ts), and reload needs it only later.
  if (run) afterNextPaint(() => void keepForReload(files));
  return run;
}

/** Runs `fn` once the browser has painted the next frame (a task queued from requestAnimationFrame). */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** Keeps small opened files (as text) so that reload restores them. */
async function keepForReload(files: PickedFile[]): Promise<void> {
  if (files.reduce((n, f) => n + f.file.size, 0) > KEPT_FILES_LIMIT_CHARS) return;
  try {
    persistence.keepFiles(await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.file.text() }))));
  } catch {
    // The file is gone or unreadable now: reload will then ask for the file again.
  }
}

export async function openUrl(url: string, at?: OpenAt): Promise<LoadedRun | null> {
  const { setLoading, setError } = useStore.getState();
  let target: URL;
  try {
    target = new URL(url, location.href);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new Error(`${target.protocol} addresses are not opened`);
  } catch (e) {
    setError({
      code: 'BAD_URL',
      origin: 'engine',
      message: `Cannot open "${url.slice(0, 200)}": ${(e as Error).message}.`,
      location: { field: 'src' },
      hint: 'Only http(s) addresses of journal files can be opened from a link.',
      subject: url.slice(0, 200),
    });
    return null;
  }
  setLoading({ label: `Fetching ${url}`, fraction: null });
  let text: string;
  try {
    const response = await fetch(target, { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    text = await response.text();
  } catch (e) {
    setError({
      code: 'FETCH_FAILED',
      origin: 'engine',
      message: `Could not fetch ${url}: ${(e as Error).message}`,
      location: {},
      hint: 'The file must be on this site or served with CORS headers.',
      subject: url,
    });
    return null;
  }
  const name = url.split('/').pop() || url;
  return execute({ type: 'read', files: [{ name, text }] }, { kind: 'url', url }, `Reading ${name}`, url, at);
}

/** cancelAtMs null: the scenario's own default (share links and the compare view pass the run's own). */
export async function simulateExample(
  file: string,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
): Promise<LoadedRun | null> {
  const source = exampleSource(file);
  if (!source) {
    useStore.getState().setError({
      code: 'UNKNOWN_EXAMPLE',
      origin: 'engine',
      message: `There is no example named "${file}".`,
      location: {},
      hint: 'Pick one from the Examples list.',
      subject: file,
    });
    return null;
  }
  const label = exampleMeta(file)?.name ?? file;
  return execute(
    { type: 'simulate', source, scenarioLabel: label, seed, crashes, stepsMax: currentLimits().stepsMax, cancelAtMs },
    { kind: 'example', file },
    `Simulating ${label}`,
    label,
    at,
  );
}

export async function simulateSource(
  source: string,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
): Promise<LoadedRun | null> {
  persistence.keepScenario(source);
  return execute(
    {
      type: 'simulate',
      source,
      scenarioLabel: 'edited scenario',
      seed,
      crashes,
      stepsMax: currentLimits().stepsMax,
      cancelAtMs,
    },
    { kind: 'scenario' },
    'Simulating the edited scenario',
    'edited scenario',
    at,
  );
}

/** Replays the loaded journal against scenario code: decisions appear, or the first mismatch (570). */
export async function replayLoaded(source: string, scenarioLabel: string): Promise<LoadedRun | null> {
  const run = useStore.getState().run;
  if (!run) return null;
  const replayed = await execute(
    { type: 'replay', source, scenarioLabel, journal: run.journal },
    run.source,
    `Replaying with ${scenarioLabel}`,
    scenarioLabel,
  );
  if (replayed) replaySources.set(replayed, source);
  return replayed;
}

/**
 * Replays the loaded real journal with the real Restate SDK running `source` (a pasted handler file): the SDK's own
 * decisions, its 570 at the diverging command, or where it stopped before a side effect (docs/sdk-replay.md).
 */
export async function replayLoadedWithSdk(
  source: string,
  handlerLabel: string,
  target: string,
): Promise<LoadedRun | null> {
  const run = useStore.getState().run;
  if (!run) return null;
  const protocolRows = await fetchProtocolRows(run.journal);
  const replayed = await execute(
    { type: 'sdk-replay', source, handlerLabel, target, journal: run.journal, protocolRows },
    run.source,
    `Replaying with the real SDK (${handlerLabel})`,
    handlerLabel,
  );
  if (replayed) sdkReplaySources.set(replayed, source);
  return replayed;
}

const sdkReplaySources = new WeakMap<LoadedRun, string>();

/** A built-in example's real SDK form (scenarios/sdk/), into the Real SDK tab's editor, simulated on the real SDK. */
export async function simulateSdkExample(file: string, label: string): Promise<LoadedRun | null> {
  const source = await sdkExampleSource(file);
  if (source === null) return null;
  const store = useStore.getState();
  store.setSdkSource(source, label);
  store.setSdkTarget(null);
  store.setBottomTab('sdk');
  return simulateWithSdk(source, label, null, null, null);
}

/**
 * Simulates real handler code on the real SDK behind our simulated Restate server (src/sdk-sim), with the world the
 * module defines (defineSdkScenario) or the default one; seed, crashes and cancellation as for a scenario.
 */
export async function simulateWithSdk(
  source: string,
  label: string | null,
  target: string | null,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
): Promise<LoadedRun | null> {
  const handlerLabel = label ?? 'the pasted handler';
  return execute(
    {
      type: 'sdk-simulate',
      source,
      handlerLabel,
      target,
      seed,
      crashes,
      cancelAtMs,
      stepsMax: currentLimits().stepsMax,
      companions: companionsOf(source),
    },
    { kind: 'sdk-scenario' },
    `Simulating ${handlerLabel} with the real SDK`,
    handlerLabel,
    at,
  );
}

/** The handler code a run was replayed with by the real SDK (for share links), or null. */
export function sdkReplaySourceOf(run: LoadedRun): string | null {
  return sdkReplaySources.get(run) ?? null;
}

const replaySources = new WeakMap<LoadedRun, string>();

/** The scenario code a replayed run was replayed with (for share links), or null. */
export function replaySourceOf(run: LoadedRun): string | null {
  return replaySources.get(run) ?? null;
}

/** Re-simulates the loaded example or edited scenario with these crash times (same seed). */
export async function resimulateWithCrashes(crashes: number[]): Promise<LoadedRun | null> {
  const s = useStore.getState();
  const run = s.run;
  if (!run) return null;
  s.setEditorCrashes(crashes.join(', '));
  // The run's cancellation time stays (it may come from a share link rather than the scenario's default).
  const cancelAtMs = run.cancelAtMs ?? null;
  if (run.source.kind === 'sdk-scenario')
    return simulateWithSdk(s.sdkSource ?? '', s.sdkLabel, s.sdkTarget, run.seed, crashes, undefined, cancelAtMs);
  if (run.source.kind === 'example' && s.editorSource === null)
    return simulateExample(run.source.file, run.seed, crashes, undefined, cancelAtMs);
  if (run.source.kind === 'scenario' || s.editorSource !== null)
    return simulateSource(s.editorSource ?? persistence.keptScenario() ?? '', run.seed, crashes, undefined, cancelAtMs);
  return null;
}
