// The one schema of "how to come back to this view": how the run was made (RunRecipe) and where the user was in it.
// The address-bar hash, the share link and the view file all encode a ViewState (view-hash.ts, view-file.ts); every
// older format is read into it (link-formats in view-hash.ts), so a new view parameter is added here once.

/** Where a run's journal or scenario comes from. */
export type RecipeSource =
  /** A built-in example, simulated. */
  | { kind: 'example'; name: string }
  /** Scenario code (edited in the app), simulated; the code travels with the view. */
  | { kind: 'scenario'; code: string }
  /**
   * Real handler code simulated by the real SDK behind the simulated server (src/sdk-sim); the code travels, and so
   * does the handler's input as typed (JSON text; absent: the input the code's defineSdkScenario gives, if any).
   */
  | { kind: 'sdk-scenario'; code: string; target?: string; label?: string; input?: string }
  /** A journal, read; its text travels with the view. */
  | { kind: 'journal'; text: string; fileName?: string }
  /** A journal fetched from an address. */
  | { kind: 'url'; url: string }
  /** Journal files this browser tab keeps (sessionStorage), named only: the address bar, never a share link. */
  | { kind: 'kept-files'; names: string[] }
  /** The scenario code this tab last simulated (sessionStorage): the address bar, never a share link. */
  | { kind: 'kept-scenario' }
  /** The real handler code this tab last simulated on the real SDK (sessionStorage): the address bar only. */
  | { kind: 'kept-sdk-scenario' };

/**
 * Code paired with a loaded journal to replay it: an example or scenario in this app's API (sim.replay), or the
 * user's real TypeScript Restate handler replayed with the real SDK (`sdk`).
 */
export type PairedHandler =
  | { kind: 'example'; name: string }
  | { kind: 'scenario'; code: string }
  /** A real handler file; `target` when the journal does not say (or the user chose another), `label` its file name. */
  | { kind: 'sdk'; code: string; target?: string; label?: string };

/** How a run was made: enough to make it again. */
export interface RunRecipe {
  source: RecipeSource;
  /** Simulated runs: the seed; absent means the scenario's default. */
  seed?: number;
  /** Simulated runs: crash times (ms); absent means the scenario's defaults. */
  crashesMs?: number[];
  /** Simulated runs: the invocation is cancelled from outside at this virtual time (overrides the scenario's). */
  cancelAtMs?: number;
  /** A journal replayed against code. */
  paired?: PairedHandler;
}

/**
 * How the second run of an open compare view was made, relative to the first (src/ui/compare/secondRun.ts): the same
 * scenario with another seed (keeping the first run's crashes and cancellation) or without its crashes, another
 * example, the first run's journal replayed with an example, or a journal file (its text travels with the view).
 */
export type CompareRecipe =
  | { kind: 'seed'; seed: number }
  | { kind: 'without-crashes' }
  | { kind: 'example'; name: string; seed?: number }
  | { kind: 'replay'; name: string }
  | { kind: 'journal'; text: string; fileName?: string };

export interface ViewCompare {
  run: CompareRecipe;
  /** The compare view's own cursors (entries shown of run A and run B). */
  cursorA?: number;
  cursorB?: number;
}

export interface ViewState {
  recipe: RunRecipe;
  /** Step index; absent: the run's default step. */
  cursor?: number;
  /** Selected future (`c3`, `s17`), entry (`e5`) or decision (`d2`). */
  selection?: string;
  compare?: ViewCompare;
}

/** Same run (the cursor, selection and compare view aside)? */
export function sameRecipe(a: RunRecipe, b: RunRecipe): boolean {
  return recipeKey(a) === recipeKey(b);
}

/** A stable text for a recipe: fields in a fixed order, defaults left out. */
export function recipeKey(recipe: RunRecipe): string {
  const { source, seed, crashesMs, cancelAtMs, paired } = recipe;
  return JSON.stringify([
    source,
    seed ?? null,
    crashesMs?.length ? crashesMs : null,
    cancelAtMs ?? null,
    paired ?? null,
  ]);
}
