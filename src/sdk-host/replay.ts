// Offline replay of a real journal by the real SDK: the journal's rows are framed as the service protocol and sent,
// in request/response mode, to the SDK's fetch endpoint handler running the user's services in this process. The
// SDK answers as it would answer Restate: a 570 ErrorMessage at the first diverging command, a SuspensionMessage,
// or Output + End. A hook stops any ctx.run closure before it executes (the replay frontier). See docs/sdk-replay.md.
import type { CommandEntry, Decision, Journal } from '../model';
import type { SdkCommandView, SdkReplayResult } from '../model/sdk-replay';
import { rawRowOf } from '../journal-reader/lazy-row';
import { decodeFrames, encodeFrames, hexToBytes, type Frame } from '../protocol/frames';
import { invocationIdBytes, restateInvocationIdBytes, restateRandomSeed } from '../model/invocation-id';
import { decodeMessage, encodeStart, type MessageObject } from '../protocol/codec';
import { commandNameOfType, CONTROL_TYPES, isCommandType, messageTypeOfEntryType } from '../protocol/message-types';
import { decisionsFromTrace } from './decisions';
import type { SdkModules } from './sdk-modules';
import { installVmTrace, withRecorder, type VmRecorder } from './vm-trace';

export type { SdkCommandView, SdkReplayResult, SdkVerdict } from '../model/sdk-replay';

export class SdkReplayInputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SdkReplayInputError';
  }
}

/** A service, object or workflow definition as `restate.service(...)` returns it. */
export interface ServiceDefinitionLike {
  name: string;
  options?: { hooks?: unknown[] } & Record<string, unknown>;
  [key: string]: unknown;
}

const CONTENT_TYPE = 'application/vnd.restate.invocation.v6';

/**
 * Taken when this module loads: the engine Worker removes `Request` from its global scope before user code runs
 * (src/ui/engine/sandbox.ts), and the replay still has to build the one request it hands the SDK in process.
 */
const RequestConstructor = globalThis.Request;

/** Row payloads of a V5+ journal, framed; the Input and every later entry, in journal order. */
export function journalFrames(journal: Journal): Frame[] {
  if (journal.version !== 2)
    throw new SdkReplayInputError(
      `journal ${journal.invocationId} has version-${journal.version} rows; replay with the SDK needs Restate 1.2+ (V5 protocol) rows`,
      'SDK_REPLAY_OLD_JOURNAL',
    );
  return journal.entries.map((entry) => {
    const row = rawRowOf(entry.raw);
    const hex = row?.raw;
    const entryType = row?.entry_type;
    if (typeof hex !== 'string' || typeof entryType !== 'string')
      throw new SdkReplayInputError(
        `entry ${entry.index} has no raw protocol bytes (export sys_journal with its raw column)`,
        'SDK_REPLAY_NO_RAW',
      );
    const type = messageTypeOfEntryType(entryType);
    const payload = hexToBytes(hex);
    if (type === null)
      throw new SdkReplayInputError(`entry ${entry.index}: unknown entry_type '${entryType}'`, 'SDK_REPLAY_ENTRY_TYPE');
    if (!payload) throw new SdkReplayInputError(`entry ${entry.index}: raw is not hex`, 'SDK_REPLAY_RAW');
    return { type, flags: 0, payload };
  });
}

/** `Service/handler` or `Object/key/handler` → its parts. */
export function parseTarget(target: string): { service: string; handler: string; key: string } {
  const parts = target.split('/');
  if (parts.length === 2) return { service: parts[0], handler: parts[1], key: '' };
  if (parts.length === 3) return { service: parts[0], key: parts[1], handler: parts[2] };
  throw new SdkReplayInputError(`target '${target}' is not Service/handler or Object/key/handler`, 'SDK_REPLAY_TARGET');
}

