// The session: the one owner of "how the run on screen was made". load(recipe) is the only way a run reaches the
// screen and make(recipe) the only way any other run is made (the compare view's second run, follow's full re-read):
// between them, the only callers of the engine. File drop, hash sync, share links, Connect, compare and the editors
// all build a RunRecipe and call it; the session calls nothing back. Its own state (what is loading) is a vanilla
// zustand store that React binds to thinly (useSession.ts); its effects go through the ports it is given, so it is
// unit-tested without a Worker, a DOM or the app's store (session.test.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineError, EngineJob, ProtocolRow } from '../engine/protocol';
import type { PartialRun } from '../engine/partialRead';
import type { Journal } from '../../model';
import type { LoadedRun, RunResult } from '../../run/loaded-run';
import { baseRecipe, loadedRun, SHARED_JOURNAL_NAME } from '../../run/recipe';
import { sameRecipe, type RunRecipe } from '../../share/view-state';
import { latestTask } from './latestTask';
import type { KeptFile, SessionPersistence } from './persistence';

export interface LoadingState {
  label: string;
  fraction: number | null;
}

export interface SessionState {
  /** What the session is loading now, and how far (null: nothing). */
  loading: LoadingState | null;
}

/** Where the user was in the run (the view's cursor and selection), applied when it is shown. */
export interface OpenAt {
  cursor?: number;
  selection?: string | null;
}

/** An error as the screen shows it, with what it is about. */
export type SessionError = EngineError & { subject?: string };

export interface RunningEngineJob {
  promise: Promise<RunResult>;
  cancel(): void;
}

/** The limits the user set (robustness/limitsStore.ts). */
export interface SessionLimits {
  readTimeLimitMs: number;
  timeLimitMs: number;
  stepsMax: number;
  maxBytes: number;
  maxEntries: number;
}

/** Everything the session does outside itself. */
export interface SessionPorts {
  engine(
    job: EngineJob,
    options: {
      timeoutMs: number;
      onProgress?: (fraction: number) => void;
      /** A read of a large file: its first rows, before the full run (partialRead.ts). */
      onPartial?: (partial: PartialRun) => void;
    },
  ): RunningEngineJob;
  /** The engine's typed failure → the error it carries; anything else → null. */
  engineErrorOf(error: unknown): EngineError | null;
  /** The screen: the run shown now, showing one, showing an error (which keeps the run shown). */
  screen: {
    run(): LoadedRun | null;
    show(run: LoadedRun, at?: OpenAt): void;
    /** A run still being read: its first rows, replaced by show() or, on failure, fail() brings the previous back. */
    showPartial(run: LoadedRun, read: { entriesRead: number; entriesEstimate: number }): void;
    fail(error: SessionError): void;
  };
  persistence: SessionPersistence;
  limits(): SessionLimits;
  /** The built-in examples (scenarios/). */
  examples: { source(name: string): string | null; label(name: string): string };
  /** `../x` imports of built-in examples a real-SDK file spreads its world from → their sources. */
  companionsOf(code: string): Record<string, string>;
  fetchText(url: URL): Promise<string>;
  /** The raw protocol rows of a journal read in a Worker (rawRows.ts), for the real-SDK replay. */
  protocolRows(journal: Journal): Promise<ProtocolRow[]>;
  /** Where relative URLs resolve (the page's address). */
  baseUrl(): string;
  /** A load step for the first-row marks (loadMarks.ts). */
  mark?(phase: string): void;
}

export interface LoadOptions {
  at?: OpenAt;
  /** The files a `kept-files` recipe names, as the user picked them (read by the Worker as streams). */
  files?: PickedFile[];
  /** The paired handler's name in the run's title and status line (default: the example's name, or a generic one). */
  pairedLabel?: string;
}

/** A picked or dropped file: the Worker reads it itself, as a stream, so the page never holds its bytes. */
export interface PickedFile {
  name: string;
  file: Blob;
}

export interface MakeOptions {
  /** Cancels the run being made. */
  signal?: AbortSignal;
  /** For a recipe with a paired handler: the run whose journal is replayed (instead of reading it again). */
  base?: LoadedRun;
}

