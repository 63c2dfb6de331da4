// The examples gallery: every scenario in scenarios/, with its description. Picking one simulates it (seed 1), with
// our engine, or (the "real SDK" switch) its real SDK form from scenarios/sdk/ on the real SDK (docs/sdk-simulation.md).
import { useState } from 'react';
import { useStore } from '../store/store';
import { examples } from './examples';
import { simulateExample, simulateSdkExample } from './loaders';
import { hasSdkForm } from './sdkExamples';

export function ExamplesGallery() {
  const current = useStore((s) => (s.run?.source.kind === 'example' ? s.run.source.file : null));
  const sdkCurrent = useStore((s) => (s.run?.source.kind === 'sdk-scenario' ? s.sdkLabel : null));
  const [onSdk, setOnSdk] = useState(false);
  return (
    <nav className="sidebar" aria-label="Examples">
      <h2>Examples</h2>
      {examples.length === 0 && <p className="empty">No scenarios are bundled in this build.</p>}
      <label className="engine-switch" title="Simulate the examples as real Restate SDK code, on the real SDK">
        <input type="checkbox" checked={onSdk} onChange={(e) => setOnSdk(e.target.checked)} />
        on the real SDK
      </label>
      <ul className="examples">
        {examples.map((ex) => {
          const sdkLabel = `${ex.file} (real SDK)`;
          const active = onSdk ? sdkCurrent === sdkLabel : current === ex.file;
          const missing = onSdk && !hasSdkForm(ex.file);
          return (
            <li key={ex.file}>
              <button
                className="example"
                title={
                  missing ? 'Only the Python SDK has this combinator: no real TypeScript SDK form' : ex.description
                }
                aria-current={active}
                disabled={missing}
                onClick={() =>
                  void (onSdk ? simulateSdkExample(ex.file, sdkLabel) : simulateExample(ex.file, null, null))
                }
              >
                <span className="name">{ex.name}</span>
                {ex.description && active && <span className="desc">{ex.description}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
