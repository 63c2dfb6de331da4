// "Real SDK": paste or open the real TypeScript handler that wrote the loaded journal, and the real Restate SDK (its
// WASM VM, in the sandboxed engine Worker) replays the journal with it, offline. The timeline then shows the SDK's
// own decisions, or its 570 at the diverging command (recorded beside new, here), or where it stopped before a side
// effect. docs/sdk-replay.md.
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LoadedRun, SdkReplayView } from '../../run/loaded-run';
import { awaitedIds, sdkVerdictHeadline } from '../../share/sdk-replay-text';
import { useStore } from '../store/store';
import { useSession } from '../session/useSession';
import { errorMarkOf } from './errorMark';
import { parseCancelAt, parseCrashList } from '../store/scenarioSlice';
import { replayLoadedWithSdk, simulateWithSdk } from './loaders';
import { sdkExampleFiles, sdkExampleSource } from './sdkExamples';

const CodeEditor = lazy(() => import('./CodeEditor'));

const MAX_HANDLER_FILE_BYTES = 1_000_000;

function starterSource(target: string | null): string {
  const parts = (target ?? '').split('/');
  const service = parts.length >= 2 ? parts[0] : 'MyService';
  const handler = parts.length >= 2 ? parts[parts.length - 1] : 'run';
  return [
    `// Paste the handler file that wrote this journal (it may import only @restatedev/restate-sdk), or open it with`,
    `// "Open handler file…". The real SDK replays the journal with it: nothing runs a side effect, nothing leaves`,
    `// the browser. restate.serve(...) / endpoint().bind(...).listen() are fine: here they only collect the services.`,
    `import * as restate from '@restatedev/restate-sdk';`,
    ``,
    `export default restate.service({`,
    `  name: '${service}',`,
    `  handlers: {`,
    `    ${handler}: async (ctx: restate.Context) => {`,
    `      // …`,
    `    },`,
    `  },`,
    `});`,
    ``,
  ].join('\n');
}

/** Why this run cannot be replayed by the SDK, or null when it can. */
function unavailableReason(run: LoadedRun | null): string | null {
  if (!run) return 'Open a journal exported from a Restate server first.';
  if (run.format === 'simulation')
    return 'This is a simulation: the real SDK replays journals exported from a Restate server (1.2 or newer).';
  if (run.journal.version !== 2)
    return 'This journal has old (version 1) rows; the real SDK replays rows of Restate 1.2 or newer.';
  return null;
}

