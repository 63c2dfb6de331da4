// The summary printed by `replay-inspector summary`: the shape of expected.summary.json in the samples (key order too).
import type { Journal } from '../model';
import { outcomeFromOutput } from './assemble';
import { completionOrder, deriveFutures } from './futures';
import { toIso } from './time';

export interface SummaryFuture {
  id: string;
  /** null for signal futures: a signal is not a completion. */
  completionId: number | null;
  commandIndex: number | null;
  entryIndex: number | null;
  kind: string;
  name: string;
  start: string | null;
  end: string | null;
  result: string;
}

export interface Summary {
  invocationId: string;
  target: string | null;
  status: string | null;
  outcome: 'success' | 'failure' | null;
  entries: number;
  commands: number;
  notifications: number;
  futures: SummaryFuture[];
  completionOrder: string[];
  transientErrors: number;
}

export function summarize(journal: Journal): Summary {
  let commands = 0;
  let notifications = 0;
  for (const entry of journal.entries) {
    if (entry.kind === 'command') commands++;
    else if (entry.kind === 'notification') notifications++;
  }
  return {
    invocationId: journal.invocationId,
    target: journal.target ?? null,
    status: journal.status ?? null,
    outcome: journal.completionResult ?? outcomeFromOutput(journal.entries),
    entries: journal.entries.length,
    commands,
    notifications,
    futures: deriveFutures(journal).map((f) => ({
      id: f.id,
      completionId: f.completionId ?? null,
      commandIndex: f.commandIndex,
      entryIndex: f.entryIndex,
      kind: f.kind,
      name: f.name,
      start: toIso(f.startMs),
      end: toIso(f.endMs),
      result: f.result,
    })),
    completionOrder: completionOrder(journal),
    transientErrors: journal.events.filter((e) => e.type === 'TransientError').length,
  };
}

/** The CLI's text: one summary as an object, several as an array; 1-space indent like the samples. */
export function summaryText(journals: Journal[]): string {
  const summaries = journals.map(summarize);
  return JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 1) + '\n';
}
