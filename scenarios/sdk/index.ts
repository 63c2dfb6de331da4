// The built-in examples written as real Restate SDK code (issue 14), each beside the scenario of our API it
// mirrors (same name, input, world and defaults). Not here: wait-completed-cancel and as-completed-pipeline, whose
// Python-SDK combinators (waitCompleted, asCompleted) the TypeScript SDK does not have.
import type { Scenario } from '../../src/sim';
import type { SdkScenario } from '../../src/sdk-sim';
import fanOut from '../fan-out';
import llmRace from '../llm-race';
import timeoutRace from '../timeout-race';
import orTimeout from '../or-timeout';
import gatherBatch from '../gather-batch';
import allFailFast from '../all-fail-fast';
import anyFallbacks from '../any-fallbacks';
import allSettledReport from '../all-settled-report';
import crashAndReplay from '../crash-and-replay';
import transientRetries from '../transient-retries';
import runRetryExhausted from '../run-retry-exhausted';
import handlerTransientError from '../handler-transient-error';
import awakeableApproval from '../awakeable-approval';
import promiseApproval from '../promise-approval';
import cancelFromOutside from '../cancel-from-outside';
import journalMismatch from '../journal-mismatch';
import journalMismatchChanged from '../journal-mismatch-changed';
import fanOutSdk from './fan-out';
import llmRaceSdk from './llm-race';
import timeoutRaceSdk from './timeout-race';
import orTimeoutSdk from './or-timeout';
import gatherBatchSdk from './gather-batch';
import allFailFastSdk from './all-fail-fast';
import anyFallbacksSdk from './any-fallbacks';
import allSettledReportSdk from './all-settled-report';
import crashAndReplaySdk from './crash-and-replay';
import transientRetriesSdk from './transient-retries';
import runRetryExhaustedSdk from './run-retry-exhausted';
import handlerTransientErrorSdk from './handler-transient-error';
import awakeableApprovalSdk from './awakeable-approval';
import promiseApprovalSdk from './promise-approval';
import cancelFromOutsideSdk from './cancel-from-outside';
import journalMismatchSdk from './journal-mismatch';
import journalMismatchChangedSdk from './journal-mismatch-changed';

export const sdkTwins: { ours: Scenario; sdk: SdkScenario }[] = [
  { ours: fanOut, sdk: fanOutSdk },
  { ours: llmRace, sdk: llmRaceSdk },
  { ours: timeoutRace, sdk: timeoutRaceSdk },
  { ours: orTimeout, sdk: orTimeoutSdk },
  { ours: gatherBatch, sdk: gatherBatchSdk },
  { ours: allFailFast, sdk: allFailFastSdk },
  { ours: anyFallbacks, sdk: anyFallbacksSdk },
  { ours: allSettledReport, sdk: allSettledReportSdk },
  { ours: crashAndReplay, sdk: crashAndReplaySdk },
  { ours: transientRetries, sdk: transientRetriesSdk },
  { ours: runRetryExhausted, sdk: runRetryExhaustedSdk },
  { ours: handlerTransientError, sdk: handlerTransientErrorSdk },
  { ours: awakeableApproval, sdk: awakeableApprovalSdk },
  { ours: promiseApproval, sdk: promiseApprovalSdk },
  { ours: cancelFromOutside, sdk: cancelFromOutsideSdk },
  { ours: journalMismatch, sdk: journalMismatchSdk },
  { ours: journalMismatchChanged, sdk: journalMismatchChangedSdk },
];
