// Which attach cases a simulated run reached, for the differential test's coverage check: attaches to a call's and
// to a send's callee, a failed attach, an attach raced against a sleep, an attach journaled in one attempt and
// answered in a later one (a crash in between).
import type { CommandEntry, SimRun } from '../../model';

export function attachCases(run: SimRun): string[] {
  const entries = run.journal.entries;
  const commands = new Map<number, CommandEntry>();
  for (const entry of entries)
    if (entry.kind === 'command') for (const id of entry.completionIds) commands.set(id, entry);
  const calleeKinds = new Map<string, string>();
  for (const entry of entries)
    if (entry.kind === 'command' && entry.invocationId && (entry.type === 'Call' || entry.type === 'OneWayCall'))
      calleeKinds.set(entry.invocationId, entry.type === 'Call' ? 'call' : 'send');
  const cases: string[] = [];
  const attachIds = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'command' && entry.type === 'AttachInvocation') {
      attachIds.add(`c${entry.completionIds[0]}`);
      cases.push(`attach to a ${calleeKinds.get(entry.invocationId ?? '') ?? 'stranger'}`);
      const answer = entries.find((e) => e.kind === 'notification' && e.completionId === entry.completionIds[0]);
      if (
        answer &&
        run.attempts.some((a) => a.end === 'crash' && a.endEntryIndex > entry.index && a.endEntryIndex <= answer.index)
      )
        cases.push('attach across a crash');
    }
    if (entry.kind === 'notification' && entry.type === 'AttachInvocation' && entry.result.kind === 'failure')
      cases.push('attach failed');
  }
  const isSleep = (id: string) => commands.get(Number(id.slice(1)))?.type === 'Sleep';
  for (const decision of run.decisions)
    if (
      ['race', 'orTimeout', 'any'].includes(decision.combinator) &&
      decision.futures.some((id) => attachIds.has(id)) &&
      decision.futures.some(isSleep)
    )
      cases.push('attach raced a sleep');
  return cases;
}
