// The scenarios run against the real server, shared by the integration test and scripts/capture-fixtures.ts:
// which handler, which input, what to do from outside while it runs, and the status it must end in.
import type { RestateServer, ServiceProcess } from './restate';
import {
  awakeableIds,
  call,
  cancel,
  resolveAwakeable,
  resumeInvocation,
  send,
  setCodeVersion,
  waitForCommands,
  waitForEntries,
  waitForEvents,
  waitForStatus,
  type InvocationStatus,
} from './admin';

export interface CaseContext {
  server: RestateServer;
  service: ServiceProcess;
  invocationId: string;
}

export interface RealCase {
  /** Folder name under test/fixtures/restate-1.7.12/. */
  name: string;
  target: string;
  input: unknown;
  /** What the handler does and what its journal must show (also written to the fixture's case.json). */
  description: string;
  finalStatus: InvocationStatus;
  /** Runs before the invocation is sent (e.g. seeds state). */
  prepare?: (server: RestateServer) => Promise<void>;
  /** Acts on the running invocation from outside (resolve awakeables, cancel). */
  drive?: (context: CaseContext) => Promise<void>;
}

export const RETRY_FAILURES = 3;
export const FANOUT_RUNS_SMALL = 20;
export const FANOUT_RUNS_LARGE = 3500;
/** Checkout/order's handler retry policy (test/restate-service/mismatch-service.ts): attempts before it pauses. */
export const MISMATCH_MAX_ATTEMPTS = 3;