export function SdkReplayPanel() {
  const { run, source, label, targetOverride, input, seed, crashes, cancelAt, theme } = useStore(
    useShallow((s) => ({
      run: s.run,
      source: s.sdkSource,
      label: s.sdkLabel,
      targetOverride: s.sdkTarget,
      input: s.sdkInput,
      seed: s.editorSeed,
      crashes: s.editorCrashes,
      cancelAt: s.editorCancelAt,
      theme: s.theme,
    })),
  );
  const error = useStore((s) => s.error);
  const loading = useSession((s) => s.loading !== null);
  const errorMark = useMemo(() => errorMarkOf(error, 'sdk'), [error]);
  const fileInput = useRef<HTMLInputElement>(null);
  const { setSdkSource, setSdkTarget, setSdkInput, setEditorSeed, setEditorCrashes } = useStore.getState();
  const unavailable = unavailableReason(run);
  // A real journal names its handler; a simulation's handler is the code's own (its only one, or the one typed here).
  const journalTarget = unavailable ? null : (run?.journal.target ?? null);
  const target = targetOverride ?? journalTarget ?? '';
  const code = source ?? starterSource(journalTarget);
  const simulate = () =>
    void simulateWithSdk(
      code,
      label,
      targetOverride,
      seed,
      parseCrashList(crashes),
      undefined,
      parseCancelAt(cancelAt),
      input,
    );
  const dark = theme === 'dark' || (theme === 'system' && document.documentElement.dataset.theme === 'dark');
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_HANDLER_FILE_BYTES) {
      useStore.getState().setError({
        code: 'SDK_HANDLER_TOO_LARGE',
        origin: 'sdk',
        message: `${file.name} is ${file.size} bytes; a handler file over 1 MB is not opened.`,
        location: {},
        subject: file.name,
      });
      return;
    }
    setSdkSource(await file.text(), file.name);
  };
  return (
    <div className="editor-panel sdk-panel">
      <div className="cm-wrap">
        <Suspense fallback={<p className="empty">Loading the editor…</p>}>
          <CodeEditor
            value={code}
            onChange={(v) => setSdkSource(v)}
            dark={dark}
            errorMark={errorMark}
            label="Real handler code"
          />
        </Suspense>
      </div>
      <form
        className="editor-side"
        aria-label="Replay with the real SDK"
        onSubmit={(e) => {
          e.preventDefault();
          if (!unavailable && target) void replayLoadedWithSdk(code, label ?? 'the pasted handler', target);
        }}
      >
        <label>
          Handler
          <input
            value={target}
            placeholder="Service/handler (simulate: its only one)"
            onChange={(e) => setSdkTarget(e.target.value.trim() === '' ? null : e.target.value.trim())}
            aria-label="Handler"
            title="Service/handler (or Object/key/handler) the journal belongs to; from the journal when it says"
          />
        </label>
        <button className="btn" type="button" onClick={() => fileInput.current?.click()}>
          Open handler file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ts,.mts,.js,.mjs,text/typescript,text/javascript"
          hidden
          aria-label="Handler file"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button className="btn primary" type="submit" disabled={!!unavailable || !target || loading}>
          ▶ Replay with the real SDK
        </button>
        {unavailable && <p className="muted-note">{unavailable}</p>}
        <fieldset className="sdk-simulate">
          <legend>Simulate this code</legend>
          <label>
            Start from example
            <select
              aria-label="Start from an example in real SDK code"
              value=""
              onChange={(e) => {
                const file = e.target.value;
                if (file)
                  void sdkExampleSource(file).then((text) => text !== null && setSdkSource(text, `${file} (real SDK)`));
              }}
            >
              <option value="">(choose…)</option>
              {sdkExampleFiles.map((file) => (
                <option key={file} value={file}>
                  {file}
                </option>
              ))}
            </select>
          </label>
          <label>
            Input (JSON)
            <input
              value={input}
              placeholder='e.g. {"name": "Ada"}'
              onChange={(e) => setSdkInput(e.target.value)}
              aria-label="Handler input (JSON)"
              title="What the handler is invoked with, as JSON; empty: none (or the input its defineSdkScenario gives)"
              spellCheck={false}
            />
          </label>
          <label>
            Seed
            <input
              type="number"
              value={seed}
              onChange={(e) => setEditorSeed(Math.trunc(Number(e.target.value)) || 0)}
              aria-label="Seed"
            />
          </label>
          <label>
            Crash at (ms)
            <input
              value={crashes}
              placeholder="e.g. 150, 400"
              onChange={(e) => setEditorCrashes(e.target.value)}
              aria-label="Crash at (ms)"
            />
          </label>
          <button
            className="btn"
            type="button"
            disabled={loading}
            onClick={simulate}
            title="Run this code on the real SDK behind a simulated Restate server: the world of its defineSdkScenario, or default latencies"
          >
            ▶ Simulate with the real SDK
          </button>
        </fieldset>
        {run?.sdkReplay && <SdkVerdict view={run.sdkReplay} decisions={run.decisions.length} />}
        <p className="muted-note">
          @restatedev/restate-sdk 1.17 (its WASM VM) runs in a sandboxed Worker, without network. Replaying never runs a
          side effect (a run the journal has no result for stops the replay); simulating runs them on a virtual clock.
        </p>
      </form>
    </div>
  );
}

function SdkVerdict({ view, decisions }: { view: SdkReplayView; decisions: number }) {
  const tone = view.verdict === 'replayed' || view.verdict === 'suspended' ? 'ok' : 'fail';
  return (
    <section className={`sdk-verdict ${tone}`} aria-label="Real SDK verdict">
      <h3>
        <span className={`pill ${tone}`}>{view.verdict}</span> {sdkVerdictHeadline(view)}
      </h3>
      <p>
        {decisions} decision{decisions === 1 ? '' : 's'} traced from the SDK {view.sdkVersion}
        {decisions ? ': step through them with the stepper.' : '.'}
      </p>
      {view.mismatch && <MismatchDiff mismatch={view.mismatch} />}
      {view.awaiting && <p>Waiting on {awaitedIds(view.awaiting).join(', ') || 'nothing named'}.</p>}
      {view.newCommands.length > 0 && (
        <>
          <p>Commands the code wrote past the journal’s end:</p>
          <ul>
            {view.newCommands.map((c) => (
              <li key={c.commandIndex}>
                #{c.commandIndex} {c.type}
                {c.name ? ` '${c.name}'` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MismatchDiff({ mismatch }: { mismatch: NonNullable<SdkReplayView['mismatch']> }) {
  const recorded = mismatch.expected;
  const rows: [string, string, string][] = [
    ['type', recorded?.type ?? '(the journal ends here)', mismatch.actual.type ?? '(see the SDK message)'],
    ['name', recorded?.name ?? '', mismatch.actual.name ?? ''],
  ];
  for (const [field, value] of Object.entries(recorded?.fields ?? {}))
    if (field !== 'name') rows.push([field, typeof value === 'string' ? value : JSON.stringify(value), '']);
  return (
    <>
      <table className="sdk-diff" aria-label={`Command ${mismatch.commandIndex}: recorded and new`}>
        <thead>
          <tr>
            <th scope="col">#{mismatch.commandIndex}</th>
            <th scope="col">Recorded</th>
            <th scope="col">New code</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, before, after]) => (
            <tr key={field} className={before !== after && after !== '' ? 'differs' : undefined}>
              <th scope="row">{field}</th>
              <td>{before}</td>
              <td>{after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <pre className="sdk-message" aria-label="The SDK's message">
        {mismatch.message}
      </pre>
    </>
  );
}
