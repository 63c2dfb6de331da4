// The readable report of `sdk-replay` (without --json): verdict, each decision the real SDK made, and at a
// mismatch the recorded command beside what the new code asked for.
import type { Decision, Journal } from '../../model';
import type { SdkReplayResult } from '../../sdk-host/replay';
import { sdkVerdictHeadline as headline } from '../../share/sdk-replay-text';

export function reportText(result: SdkReplayResult, journal: Journal): string {
  const lines = [
    `sdk-replay of ${journal.invocationId} (${result.target}) with @restatedev/restate-sdk ${result.sdkVersion}: ${headline(result)}`,
  ];
  if (result.decisions.length) {
    lines.push(`decisions traced from the SDK's VM (${result.decisions.length}):`);
    result.decisions.forEach((d, i) => lines.push(`  ${decisionLine(d, i)}`));
  }
  if (result.mismatch)
    lines.push(
      '',
      ...sideBySide(result.mismatch),
      '',
      '  the SDK says:',
      ...result.mismatch.message.split('\n').map((l) => `    ${l}`),
    );
  if (result.newCommands.length) {
    lines.push(`commands the code wrote past the journal's end:`);
    for (const c of result.newCommands)
      lines.push(`  command ${c.commandIndex}: ${c.type}${c.name ? ` '${c.name}'` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function decisionLine(d: Decision, i: number): string {
  const winner = d.winner ? ` → ${d.winner}` : '';
  const pending = d.pending.length ? `; pending ${d.pending.join(', ')}` : '';
  return `#${i + 1} ${d.combinator}(${d.futures.join(', ')})${winner} at entry ${d.entryIndex}; completed ${d.completed.join(', ') || 'none'}${pending}`;
}

function sideBySide(m: NonNullable<SdkReplayResult['mismatch']>): string[] {
  const left = [
    'recorded in the journal',
    `type: ${m.expected?.type ?? '(none: the journal ends here)'}`,
    `name: ${m.expected?.name ?? ''}`,
  ];
  for (const [field, value] of Object.entries(m.expected?.fields ?? {}))
    if (field !== 'name') left.push(`${field}: ${JSON.stringify(value)}`);
  const right = ['your code now', `type: ${m.actual.type ?? '(see the SDK message)'}`, `name: ${m.actual.name ?? ''}`];
  const width = Math.max(...left.map((l) => l.length), 24) + 2;
  const rows = Math.max(left.length, right.length);
  const out = [`  command ${m.commandIndex}:`];
  for (let i = 0; i < rows; i++) out.push(`    ${(left[i] ?? '').padEnd(width)}| ${right[i] ?? ''}`);
  return out;
}