export const realCases: RealCase[] = [
  {
    name: 'race-timeout',
    target: 'Lab/raceTimeout',
    input: null,
    description:
      'race(run slow-fetch of 1.5 s, sleep 100 ms): the Sleep notification (c2) precedes the Run notification (c1); then the run is awaited too.',
    finalStatus: 'completed',
  },
  {
    name: 'or-timeout',
    target: 'Lab/orTimeout',
    input: null,
    description:
      'call Worker/slow(2000).orTimeout(100): Sleep c3 completes, the Call result c2 never arrives; the invocation fails with TimeoutError (408).',
    finalStatus: 'completed',
  },
  {
    name: 'all-calls',
    target: 'Lab/all',
    input: null,
    description:
      'all(Worker/slow 1100, 100, 600 ms): CallInvocationId c1, c3, c5 at once; Call results in order c4 (100), c6 (600), c2 (1100).',
    finalStatus: 'completed',
  },
  {
    name: 'any-first-success',
    target: 'Lab/any',
    input: null,
    description:
      'any(run fails-fast terminal, Worker/slow 2000, Worker/slow 50): Run c1 fails first, then c5 (50 ms) succeeds and wins.',
    finalStatus: 'completed',
  },
  {
    name: 'all-settled',
    target: 'Lab/allSettled',
    input: null,
    description:
      'allSettled(Worker/slow 100, run boom terminal 400, sleep 50): everything settles, no fail-fast; outcome success.',
    finalStatus: 'completed',
  },
  {
    name: 'run-retry',
    target: 'Lab/retry',
    input: { failures: RETRY_FAILURES },
    description: `run flaky throws a plain Error on its first ${RETRY_FAILURES} attempts ("transient 1".."transient ${RETRY_FAILURES}"): ${RETRY_FAILURES} TransientError events, then the Run succeeds.`,
    finalStatus: 'completed',
  },
  {
    name: 'run-retry-exhausted',
    target: 'Lab/retryExhausted',
    input: null,
    description:
      'run hopeless always throws a plain Error, maxRetryAttempts 3: transient errors, then the Run completes with a terminal failure and the invocation fails.',
    finalStatus: 'completed',
  },
  {
    name: 'terminal-failure',
    target: 'Lab/terminal',
    input: null,
    description:
      'run doomed throws TerminalError 422: the Run notification is a Failure {code 422}; the invocation fails with it.',
    finalStatus: 'completed',
  },
  {
    name: 'awakeables',
    target: 'Lab/awakeables',
    input: null,
    description: 'all(awakeable s17, awakeable s18), resolved from outside: s18 ("second") first, then s17 ("first").',
    finalStatus: 'completed',
    drive: async ({ server, service, invocationId }) => {
      const [first, second] = await awakeableIds(service.controlUrl, invocationId);
      await resolveAwakeable(server.ingressUrl, second, 'second');
      await waitForEntries(server.adminUrl, invocationId, 2); // Input + the s18 notification
      await resolveAwakeable(server.ingressUrl, first, 'first');
    },
  },
  {
    name: 'suspended',
    target: 'Lab/suspend',
    input: null,
    description:
      'race(awakeable s17, all(awakeable s18, sleep 1 h)) never completes: status suspended, awaiting c1, s1 (cancel), s17, s18.',
    finalStatus: 'suspended',
  },
  {
    name: 'cancelled',
    target: 'Lab/cancelMe',
    input: null,
    description:
      'awaits Worker/slow(60000); cancelled from outside: Signal s1 (CANCEL), SendSignal cancel to the callee, Output failure 409.',
    finalStatus: 'completed',
    drive: async ({ server, invocationId }) => {
      await waitForCommands(server.adminUrl, invocationId, 2); // Input + Call
      await cancel(server.adminUrl, invocationId);
    },
  },
  {
    name: 'send-attach',
    target: 'Extras/sendAndAttach',
    input: null,
    description:
      'OneWayCall to Worker/slow(50) (CallInvocationId c1), then AttachInvocation c2 on the callee: success 50.',
    finalStatus: 'completed',
  },
  {
    name: 'named-signal',
    target: 'Extras/namedSignal',
    input: null,
    description:
      'awaits the named signal "go", sent by another invocation (Extras/sendSignal, a SendSignal command): a named Signal notification.',
    finalStatus: 'completed',
    drive: async ({ server, invocationId }) => {
      await call(server.ingressUrl, 'Extras/sendSignal', { target: invocationId, name: 'go', value: 'went' });
    },
  },
  {
    name: 'self-signal',
    target: 'Extras/selfSignal',
    input: null,
    description:
      'sends the named signal "self" to itself (SendSignal command with a name), then awaits it: a named Signal notification.',
    finalStatus: 'completed',
  },
  {
    name: 'paused',
    target: 'Extras/paused',
    input: null,
    description:
      'the handler throws a plain Error; handler retry policy maxAttempts 2, onMaxAttempts pause: status paused after 2 transient errors.',
    finalStatus: 'paused',
  },
  {
    name: 'lazy-state',
    target: 'Counter/c1/bump',
    input: null,
    description:
      'virtual object with lazy state, second bump of key c1: GetLazyState c1 (success 1), SetState, GetLazyStateKeys c2 (state-keys).',
    finalStatus: 'completed',
    prepare: async (server) => {
      await call(server.ingressUrl, 'Counter/c1/bump');
    },
  },
  {
    name: 'durable-promise',
    target: 'Approval/wf-1/run',
    input: null,
    description:
      'workflow run: PeekPromise "approval" (void: not yet), GetPromise "approval" completed by the shared handler approve("yes").',
    finalStatus: 'completed',
    drive: async ({ server, invocationId }) => {
      await waitForCommands(server.adminUrl, invocationId, 3); // Input, PeekPromise, GetPromise
      await call(server.ingressUrl, 'Approval/wf-1/approve', 'yes');
    },
  },
  {
    name: 'journal-mismatch',
    target: 'Checkout/order',
    input: null,
    description:
      'code changed under an in-flight invocation: v1 ran run charge (c1) and suspended on an awakeable (s17); the code was flipped to v2 ' +
      '(run fraud-check first) and the awakeable resolved; the replay with v2 fails with journal mismatch 570 (RT0016) at command index 1, ' +
      `${MISMATCH_MAX_ATTEMPTS} attempts (one deduplicated TransientError), then Paused; nothing is journaled after the mismatch.`,
    finalStatus: 'paused',
    drive: (context) => deployV2UnderSuspendedOrder(context),
  },
  {
    name: 'journal-mismatch-type',
    target: 'Checkout/orderHold',
    input: null,
    description:
      'code changed under an in-flight invocation, command TYPE changed: v1 ran run charge (c1) and suspended on an awakeable (s17); the code ' +
      "was flipped to v2 (sleep 50 ms 'cool-off' first) and the awakeable resolved; the replay with v2 fails with journal mismatch 570 " +
      `(RT0016) at command index 1, ${MISMATCH_MAX_ATTEMPTS} attempts (one deduplicated TransientError), then Paused; nothing is journaled after the mismatch. ` +
      "The server's TransientError: related_command_index 1, related_command_type Sleep, related_command_name cool-off (the new code's command), " +
      'error_message "Found a mismatch between the code paths taken during the previous execution and the paths taken during this execution.\n' +
      "This typically happens when some parts of the code are non-deterministic.\n - The previous execution ran and recorded the following: 'sleep' " +
      "(index '1')\n - The current execution attempts to perform the following: 'run'\" (labels swapped: the journal holds the Run at index 1).",
    finalStatus: 'paused',
    drive: (context) => deployV2UnderSuspendedOrder(context, 'orderHold'),
  },
  {
    name: 'journal-mismatch-insert',
    target: 'Checkout/stepsInsert',
    input: null,
    description:
      'code changed under an in-flight invocation, a run INSERTED: v1 ran run reserve (c1) and run charge (c2) and suspended on an awakeable; ' +
      'v2 (run audit between them) was deployed and the awakeable resolved; the replay with v2 fails with journal mismatch 570 at command ' +
      `index 2 (the journal's run charge, the new code's run audit), ${MISMATCH_MAX_ATTEMPTS} attempts, then Paused.`,
    finalStatus: 'paused',
    drive: (context) => deployV2UnderSuspendedOrder(context, 'stepsInsert'),
  },
  {
    name: 'journal-mismatch-await',
    target: 'Checkout/stepsAwait',
    input: null,
    description:
      "code changed under an in-flight invocation, an AWAIT added (of a new 10 ms timer 'settle') between run reserve and run charge; the " +
      `replay with v2 fails with journal mismatch 570 at command index 2 (a Sleep where the journal has a Run), ${MISMATCH_MAX_ATTEMPTS} attempts, then Paused.`,
    finalStatus: 'paused',
    drive: (context) => deployV2UnderSuspendedOrder(context, 'stepsAwait'),
  },
  {
    name: 'fanout-small',
    target: 'Lab/fanout',
    input: { runs: FANOUT_RUNS_SMALL },
    description: `${FANOUT_RUNS_SMALL} runs r0..r${FANOUT_RUNS_SMALL - 1}, raced pairwise, then all awaited: ${2 * FANOUT_RUNS_SMALL + 2} entries.`,
    finalStatus: 'completed',
  },
];

