// The `run` record of a native journal file (docs/journal-format.md), from a simulated run: the CLI's `simulate`
// and the app's "Download journal" write the same record. Its own module so that the page loads no reader code.
import type { NativeJournalFile, SimRun } from '../model';
import { completionOrder } from '../model/future-ids';

/** What the simulator decided, as the native journal file's `run` record (docs/journal-format.md). */
export function simRunRecord(
  scenario: string,
  sim: Pick<SimRun, 'journal' | 'seed' | 'decisions' | 'attempts' | 'output'>,
): NonNullable<NativeJournalFile['run']> {
  return {
    scenario,
    seed: sim.seed,
    decisions: sim.decisions,
    attempts: sim.attempts,
    output: sim.output,
    completionOrder: completionOrder(sim.journal.entries),
  };
}
