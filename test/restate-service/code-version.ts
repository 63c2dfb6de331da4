// The "deployed code version" of the Checkout service, flipped at run time through the control endpoint
// (`POST /code-version/<n>`), as if new code were deployed under an in-flight invocation (same deployment, same
// endpoint: Restate replays the journal against whatever code answers). One process, one value: fine for tests.
let current = 1;

export const codeVersion = {
  get(): number {
    return current;
  },
  set(version: number): void {
    current = version;
  },
};
