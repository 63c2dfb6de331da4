// The compare view in a share link: how its second run was made (the choice, relative to run A) and its two cursors,
// and the way back: once run A is restored, the same choice is made again and the cursors put back.
import type { ShareCompare, ShareCompareRun } from '../../share/link-codec';
import { useCompare } from '../compare/compareStore';
import type { SecondRunChoice } from '../compare/compareStore';
import { compareWith } from '../compare/secondRun';
import { useStore } from '../store/store';

/** How run B was chosen, as link data. */
export function toLinkRun(choice: SecondRunChoice): ShareCompareRun {
  switch (choice.kind) {
    case 'seed':
      return { kind: 'seed', seed: choice.seed };
    case 'without-crashes':
      return { kind: 'without-crashes' };
    case 'example':
      return choice.seed === null
        ? { kind: 'example', name: choice.file }
        : { kind: 'example', name: choice.file, seed: choice.seed };
    case 'replay':
      return { kind: 'replay', name: choice.file };
    case 'file':
      return { kind: 'journal', text: choice.text, fileName: choice.name };
  }
}

/** Link data back to the choice that makes run B again. */
export function toChoice(run: ShareCompareRun): SecondRunChoice {
  switch (run.kind) {
    case 'seed':
      return { kind: 'seed', seed: run.seed };
    case 'without-crashes':
      return { kind: 'without-crashes' };
    case 'example':
      return { kind: 'example', file: run.name, seed: run.seed ?? null };
    case 'replay':
      return { kind: 'replay', file: run.name };
    case 'journal':
      return { kind: 'file', name: run.fileName ?? 'compared.journal.json', text: run.text };
  }
}

/** The open compare view as link data, or null when it is closed. */
export function currentShareCompare(): ShareCompare | null {
  const { a, b, choice, cursorA, cursorB } = useCompare.getState();
  if (!a || !b || !choice) return null;
  return { run: toLinkRun(choice), cursorA, cursorB };
}

/** Reopens the compare view a link describes, beside the run just restored; a failure shows in the error banner. */
export async function reopenCompare(compare: ShareCompare): Promise<void> {
  const shown = await compareWith(toChoice(compare.run));
  const state = useCompare.getState();
  if (!shown) {
    useStore.getState().setError({
      code: 'LINK_COMPARE_FAILED',
      origin: 'share',
      message: `The link's compare view could not be reopened: ${state.error ?? 'its second run did not load'}.`,
      location: { field: 'compare' },
      hint: 'The first run is shown; choose the second run again with Compare….',
    });
    state.set({ error: null, loading: null });
    return;
  }
  const clamp = (c: number | undefined, total: number, fallback: number) =>
    c === undefined ? fallback : Math.max(0, Math.min(total, c));
  if (state.a && state.b)
    state.set({
      cursorA: clamp(compare.cursorA, state.a.run.journal.entries.length, state.cursorA),
      cursorB: clamp(compare.cursorB, state.b.run.journal.entries.length, state.cursorB),
    });
}