export async function sdkReplay(
  sdk: SdkModules,
  services: ServiceDefinitionLike[],
  journal: Journal,
  target: string,
  /** The journal's frames; default: from its `raw` rows (a simulated journal has none: src/sdk-sim/entries.ts). */
  framesOfJournal?: Frame[],
): Promise<SdkReplayResult> {
  const { service, handler, key } = parseTarget(target);
  const definition = services.find((s) => s.name === service);
  if (!definition)
    throw new SdkReplayInputError(
      `the handler module defines no service '${service}' (it has ${services.map((s) => s.name).join(', ') || 'none'})`,
      'SDK_REPLAY_SERVICE',
    );
  const frames = framesOfJournal ?? journalFrames(journal);
  let stoppedAt: SdkReplayResult['stoppedAt'] = null;
  const guard = () => ({
    interceptor: {
      run: async (name: string) => {
        stoppedAt ??= { run: name, commandIndex: null };
        throw new Error(
          `replay-inspector: stopped before executing run '${name}' (offline replay never runs side effects)`,
        );
      },
    },
  });
  const guarded = {
    ...definition,
    options: { ...definition.options, hooks: [...(definition.options?.hooks ?? []), guard] },
  };
  installVmTrace(sdk.WasmVM);
  // The SDK's own log lines (replaying…, the handler's errors) would bury the report; the result carries them.
  const endpoint = sdk.createEndpointHandler({ services: [guarded], logger: () => undefined });
  const body = replayRequestBody(journal, key, frames);
  const recorder: VmRecorder = { events: [], awakeables: 0 };
  const answer = await withRecorder(recorder, async () => {
    const response = await endpoint(
      new RequestConstructor(`http://sdk-replay.invalid/invoke/${service}/${handler}`, {
        method: 'POST',
        headers: { 'content-type': CONTENT_TYPE, accept: CONTENT_TYPE },
        body,
      }),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200)
      throw new SdkReplayInputError(
        `the SDK refused the replay (HTTP ${response.status}): ${new TextDecoder().decode(bytes)}`,
        'SDK_REPLAY_REFUSED',
      );
    return decodeFrames(bytes);
  });
  return interpretAnswer(answer, journal, target, sdk.version, stoppedAt, decisionsFromTrace(recorder.events, journal));
}

export const REPLAY_CONTENT_TYPE = CONTENT_TYPE;

/** The request body of a replay: a StartMessage announcing every row, then every row framed. */
export function replayRequestBody(
  journal: Journal,
  key: string,
  frames: Frame[] = journalFrames(journal),
): Uint8Array<ArrayBuffer> {
  // A Restate id gives the StartMessage the server sent (raw id bytes, the seed of ctx.rand); any other id (a
  // simulated run's) is opaque to the SDK: its text bytes, seed 0.
  const restateId = restateInvocationIdBytes(journal.invocationId);
  const start = encodeStart({
    id: invocationIdBytes(journal.invocationId),
    ...(restateId ? { randomSeed: restateRandomSeed(restateId) } : {}),
    debugId: journal.invocationId,
    knownEntries: frames.length,
    key,
  });
  return encodeFrames([{ type: CONTROL_TYPES.Start, flags: 0, payload: start }, ...frames]);
}

