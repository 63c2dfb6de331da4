// "Copy decision": one combinator decision as plain text for an issue or a chat: the status sentence, then the
// candidates and their parts (winner, completed, pending), each named as the UI names it.
export interface DecisionForText {
  combinator: string;
  futures: string[];
  completed: string[];
  pending: string[];
  winner?: string;
  key?: string;
  outcome?: string;
  entryIndex: number;
  attempts: number[];
}

export function decisionText(status: string, d: DecisionForText, nameOf: (id: string) => string): string {
  const names = (ids: readonly string[]) => (ids.length ? ids.map(nameOf).join(', ') : '(none)');
  const lines = [
    status,
    `Decision: ${d.combinator} at entry #${d.entryIndex} (attempt ${d.attempts.join(', ')})`,
    `Candidates: ${names(d.futures)}`,
    `Winner: ${d.winner !== undefined ? `${nameOf(d.winner)}${d.key ? ` [key ${d.key}]` : ''}${d.outcome === 'failure' ? ' (failed)' : ''}` : '(none)'}`,
    `Completed: ${names(d.completed)}`,
    `Pending: ${names(d.pending)}`,
  ];
  return lines.join('\n');
}
