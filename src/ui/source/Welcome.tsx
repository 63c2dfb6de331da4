// What a first-time visitor sees before anything is loaded: what the tool does and where to start.
import { examples } from './examples';
import { simulateExample } from './loaders';
import { OpenJournalButton } from './OpenJournalButton';

export function Welcome() {
  return (
    <main className="welcome">
      <h2>See durable execution, one decision at a time</h2>
      <p>
        Open a Restate journal export (drop it anywhere on the page), or pick an example: every future becomes a lane on the
        timeline, and the stepper walks through the replay, showing which notification decided each <code>race</code>,{' '}
        <code>select</code>, <code>all</code> or <code>waitCompleted</code>.
      </p>
      <OpenJournalButton />
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
