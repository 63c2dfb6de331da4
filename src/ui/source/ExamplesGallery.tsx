// The examples gallery: every scenario in scenarios/, with its description. Picking one simulates it (seed 1).
import { useStore } from '../store/store';
import { examples } from './examples';
import { simulateExample } from './loaders';

export function ExamplesGallery() {
  const current = useStore((s) => (s.run?.source.kind === 'example' ? s.run.source.file : null));
  return (
    <nav className="sidebar" aria-label="Examples">
      <h2>Examples</h2>
      {examples.length === 0 && <p className="empty">No scenarios are bundled in this build.</p>}
      <ul className="examples">
        {examples.map((ex) => (
          <li key={ex.file}>
            <button
              className="example"
              title={ex.description}
              aria-current={current === ex.file}
              onClick={() => void simulateExample(ex.file, null, null)}
            >
              <span className="name">{ex.name}</span>
              {ex.description && current === ex.file && <span className="desc">{ex.description}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
