// The scenario editor: edit the handler and the world, pick a seed, inject crashes, re-simulate; or replay the
// loaded (imported) journal against the code to see its decisions, or the first journal mismatch (570).
import { lazy, Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { parseCancelAt, parseCrashList } from '../store/scenarioSlice';
import { useStore } from '../store/store';
import { useSession } from '../session/useSession';
import { errorMarkOf } from './errorMark';
import { exampleSource, examples } from './examples';
import { replayLoaded, simulateExample, simulateSource } from './loaders';

const CodeEditor = lazy(() => import('./CodeEditor'));

/** A scenario error that names a line of the code (a syntax error, SCENARIO_SYNTAX) marks that line in the editor. */
function startingSource(file: string | null): string {
  return (file && exampleSource(file)) ?? (examples[0] ? (exampleSource(examples[0].file) ?? '') : '');
}

export function ScenarioPanel() {
  const { run, editorSource, editorLabel, seed, crashes, cancelAt, theme } = useStore(
    useShallow((s) => ({
      run: s.run,
      editorSource: s.editorSource,
      editorLabel: s.editorLabel,
      seed: s.editorSeed,
      crashes: s.editorCrashes,
      cancelAt: s.editorCancelAt,
      theme: s.theme,
    })),
  );
  const error = useStore((s) => s.error);
  const loading = useSession((s) => s.loading !== null);
  const errorMark = useMemo(() => errorMarkOf(error, 'scenario'), [error]);
  const exampleFile = run?.source.kind === 'example' ? run.source.file : null;
  const code = editorSource ?? startingSource(exampleFile);
  const { setEditorSource, setEditorSeed, setEditorCrashes, setEditorCancelAt } = useStore.getState();
  const dark = theme === 'dark' || (theme === 'system' && document.documentElement.dataset.theme === 'dark');
  const unchangedExample = exampleFile !== null && editorSource === null;
  const simulate = () => {
    const list = parseCrashList(crashes);
    const cancelAtMs = parseCancelAt(cancelAt);
    if (unchangedExample) void simulateExample(exampleFile!, seed, list, undefined, cancelAtMs);
    else void simulateSource(code, seed, list, undefined, cancelAtMs);
  };
  return (
    <div className="editor-panel">
      <div className="cm-wrap">
        <Suspense fallback={<p className="empty">Loading the editor…</p>}>
          <CodeEditor value={code} onChange={(v) => setEditorSource(v)} dark={dark} errorMark={errorMark} />
        </Suspense>
      </div>
      <form
        className="editor-side"
        onSubmit={(e) => {
          e.preventDefault();
          simulate();
        }}
      >
        <label>
          Start from example
          <select
            aria-label="Start from example"
            value=""
            onChange={(e) => {
              if (e.target.value) setEditorSource(exampleSource(e.target.value), e.target.value);
            }}
          >
            <option value="">(choose…)</option>
            {examples.map((ex) => (
              <option key={ex.file} value={ex.file}>
                {ex.name}
              </option>
            ))}
          </select>
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
        <label>
          Cancel at (ms)
          <input
            value={cancelAt}
            placeholder="scenario default"
            inputMode="numeric"
            onChange={(e) => setEditorCancelAt(e.target.value)}
            aria-label="Cancel at (ms)"
            title="Cancel the invocation from outside at this time (signal 1, CANCEL); empty: the scenario's own default"
          />
        </label>
        <button className="btn primary" type="submit" disabled={loading}>
          ▶ Simulate
        </button>
        <button
          className="btn"
          type="button"
          disabled={!run || loading}
          onClick={() =>
            void replayLoaded(
              code,
              editorSource === null ? (exampleFile ?? 'scenario') : (editorLabel ?? 'edited scenario'),
            )
          }
          title="Replay the loaded journal against this code (decisions, or the first journal mismatch)"
        >
          Replay loaded journal
        </button>
        <p style={{ color: 'var(--muted)', margin: 0 }}>
          JavaScript or TypeScript (types are removed, not checked). Runs in a Worker with a 5 s limit. Tip: Alt+click
          the timeline ruler to add a crash there.
        </p>
      </form>
    </div>
  );
}
