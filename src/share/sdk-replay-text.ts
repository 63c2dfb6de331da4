// What a real-SDK replay found, in one sentence: the CLI's report (src/cli/commands/sdk-replay-report.ts) and the
// app's "Real SDK" tab (src/ui/source/SdkReplayPanel.tsx) say it the same way.
import type { SdkReplayResult } from '../model/sdk-replay';

export type SdkVerdictFacts = Pick<SdkReplayResult, 'verdict' | 'mismatch' | 'stoppedAt' | 'awaiting' | 'error'>;

export function sdkVerdictHeadline(result: SdkVerdictFacts): string {
  switch (result.verdict) {
    case 'replayed':
      return 'replayed clean';
    case 'mismatch':
      return `journal mismatch (570) at command ${result.mismatch!.commandIndex}`;
    case 'stopped':
      return `stopped before executing run '${result.stoppedAt!.run}'${result.stoppedAt!.commandIndex === null ? '' : ` (command ${result.stoppedAt!.commandIndex})`}: the journal has no result for it, and offline replay never runs side effects`;
    case 'suspended':
      return `suspended, waiting on ${awaitedIds(result.awaiting!).join(', ') || 'nothing named'}`;
    case 'failed':
      return `the handler failed during replay (${result.error!.code}): ${result.error!.message}`;
  }
}

/** `c3`, `s17`, `s:go`: completion, signal and named-signal ids as the timeline names them. */
export function awaitedIds(awaiting: NonNullable<SdkReplayResult['awaiting']>): string[] {
  return [
    ...awaiting.completions.map((c) => `c${c}`),
    ...awaiting.signals.map((s) => `s${s}`),
    ...awaiting.namedSignals.map((n) => `s:${n}`),
  ];
}
