// What a first-time visitor sees before anything is loaded: what the tool does and where to start.
import { examples } from './examples';
import { simulateExample } from './loaders';

export function Welcome() {
  return (
    <main className="welcome">
      <h2>See durable execution, one decision at a time</h2>
      <p>
        Open a Restate journal export (drop it anywhere on the page), or pick an example: every future becomes a lane on
        the timeline, and the stepper walks through the replay, showing which notification decided each{' '}
        <code>race</code>, <code>select</code>, <code>all</code> or <code>waitCompleted</code>.
      </p>
      {/* One file input only (the header's "Open journal"): this button opens the same picker. */}
      <button
        className="btn primary"
        onClick={() =>
          document.querySelector<HTMLInputElement>('input[type="file"][aria-label="Open journal"]')?.click()
        }
      >
        Choose a journal file…
      </button>
      <div className="cards">
        {examples.map((ex) => (
          <button key={ex.file} className="card" onClick={() => void simulateExample(ex.file, null, null)}>
            <span className="name">{ex.name}</span>
            <span className="desc">{ex.description}</span>
          </button>
        ))}
      </div>
    </main>
  );
}