export interface Session {
  readonly store: StoreApi<SessionState>;
  /** Makes the run this recipe describes and shows it; null when superseded or failed (the error is shown). */
  load(recipe: RunRecipe, options?: LoadOptions): Promise<LoadedRun | null>;
  /** Makes a run without showing it or keeping anything for reload; throws SessionFailure. */
  make(recipe: RunRecipe, options?: MakeOptions): Promise<LoadedRun>;
  /** Cancels the load in progress (its Worker is stopped, its result dropped). */
  cancel(): void;
}

export class SessionFailure extends Error {
  constructor(readonly info: SessionError) {
    super(info.message);
  }
}

/** A real-SDK job first fetches and compiles the SDK's ~2 MB chunk (its WASM VM): not the handler's time. */
export const SDK_LOAD_ALLOWANCE_MS = 20_000;

const superseded = new Error('superseded');

interface Plan {
  job: EngineJob;
  /** The recipe the run records (kept references resolved: `kept-scenario` → the code it names). */
  recipe: RunRecipe;
  label: string;
  subject: string;
  /** Opened journal text, kept so that reload can read it again. */
  keep?: KeptFile[];
}

export function createSession(ports: SessionPorts): Session {
  const store = createStore<SessionState>()(() => ({ loading: null }));
  const loads = latestTask();
  const setLoading = (loading: LoadingState | null) => store.setState({ loading });

  const fail = (info: SessionError): never => {
    throw new SessionFailure(info);
  };

  /** `pairedLabel` names a replay as the user named its handler (the editor's example or file name). */
  async function plan(
    recipe: RunRecipe,
    files: PickedFile[] | undefined,
    base: LoadedRun | null,
    pairedLabel?: string,
  ): Promise<Plan> {
    if (recipe.paired) return planReplay(recipe, base ?? fail(noBase()), pairedLabel);
    const limits = ports.limits();
    const simulated = {
      seed: recipe.seed ?? null,
      crashes: recipe.crashesMs ?? null,
      cancelAtMs: recipe.cancelAtMs ?? null,
      stepsMax: limits.stepsMax,
    };
    const source = recipe.source;
    switch (source.kind) {
      case 'example': {
        const code = ports.examples.source(source.name) ?? fail(unknownExample(source.name, 'engine'));
        const label = ports.examples.label(source.name);
        return {
          job: { type: 'simulate', source: code, scenarioLabel: label, ...simulated },
          recipe,
          label,
          subject: label,
        };
      }
      case 'kept-scenario':
      case 'scenario': {
        const code = source.kind === 'scenario' ? source.code : ports.persistence.keptScenario();
        if (code === null)
          return fail(notKept('This tab no longer holds the scenario code.', 'Open the editor and simulate it again.'));
        const label = 'edited scenario';
        return {
          job: { type: 'simulate', source: code, scenarioLabel: label, ...simulated },
          recipe: { ...recipe, source: { kind: 'scenario', code } },
          label: 'the edited scenario',
          subject: label,
        };
      }
      case 'kept-sdk-scenario': {
        const kept = ports.persistence.keptSdkScenario();
        if (!kept)
          return fail(
            notKept(
              'This tab no longer holds the real handler code.',
              'Paste or open the handler in the Real SDK tab again.',
            ),
          );
        return plan({ ...recipe, source: { kind: 'sdk-scenario', ...kept } }, files, base);
      }
      case 'sdk-scenario': {
        const handlerLabel = source.label ?? 'the pasted handler';
        const input = source.input?.trim() ? { value: handlerInput(source.input) } : undefined;
        return {
          job: {
            type: 'sdk-simulate',
            source: source.code,
            handlerLabel,
            target: source.target ?? null,
            ...simulated,
            companions: ports.companionsOf(source.code),
            ...(input ? { input } : {}),
          },
          recipe,
          label: `${handlerLabel} with the real SDK`,
          subject: handlerLabel,
        };
      }
      case 'journal': {
        const name = source.fileName ?? SHARED_JOURNAL_NAME;
        const texts = [{ name, text: source.text }];
        return { job: { type: 'read', files: texts }, recipe, label: name, subject: name, keep: texts };
      }
      case 'kept-files': {
        const names = source.names.join(', ');
        if (files) return { job: { type: 'read', files }, recipe, label: names, subject: names };
        const kept = ports.persistence.keptFiles();
        if (!kept || kept.map((f) => f.name).join(', ') !== names)
          return fail(notKept(`The link refers to ${names}, which this tab no longer holds.`, 'Open the file again.'));
        return { job: { type: 'read', files: kept }, recipe, label: names, subject: names };
      }
      case 'url': {
        const url = source.url;
        const name = url.split('/').pop() || url;
        const text = await fetchJournal(url);
        return { job: { type: 'read', files: [{ name, text }] }, recipe, label: name, subject: url };
      }
    }
  }

  /** The handler input as typed in the Real SDK tab: JSON, or a clear error on that field. */
  function handlerInput(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      return fail({
        code: 'SDK_BAD_INPUT',
        origin: 'sdk',
        message: `The handler input is not JSON: ${(e as Error).message}.`,
        location: { field: 'input' },
        hint: 'Type the input as JSON, e.g. {"name": "Ada"} or "text" with its quotes; leave it empty for none.',
      });
    }
  }

  async function fetchJournal(url: string): Promise<string> {
    let target: URL;
    try {
      target = new URL(url, ports.baseUrl());
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new Error(`${target.protocol} addresses are not opened`);
    } catch (e) {
      return fail({
        code: 'BAD_URL',
        origin: 'engine',
        message: `Cannot open "${url.slice(0, 200)}": ${(e as Error).message}.`,
        location: { field: 'src' },
        hint: 'Only http(s) addresses of journal files can be opened from a link.',
        subject: url.slice(0, 200),
      });
    }
    try {
      return await ports.fetchText(target);
    } catch (e) {
      return fail({
        code: 'FETCH_FAILED',
        origin: 'engine',
        message: `Could not fetch ${url}: ${(e as Error).message}`,
        location: {},
        hint: 'The file must be on this site or served with CORS headers.',
        subject: url,
      });
    }
  }

  async function planReplay(recipe: RunRecipe, base: LoadedRun, label?: string): Promise<Plan> {
    const paired = recipe.paired!;
    const journal = base.journal;
    if (paired.kind === 'sdk') {
      const target = paired.target ?? journal.target ?? null;
      if (!target)
        return fail({
          code: 'SDK_REPLAY_NO_TARGET',
          origin: 'share',
          message:
            'The journal is replayed with a real Restate handler, but neither it nor the journal names the handler.',
          location: { field: 'paired' },
          hint: 'Type Service/handler in the Real SDK tab and press Replay with the real SDK.',
        });
      const handlerLabel = label ?? paired.label ?? 'the shared handler';
      const protocolRows = await ports.protocolRows(journal);
      return {
        job: { type: 'sdk-replay', source: paired.code, handlerLabel, target, journal, protocolRows },
        recipe,
        label: `the real SDK (${handlerLabel})`,
        subject: handlerLabel,
      };
    }
    const code = paired.kind === 'example' ? ports.examples.source(paired.name) : paired.code;
    if (code === null) return fail(unknownExample(paired.kind === 'example' ? paired.name : '', 'share'));
    const scenarioLabel = label ?? (paired.kind === 'example' ? paired.name : 'edited scenario');
    return {
      job: { type: 'replay', source: code, scenarioLabel, journal },
      recipe,
      label: scenarioLabel,
      subject: scenarioLabel,
    };
  }

  function timeoutOf(job: EngineJob): number {
    const limits = ports.limits();
    if (job.type === 'read') return limits.readTimeLimitMs;
    if (job.type === 'sdk-replay' || job.type === 'sdk-simulate') return limits.timeLimitMs + SDK_LOAD_ALLOWANCE_MS;
    return limits.timeLimitMs;
  }

  function withReadLimits(job: EngineJob): EngineJob {
    if (job.type !== 'read') return job;
    const { maxBytes, maxEntries } = ports.limits();
    return { ...job, limits: { maxBytes, maxChars: maxBytes, maxEntries } };
  }

  /** Runs a plan's job; aborting `signal` stops its Worker. */
  async function run(
    p: Plan,
    signal: AbortSignal | undefined,
    onProgress?: (f: number) => void,
    onPartial?: (partial: LoadedRun, read: { entriesRead: number; entriesEstimate: number }) => void,
  ): Promise<LoadedRun> {
    if (signal?.aborted) throw new SessionFailure({ ...cancelled(), subject: p.subject });
    const job = withReadLimits(p.job);
    const running = ports.engine(job, {
      timeoutMs: timeoutOf(job),
      onProgress,
      ...(onPartial && job.type === 'read'
        ? { onPartial: ({ result, ...read }: PartialRun) => onPartial(loadedRun(result, p.recipe), read) }
        : {}),
    });
    signal?.addEventListener('abort', () => running.cancel(), { once: true });
    try {
      return loadedRun(await running.promise, p.recipe);
    } catch (e) {
      const info = ports.engineErrorOf(e) ?? {
        code: 'ENGINE_ERROR',
        origin: 'engine',
        message: String(e),
        location: {},
      };
      throw new SessionFailure({ ...info, subject: p.subject });
    }
  }

  const labelOf = (p: Plan) => (p.job.type === 'read' ? `Reading ${p.label}` : verbOf(p.job) + p.label);

  async function load(recipe: RunRecipe, options: LoadOptions = {}): Promise<LoadedRun | null> {
    const task = loads.start();
    const check = () => {
      if (!task.isCurrent()) throw superseded;
    };
    try {
      let base: LoadedRun | null = null;
      if (recipe.paired) {
        const journalRecipe = baseRecipe(recipe);
        const shown = ports.screen.run();
        // A replayed run's journal is the one it replayed, so replaying again needs no new read.
        if (shown && sameRecipe(baseRecipe(shown.recipe), journalRecipe)) base = shown;
        else {
          task.finish();
          base = await load(journalRecipe, { at: options.at, files: options.files });
          return base && (await load(recipe, { at: options.at, pairedLabel: options.pairedLabel }));
        }
      }
      if (recipe.source.kind === 'url') setLoading({ label: `Fetching ${recipe.source.url}`, fraction: null });
      const p = await plan(recipe, options.files, base, options.pairedLabel);
      check();
      // Code is kept before it runs: a reload after a failing simulation still brings the user's code back.
      const ran = p.recipe.source;
      if (ran.kind === 'scenario') ports.persistence.keepScenario(ran.code);
      if (ran.kind === 'sdk-scenario') ports.persistence.keepSdkScenario(ran);
      const label = labelOf(p);
      setLoading({ label, fraction: null });
      const made = await run(
        p,
        task.signal,
        (fraction) => task.isCurrent() && setLoading({ label, fraction }),
        // A large file's first rows while the rest reads; the full run or the error replaces them.
        (partial, read) => task.isCurrent() && ports.screen.showPartial(partial, read),
      );
      check();
      if (p.keep) ports.persistence.keepFiles(p.keep);
      setLoading(null);
      ports.screen.show(made, options.at);
      ports.mark?.('run-set');
      return made;
    } catch (e) {
      if (e === superseded || !task.isCurrent()) return null;
      setLoading(null);
      ports.screen.fail(
        e instanceof SessionFailure
          ? e.info
          : { code: 'ENGINE_ERROR', origin: 'engine', message: String(e), location: {} },
      );
      return null;
    } finally {
      task.finish();
    }
  }

  async function make(recipe: RunRecipe, options: MakeOptions = {}): Promise<LoadedRun> {
    let base = options.base ?? null;
    if (recipe.paired && !base) base = await make(baseRecipe(recipe), { signal: options.signal });
    return run(await plan(recipe, undefined, base), options.signal);
  }

  return {
    store,
    load,
    make,
    cancel() {
      loads.cancel();
      setLoading(null);
    },
  };
}

function verbOf(job: EngineJob): string {
  if (job.type === 'simulate' || job.type === 'sdk-simulate') return 'Simulating ';
  return 'Replaying with ';
}

function unknownExample(name: string, origin: string): SessionError {
  return {
    code: 'UNKNOWN_EXAMPLE',
    origin,
    message: `There is no example named "${name}".`,
    location: {},
    hint: 'Pick one from the Examples list.',
    subject: name,
  };
}

/** Something a recipe needs that this tab no longer holds (a reload in another tab, a cleared sessionStorage). */
function notKept(message: string, hint: string): SessionError {
  return { code: 'FILE_NOT_KEPT', origin: 'engine', message, location: {}, hint };
}

function cancelled(): SessionError {
  return { code: 'CANCELLED', origin: 'engine', message: 'The run was cancelled before it started.', location: {} };
}

function noBase(): SessionError {
  return {
    code: 'ENGINE_ERROR',
    origin: 'engine',
    message: 'A replay needs the journal it replays: open it first.',
    location: {},
  };
}
