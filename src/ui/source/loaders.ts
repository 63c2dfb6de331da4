// What the screens ask for, as recipes for the session (src/ui/session/session.ts): open files, a URL, an example,
// edited scenario code, real handler code, a replay of the loaded journal. The session makes the run and shows it;
// a failed load keeps the previous view and shows the error (issue 8: the page never goes blank).
import { checkSizeUpFront } from '../../journal-reader/bytes';
import type { LoadedRun } from '../../run/loaded-run';
import { baseRecipe, exactRecipe, isResimulable } from '../../run/recipe';
import type { PairedHandler, RunRecipe } from '../../share/view-state';
import { useStore } from '../store/store';
import { currentLimits } from '../robustness/limitsStore';
import { exampleSource, examples } from './examples';
import { sdkExampleSource } from './sdkExamples';
import { clearLoadMarks, markLoad } from '../engine/loadMarks';
import { preloadGraph } from '../graph/preload';
import { session } from '../session/appSession';
import type { OpenAt, PickedFile } from '../session/session';
import { KEPT_FILES_LIMIT_CHARS, persistence } from '../session/persistence';

export type { OpenAt, PickedFile } from '../session/session';

/** The seed, crashes and cancellation of a simulation; null: the scenario's own defaults. */
function simulated(
  seed: number | null,
  crashes: number[] | null,
  cancelAtMs: number | null,
): Omit<RunRecipe, 'source'> {
  return {
    ...(seed !== null ? { seed } : {}),
    ...(crashes !== null ? { crashesMs: crashes } : {}),
    ...(cancelAtMs !== null ? { cancelAtMs } : {}),
  };
}

/** Journal text (a view file's or a share link's, Connect's bundle): read, shown, kept for reload. */
export async function openFiles(files: { name: string; text: string }[], at?: OpenAt): Promise<LoadedRun | null> {
  if (files.length === 1)
    return session.load({ source: { kind: 'journal', text: files[0].text, fileName: files[0].name } }, { at });
  // Several files: named in the recipe (a link cannot carry them all), read as blobs, kept for reload.
  persistence.keepFiles(files);
  const blobs = files.map((f) => ({ name: f.name, file: new Blob([f.text]) }));
  return session.load({ source: { kind: 'kept-files', names: files.map((f) => f.name) } }, { at, files: blobs });
}

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
    session.cancel();
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
  markLoad('bytes-read');
  preloadGraph();
  const run = await session.load({ source: { kind: 'kept-files', names: files.map((f) => f.name) } }, { at, files });
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

export function openUrl(url: string, at?: OpenAt): Promise<LoadedRun | null> {
  return session.load({ source: { kind: 'url', url } }, { at });
}

/** cancelAtMs null: the scenario's own default (share links and the compare view pass the run's own). */
export function simulateExample(
  file: string,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
): Promise<LoadedRun | null> {
  return session.load({ source: { kind: 'example', name: file }, ...simulated(seed, crashes, cancelAtMs) }, { at });
}

export function simulateSource(
  source: string,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
): Promise<LoadedRun | null> {
  return session.load({ source: { kind: 'scenario', code: source }, ...simulated(seed, crashes, cancelAtMs) }, { at });
}

/** Scenario code as a paired handler: the example it is, when it is one unchanged (links then name it). */
function pairedScenario(code: string): PairedHandler {
  const example = examples.find((e) => exampleSource(e.file) === code);
  return example ? { kind: 'example', name: example.file } : { kind: 'scenario', code };
}

/** The loaded journal with this handler paired (replacing any it was replayed with before). */
function pairedWith(paired: PairedHandler): RunRecipe | null {
  const run = useStore.getState().run;
  return run ? { ...baseRecipe(run.recipe), paired } : null;
}

/** Replays the loaded journal against scenario code: decisions appear, or the first mismatch (570). */
export async function replayLoaded(source: string, scenarioLabel: string): Promise<LoadedRun | null> {
  const recipe = pairedWith(pairedScenario(source));
  return recipe && session.load(recipe, { pairedLabel: scenarioLabel });
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
  // The target is recorded only when the journal does not name it, or names another one.
  const named = target === run.journal.target ? {} : { target };
  const recipe = pairedWith({ kind: 'sdk', code: source, ...named, label: handlerLabel });
  return recipe && session.load(recipe);
}

/** A built-in example's real SDK form (scenarios/sdk/), into the Real SDK tab's editor, simulated on the real SDK. */
export async function simulateSdkExample(file: string, label: string): Promise<LoadedRun | null> {
  const source = await sdkExampleSource(file);
  if (source === null) return null;
  const store = useStore.getState();
  store.setSdkSource(source, label);
  store.setSdkTarget(null);
  store.setSdkInput('');
  store.setBottomTab('sdk');
  return simulateWithSdk(source, label, null, null, null);
}

/**
 * Simulates real handler code on the real SDK behind our simulated Restate server (src/sdk-sim), with the world the
 * module defines (defineSdkScenario) or the default one; seed, crashes and cancellation as for a scenario.
 */
export function simulateWithSdk(
  source: string,
  label: string | null,
  target: string | null,
  seed: number | null,
  crashes: number[] | null,
  at?: OpenAt,
  cancelAtMs: number | null = null,
  input = '',
): Promise<LoadedRun | null> {
  const code = {
    kind: 'sdk-scenario' as const,
    code: source,
    ...(target ? { target } : {}),
    ...(input.trim() ? { input } : {}),
  };
  return session.load(
    { source: { ...code, ...(label ? { label } : {}) }, ...simulated(seed, crashes, cancelAtMs) },
    { at },
  );
}

/** Re-simulates the run on screen (an example, scenario code or real handler code) with these crash times. */
export async function resimulateWithCrashes(crashes: number[]): Promise<LoadedRun | null> {
  const s = useStore.getState();
  const run = s.run;
  if (!run || !isResimulable(run)) return null;
  s.setEditorCrashes(crashes.join(', '));
  // The run's seed and cancellation time stay (they may come from a share link rather than the scenario's default).
  return session.load({ ...exactRecipe(run), crashesMs: crashes });
}
