// Compares two runs aligned by command index (not wall time): the journals' commands, the order in which their
// futures completed, and the combinator decisions. Pure: used by the compare view and the CLI.
import type { CommandEntry, Decision, Entry, Journal, Mismatch } from '../model';
import { notificationFutureId } from '../model/future-ids';

export interface ComparableRun {
  label: string;
  journal: Journal;
  /** Decisions when known (simulated or replayed runs); real journals alone have none. */
  decisions?: Decision[];
  /** Set when this run is a replay that stopped on a journal mismatch (570): the code no longer matches the journal. */
  mismatch?: Mismatch | null;
}

export type DifferenceKind = 'command' | 'completion-order' | 'decision' | 'outcome' | 'replay-mismatch';

export interface Difference {
  kind: DifferenceKind;
  /** Command index for 'command'; position in completion order or decision list otherwise. */
  position: number;
  /** Journal index in each run where the difference shows (null when that run has nothing there). */
  entryIndexA: number | null;
  entryIndexB: number | null;
  a: string;
  b: string;
  message: string;
}

export interface CommandPair {
  commandIndex: number;
  a: CommandEntry | null;
  b: CommandEntry | null;
  same: boolean;
}

export interface RunComparison {
  pairs: CommandPair[];
  differences: Difference[];
  /** The earliest difference in journal order of run A (then B), or null when the runs agree. */
  firstDivergence: Difference | null;
}

const differencesMax = 10_000;

export function describeCommand(command: CommandEntry | null): string {
  if (!command) return '(none)';
  const target = command.target ? ` ${command.target.service}/${command.target.handler}` : '';
  return `${command.type}${command.name ? ` "${command.name}"` : ''}${target}`;
}

/** The identity replay compares (facts §3: type and name; sleeps compare only the name; calls also their target). */
function sameCommand(a: CommandEntry, b: CommandEntry): boolean {
  if (a.type !== b.type || a.name !== b.name) return false;
  if (a.target || b.target) return a.target?.service === b.target?.service && a.target?.handler === b.target?.handler;
  return true;
}

function commands(journal: Journal): CommandEntry[] {
  return journal.entries.filter((e): e is CommandEntry => e.kind === 'command');
}

/** Future id completed by each notification, in journal order, with the notification's journal index. */
export function completionSequence(journal: Journal): { id: string; entryIndex: number }[] {
  const out: { id: string; entryIndex: number }[] = [];
  for (const entry of journal.entries as Entry[]) {
    if (entry.kind !== 'notification') continue;
    const id = notificationFutureId(entry) ?? 's:?';
    out.push({ id, entryIndex: entry.index });
  }
  return out;
}

export function describeDecision(d: Decision | undefined): string {
  if (!d) return '(none)';
  const winner = d.winner ? ` → ${d.key ? `${d.key} ` : ''}${d.winner}` : '';
  return `${d.combinator}(${d.futures.join(', ')})${winner}; completed [${d.completed.join(', ')}]`;
}

function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.combinator === b.combinator &&
    a.winner === b.winner &&
    a.key === b.key &&
    a.outcome === b.outcome &&
    a.futures.join() === b.futures.join() &&
    a.completed.join() === b.completed.join()
  );
}

/** Decisions of the final attempt only: earlier attempts' decisions are re-made by the last one (replay). */
function finalDecisions(decisions: Decision[] | undefined): Decision[] | null {
  if (!decisions) return null;
  const last = decisions.reduce((m, d) => Math.max(m, d.attempt), 0);
  return decisions.filter((d) => d.attempt === last);
}

function outcomeOf(journal: Journal): string {
  const output = commands(journal).find((c) => c.type === 'Output');
  if (!output?.result) return journal.status ?? 'no output';
  const r = output.result;
  if (r.kind === 'failure') return `failure ${r.failure.code}: ${r.failure.message}`;
  if (r.kind === 'success') return `success ${r.payload?.text ?? ''}`.trim();
  return r.kind;
}

export function compareRuns(a: ComparableRun, b: ComparableRun): RunComparison {
  const differences: Difference[] = [];
  const push = (d: Difference) => void (differences.length < differencesMax && differences.push(d));

  const ca = commands(a.journal);
  const cb = commands(b.journal);
  const pairs: CommandPair[] = [];
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i] ?? null;
    const y = cb[i] ?? null;
    const same = !!x && !!y && sameCommand(x, y);
    pairs.push({ commandIndex: i, a: x, b: y, same });
    if (!same) {
      push({
        kind: 'command',
        position: i,
        entryIndexA: x?.index ?? null,
        entryIndexB: y?.index ?? null,
        a: describeCommand(x),
        b: describeCommand(y),
        message: `command ${i}: ${a.label} has ${describeCommand(x)}, ${b.label} has ${describeCommand(y)}`,
      });
    }
  }

  const sa = completionSequence(a.journal);
  const sb = completionSequence(b.journal);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    if (sa[i]?.id === sb[i]?.id) continue;
    push({
      kind: 'completion-order',
      position: i,
      entryIndexA: sa[i]?.entryIndex ?? null,
      entryIndexB: sb[i]?.entryIndex ?? null,
      a: sa[i]?.id ?? '(none)',
      b: sb[i]?.id ?? '(none)',
      message: `completion #${i + 1}: ${a.label} completed ${sa[i]?.id ?? 'nothing'}, ${b.label} completed ${sb[i]?.id ?? 'nothing'}`,
    });
  }

  const da = finalDecisions(a.decisions);
  const db = finalDecisions(b.decisions);
  if (da && db) {
    for (let i = 0; i < Math.max(da.length, db.length); i++) {
      if (da[i] && db[i] && sameDecision(da[i], db[i])) continue;
      push({
        kind: 'decision',
        position: i,
        entryIndexA: da[i]?.entryIndex ?? null,
        entryIndexB: db[i]?.entryIndex ?? null,
        a: describeDecision(da[i]),
        b: describeDecision(db[i]),
        message: `decision #${i + 1}: ${a.label} ${describeDecision(da[i])}; ${b.label} ${describeDecision(db[i])}`,
      });
    }
  }

  for (const [run, side] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    const m = run.mismatch;
    if (!m) continue;
    const entryIndex = commands(run.journal)[m.commandIndex]?.index ?? null;
    push({
      kind: 'replay-mismatch',
      position: m.commandIndex,
      entryIndexA: side === 'a' ? entryIndex : null,
      entryIndexB: side === 'b' ? entryIndex : null,
      a: side === 'a' ? m.actual : m.expected,
      b: side === 'b' ? m.actual : m.expected,
      message: `command ${m.commandIndex}: ${run.label} stopped with journal mismatch ${m.code}: ${m.message}`,
    });
  }

  const oa = outcomeOf(a.journal);
  const ob = outcomeOf(b.journal);
  if (oa !== ob) {
    push({
      kind: 'outcome',
      position: 0,
      entryIndexA: a.journal.entries.length - 1,
      entryIndexB: b.journal.entries.length - 1,
      a: oa,
      b: ob,
      message: `outcome: ${a.label} ${oa}; ${b.label} ${ob}`,
    });
  }

  // Listed in journal order (stable: at the same entry, commands before completions before decisions), so the list
  // reads like the runs themselves and its first item is the first divergence.
  const order = (d: Difference) => Math.min(d.entryIndexA ?? Infinity, d.entryIndexB ?? Infinity);
  differences.sort((x, y) => (order(x) === order(y) ? 0 : order(x) < order(y) ? -1 : 1));
  const firstDivergence = differences[0] ?? null;
  return { pairs, differences, firstDivergence };
}