/** What the SDK's answer says: mismatch, suspension, error, or a clean replay (plus the commands it added). */
export function interpretAnswer(
  answer: Frame[],
  journal: Journal,
  target: string,
  sdkVersion: string,
  stoppedAt: SdkReplayResult['stoppedAt'],
  decisions: Decision[],
): SdkReplayResult {
  const commandsInJournal = journal.entries.filter((e) => e.kind === 'command').length;
  const result: SdkReplayResult = {
    verdict: 'replayed',
    target,
    sdkVersion,
    mismatch: null,
    stoppedAt,
    awaiting: null,
    error: null,
    newCommands: [],
    decisions,
  };
  let commandIndex = commandsInJournal;
  for (const frame of answer) {
    const message = decodeMessage(frame.type, frame.payload);
    if (isCommandType(frame.type)) {
      const type = commandNameOfType(frame.type) ?? `0x${frame.type.toString(16)}`;
      result.newCommands.push({
        commandIndex,
        type,
        name: String(message?.name ?? message?.entry_name ?? ''),
        fields: readable(message ?? {}),
      });
      commandIndex++;
    } else if (frame.type === CONTROL_TYPES.Error && message) {
      const code = Number(message.code ?? 0);
      const text = String(message.message ?? '');
      if (code === 570) {
        const at = Number(message.related_command_index ?? commandsInJournal);
        const relatedType =
          message.related_command_type === undefined
            ? null
            : (commandNameOfType(Number(message.related_command_type)) ?? String(message.related_command_type));
        result.mismatch = {
          commandIndex: at,
          expected: recordedCommand(journal, at),
          actual: {
            type: relatedType,
            name: message.related_command_name === undefined ? null : String(message.related_command_name),
          },
          message: text,
        };
      } else if (!stoppedAt) result.error = { code, message: text };
    } else if (frame.type === CONTROL_TYPES.Suspension && message) {
      const future = (message.awaiting_on ?? {}) as MessageObject;
      result.awaiting = {
        completions: numbers(message.waiting_completions ?? future.waiting_completions),
        signals: numbers(message.waiting_signals ?? future.waiting_signals),
        namedSignals: ((message.waiting_named_signals ?? future.waiting_named_signals ?? []) as unknown[]).map(String),
      };
    }
  }
  if (stoppedAt) {
    const lastRun = [...result.newCommands].reverse().find((c) => c.type === 'Run' && c.name === stoppedAt!.run);
    stoppedAt.commandIndex = lastRun?.commandIndex ?? openRunInJournal(journal, stoppedAt.run);
  }
  result.verdict = result.mismatch
    ? 'mismatch'
    : stoppedAt
      ? 'stopped'
      : result.error
        ? 'failed'
        : result.awaiting
          ? 'suspended'
          : 'replayed';
  return result;
}

/** The journal's Run commands whose result the journal lacks (in flight when it was exported), in order. */
export function runsWithoutResult(journal: Journal): CommandEntry[] {
  const completed = new Set<number>();
  for (const e of journal.entries)
    if (e.kind === 'notification' && e.completionId !== undefined) completed.add(e.completionId);
  return journal.entries.filter(
    (e): e is CommandEntry =>
      e.kind === 'command' && e.type === 'Run' && e.completionIds.some((id) => !completed.has(id)),
  );
}

/** Command index of the in-flight run named `name`, or null. */
function openRunInJournal(journal: Journal, name: string): number | null {
  return runsWithoutResult(journal).find((run) => run.name === name)?.commandIndex ?? null;
}

function recordedCommand(journal: Journal, commandIndex: number): SdkCommandView | null {
  const entry = journal.entries.find((e) => e.kind === 'command' && e.commandIndex === commandIndex);
  if (!entry || entry.kind !== 'command') return null;
  const row = rawRowOf(entry.raw);
  const type = typeof row?.entry_type === 'string' ? messageTypeOfEntryType(row.entry_type) : null;
  const payload = typeof row?.raw === 'string' ? hexToBytes(row.raw) : null;
  const fields = type !== null && payload ? readable(decodeMessage(type, payload) ?? {}) : {};
  return { commandIndex, type: entry.type, name: entry.name, fields };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : [];
}

/** Message fields for display: bytes as UTF-8 text when they decode, hex otherwise; nested messages the same. */
function readable(message: MessageObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(message)) out[field] = readableValue(value);
  return out;
}

function readableValue(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(value);
    } catch {
      return [...value].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
  }
  if (Array.isArray(value)) return value.map(readableValue);
  if (typeof value === 'object' && value !== null) return readable(value as MessageObject);
  return value;
}