/** The ~7,000-entry journal of the bench (issue 6): captured as a fixture, not run by the integration test. */
export const largeFanoutCase: RealCase = {
  name: 'fanout-7000',
  target: 'Lab/fanout',
  input: { runs: FANOUT_RUNS_LARGE },
  description: `${FANOUT_RUNS_LARGE} runs raced pairwise, then all awaited: ${2 * FANOUT_RUNS_LARGE + 2} entries.`,
  finalStatus: 'completed',
};

/**
 * Checkout/<handler> (v1) suspended on its awakeable; v2 of that handler "deployed" (the side channel's code version,
 * per handler, so the two mismatch cases can run at once); awakeable resolved.
 */
async function deployV2UnderSuspendedOrder(
  { server, service, invocationId }: CaseContext,
  handler = 'order',
): Promise<void> {
  const [approval] = await awakeableIds(service.controlUrl, invocationId); // published after run charge completed
  await waitForStatus(server.adminUrl, invocationId, 'suspended');
  await setCodeVersion(service.controlUrl, 2, handler);
  await resolveAwakeable(server.ingressUrl, approval, 'approved');
}

/**
 * The journal-mismatch story continued (captured in journal-mismatch/resumed): paused by the mismatch, resumed with v2
 * still deployed (pauses again), then v1 rolled back and resumed: it completes. Run it with `runMismatchResumed`.
 */
export const mismatchResumedCase: RealCase = {
  name: 'journal-mismatch/resumed',
  target: 'Checkout/order',
  input: null,
  description:
    `as journal-mismatch (paused after ${MISMATCH_MAX_ATTEMPTS} attempts of v2), then resumed with v2 still deployed: ${MISMATCH_MAX_ATTEMPTS} more ` +
    'attempts, a second TransientError 570 and a second Paused; then v1 rolled back and resumed: the replay matches, Run ship and ' +
    'the Output are journaled after the signal, status completed (the events stay).',
  finalStatus: 'completed',
  drive: async (context) => {
    const { server, service, invocationId } = context;
    await deployV2UnderSuspendedOrder(context);
    await waitForStatus(server.adminUrl, invocationId, 'paused');
    await resumeInvocation(server.adminUrl, invocationId);
    await waitForEvents(server.adminUrl, invocationId, 'Paused', 2); // the status is paused before and after: count events
    await setCodeVersion(service.controlUrl, 1, 'order');
    await resumeInvocation(server.adminUrl, invocationId);
  },
};

/**
 * Runs mismatchResumedCase alone: the code version is one value for the whole service process, so no other
 * Checkout/order may be running (call it after runCases). Sets v1 before sending. Returns the invocation id.
 */
export async function runMismatchResumed(server: RestateServer, service: ServiceProcess): Promise<string> {
  await setCodeVersion(service.controlUrl, 1);
  const ids = await runCases(server, service, [mismatchResumedCase]);
  return ids.get(mismatchResumedCase.name)!;
}

/** Starts every case at once, drives them, and waits for each final status. Returns the invocation ids by case name. */
export async function runCases(
  server: RestateServer,
  service: ServiceProcess,
  cases: RealCase[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of cases) {
    await c.prepare?.(server);
    ids.set(c.name, await send(server.ingressUrl, c.target, c.input));
  }
  await Promise.all(
    cases.map(async (c) => {
      const invocationId = ids.get(c.name)!;
      try {
        await c.drive?.({ server, service, invocationId });
        await waitForStatus(server.adminUrl, invocationId, c.finalStatus);
      } catch (error) {
        throw new Error(`case ${c.name} (${invocationId}): ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  return ids;
}
