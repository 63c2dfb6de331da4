// "Compare…": pick the second run (B) to put beside the loaded run (A). Each choice says in one line what it shows.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { examples } from '../source/examples';
import { useStore } from '../store/store';
import { useCompare } from './compareStore';
import { isResimulable } from '../../run/recipe';
import { compareWith } from './secondRun';
import { useModalKeys } from './useModalKeys';

function Choice({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <div className="compare-choice">
      <div className="compare-choice-text">
        <strong>{title}</strong>
        <span>{hint}</span>
      </div>
      <div className="compare-choice-controls">{children}</div>
    </div>
  );
}

export function CompareChooser() {
  const run = useStore((s) => s.run);
  const loading = useCompare((s) => s.loading);
  const error = useCompare((s) => s.error);
  const [seed, setSeed] = useState(String((run?.seed ?? 0) + 1));
  const [exampleFile, setExampleFile] = useState(
    run?.source.kind === 'example' ? run.source.file : (examples[0]?.file ?? ''),
  );
  const [exampleSeed, setExampleSeed] = useState('');
  const [replayFile, setReplayFile] = useState(
    run?.source.kind === 'example' ? run.source.file : (examples[0]?.file ?? ''),
  );
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = () => useCompare.getState().setChooserOpen(false);
  useEffect(() => closeRef.current?.focus(), []);
  useModalKeys(close);
  const simulated = !!run && isResimulable(run);
  const busy = loading !== null;
  const seedNumber = /^\d{1,9}$/.test(seed.trim()) ? Number(seed.trim()) : null;

  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        className="dialog compare-chooser"
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-chooser-title"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="connect-head">
          <h2 id="compare-chooser-title">Compare with…</h2>
          <button ref={closeRef} className="btn icon" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {!run ? (
          <p>
            Open a journal or simulate an example first: the run on screen becomes run A, and here you choose run B to
            put beside it.
          </p>
        ) : (
          <>
            <p className="compare-intro">
              Run A is what is on screen: <strong>{run.title}</strong>
              {run.seed !== null ? ` (seed ${run.seed})` : ''}. Choose run B. The two are lined up command by command
              (the 1st command of each, the 2nd…), not by time, and the first place where they differ is highlighted.
            </p>
            {simulated && (
              <Choice
                title="Same scenario, another seed"
                hint="Does the randomness (latencies, failures) change who wins?"
              >
                <label>
                  Seed
                  <input
                    aria-label="Seed of run B"
                    inputMode="numeric"
                    value={seed}
                    onChange={(e) => setSeed(e.currentTarget.value)}
                    size={6}
                  />
                </label>
                <button
                  className="btn primary"
                  disabled={busy || seedNumber === null}
                  onClick={() => seedNumber !== null && void compareWith({ kind: 'seed', seed: seedNumber })}
                >
                  Compare seeds
                </button>
              </Choice>
            )}
            {simulated && run.crashes.length > 0 && (
              <Choice
                title="This run without crashes"
                hint={`Same seed, no crash at ${run.crashes.join(', ')} ms: what did the crash change?`}
              >
                <button
                  className="btn primary"
                  disabled={busy}
                  onClick={() => void compareWith({ kind: 'without-crashes' })}
                >
                  Compare without crashes
                </button>
              </Choice>
            )}
            <Choice title="Another example" hint="A different scenario, with its default or a chosen seed.">
              <select
                aria-label="Example for run B"
                value={exampleFile}
                onChange={(e) => setExampleFile(e.currentTarget.value)}
              >
                {examples.map((ex) => (
                  <option key={ex.file} value={ex.file}>
                    {ex.name}
                  </option>
                ))}
              </select>
              <input
                aria-label="Seed of the example"
                placeholder="default seed"
                inputMode="numeric"
                value={exampleSeed}
                onChange={(e) => setExampleSeed(e.currentTarget.value)}
                size={9}
              />
              <button
                className="btn"
                disabled={busy || !exampleFile}
                onClick={() =>
                  void compareWith({
                    kind: 'example',
                    file: exampleFile,
                    seed: /^\d{1,9}$/.test(exampleSeed.trim()) ? Number(exampleSeed.trim()) : null,
                  })
                }
              >
                Compare example
              </button>
            </Choice>
            <Choice title="A journal file" hint="Another export of the same handler, e.g. before and after a deploy.">
              <label className="btn file-btn">
                Choose file…
                <input
                  type="file"
                  aria-label="Second run file"
                  accept=".json,.jsonl,.ndjson,.txt,application/json"
                  disabled={busy}
                  onChange={async (e) => {
                    const file = e.currentTarget.files?.[0];
                    e.currentTarget.value = '';
                    if (file) await compareWith({ kind: 'file', name: file.name, text: await file.text() });
                  }}
                />
              </label>
            </Choice>
            <Choice
              title="Original vs replay"
              hint="Replay this run's journal against a scenario's code (e.g. a new version): same decisions, or a journal mismatch?"
            >
              <select
                aria-label="Scenario to replay with"
                value={replayFile}
                onChange={(e) => setReplayFile(e.currentTarget.value)}
              >
                {examples.map((ex) => (
                  <option key={ex.file} value={ex.file}>
                    {ex.name}
                  </option>
                ))}
              </select>
              <button
                className="btn"
                disabled={busy}
                onClick={() => void compareWith({ kind: 'replay', file: replayFile })}
              >
                Compare with replay
              </button>
            </Choice>
          </>
        )}
        {loading && <p className="compare-loading">{loading}</p>}
        {error && (
          <div className="connect-error" role="alert">
            {error}
          </div>
        )}
      </div>
    </div>
  );
}
