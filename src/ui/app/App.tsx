// Temporary shell: the inspector UI (issue 5) replaces this.
export function App() {
  return (
    <main>
      <h1>Replay Inspector</h1>
      <section aria-label="Examples">
        <h2>Examples</h2>
      </section>
    </main>
  );
}
