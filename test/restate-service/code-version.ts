// The "deployed code version" of the Checkout handlers, flipped at run time through the control endpoint
// (`POST /code-version/<n>` for every handler, `POST /code-version/<n>/<handler>` for one), as if new code were
// deployed under an in-flight invocation (same deployment, same endpoint: Restate replays the journal against whatever
// code answers). One value per handler, so two mismatch cases (Checkout/order, Checkout/orderHold) can flip their
// code independently while they run at the same time. One process: fine for tests.
let fallback = 1;
const perHandler = new Map<string, number>();

export const codeVersion = {
  get(handler: string): number {
    return perHandler.get(handler) ?? fallback;
  },
  /** Without a handler: every handler (and forgets the per-handler versions). */
  set(version: number, handler?: string): void {
    if (handler) {
      perHandler.set(handler, version);
      return;
    }
    fallback = version;
    perHandler.clear();
  },
};
