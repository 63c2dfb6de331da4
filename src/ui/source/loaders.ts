// Effects that load a run: each reads or simulates in the engine Worker, then hands the result to the store.
// A failed load keeps the previous view and shows the error (issue 8: the page never goes blank).
import { EngineFailure, READ_TIME_LIMIT_MS, runEngineJob, SIMULATION_TIME_LIMIT_MS, STEPS_MAX, type RunningJob } from '../engine/engineClient';
import type { EngineJob, LoadedRun, RunSource } from '../engine/protocol';
import { useStore } from '../store/store';
import { exampleMeta, exampleSource } from './examples';

let current: RunningJob | null = null;

export interface OpenAt {
  cursor?: number;
  selection?: string | null;
}

const SESSION_FILE_LIMIT_CHARS = 4_000_000;

async function execute(job: EngineJob, source: RunSource, label: string, subject: string, at?: OpenAt): Promise<LoadedRun | null> {
  current?.cancel();
  const { setLoading, setError, setRun } = useStore.getState();
  setLoading({ label, fraction: null });
  const timeoutMs = job.type === 'read' ? READ_TIME_LIMIT_MS : SIMULATION_TIME_LIMIT_MS;
  const running = runEngineJob(job, { timeoutMs, onProgress: (fraction) => setLoading({ label, fraction }) });
  current = running;
  try {
    const result = await running.promise;
    if (current !== running) return null;
    const run: LoadedRun = { ...result, source };
    setRun(run, at);
    return run;
  } catch (e) {
    if (current !== running) return null;
    const info = e instanceof EngineFailure ? e.info : { code: 'ENGINE_ERROR', origin: 'engine', message: String(e), location: {} };
    setError({ ...info, subject });
    return null;
  } finally {
    if (current === running) current = null;
  }
}

export async function openFiles(files: { name: string; text: string }[], at?: OpenAt): Promise<LoadedRun | null> {
  const names = files.map((f) => f.name);
  const run = await execute({ type: 'read', files }, { kind: 'file', names }, `Reading ${names.join(', ')}`, names.join(', '), at);
  if (run) {
    try {
      const total = files.reduce((n, f) => n + f.text.length, 0);
      if (total <= SESSION_FILE_LIMIT_CHARS) sessionStorage.setItem('replay-inspector:files', JSON.stringify(files));
    } catch {
      // Storage full or disabled: reload will then ask for the file again.
    }
  }
  return run;
}

export async function openBrowserFiles(list: FileList | File[], at?: OpenAt): Promise<LoadedRun | null> {
  const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
  return files.length ? openFiles(files, at) : null;
}

/** Files opened earlier in this tab (kept in sessionStorage so that reload restores them). */
export function storedFiles(): { name: string; text: string }[] | null {
  try {
    const text = sessionStorage.getItem('replay-inspector:files');
    return text ? (JSON.parse(text) as { name: string; text: string }[]) : null;
  } catch {
    return null;
  }
}

export async function openUrl(url: string, at?: OpenAt): Promise<LoadedRun | null> {
  const { setLoading, setError } = useStore.getState();
  setLoading({ label: `Fetching ${url}`, fraction: null });
  let text: string;
  try {
    const response = await fetch(new URL(url, location.href), { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    text = await response.text();
  } catch (e) {
    setError({ code: 'FETCH_FAILED', origin: 'engine', message: `Could not fetch ${url}: ${(e as Error).message}`, location: {}, hint: 'The file must be on this site or served with CORS headers.', subject: url });
    return null;
  }
  const name = url.split('/').pop() || url;
  return execute({ type: 'read', files: [{ name, text }] }, { kind: 'url', url }, `Reading ${name}`, url, at);
}

export async function simulateExample(file: string, seed: number | null, crashes: number[] | null, at?: OpenAt): Promise<LoadedRun | null> {
  const source = exampleSource(file);
  if (!source) {
    useStore.getState().setError({ code: 'UNKNOWN_EXAMPLE', origin: 'engine', message: `There is no example named "${file}".`, location: {}, hint: 'Pick one from the Examples list.', subject: file });
    return null;
  }
  const label = exampleMeta(file)?.name ?? file;
  return execute({ type: 'simulate', source, scenarioLabel: label, seed, crashes, stepsMax: STEPS_MAX }, { kind: 'example', file }, `Simulating ${label}`, label, at);
}

export async function simulateSource(source: string, seed: number | null, crashes: number[] | null, at?: OpenAt): Promise<LoadedRun | null> {
  try {
    sessionStorage.setItem('replay-inspector:scenario', source);
  } catch {
    // Not fatal: the URL will then not restore the edited code.
  }
  return execute({ type: 'simulate', source, scenarioLabel: 'edited scenario', seed, crashes, stepsMax: STEPS_MAX }, { kind: 'scenario' }, 'Simulating the edited scenario', 'edited scenario', at);
}

export function storedScenario(): string | null {
  try {
    return sessionStorage.getItem('replay-inspector:scenario');
  } catch {
    return null;
  }
}

/** Replays the loaded journal against scenario code: decisions appear, or the first mismatch (570). */
export async function replayLoaded(source: string, scenarioLabel: string): Promise<LoadedRun | null> {
  const run = useStore.getState().run;
  if (!run) return null;
  return execute({ type: 'replay', source, scenarioLabel, journal: run.journal }, run.source, `Replaying with ${scenarioLabel}`, scenarioLabel);
}

/** Re-simulates the loaded example or edited scenario with these crash times (same seed). */
export async function resimulateWithCrashes(crashes: number[]): Promise<LoadedRun | null> {
  const s = useStore.getState();
  const run = s.run;
  if (!run) return null;
  s.setEditorCrashes(crashes.join(', '));
  if (run.source.kind === 'example' && s.editorSource === null) return simulateExample(run.source.file, run.seed, crashes);
  if (run.source.kind === 'scenario' || s.editorSource !== null) return simulateSource(s.editorSource ?? storedScenario() ?? '', run.seed, crashes);
  return null;
}
