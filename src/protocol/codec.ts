// Encode and decode service-protocol messages with protobufjs over the schema in ./schema.ts.
import protobuf from 'protobufjs';
import { commandNameOfType, CONTROL_TYPES } from './message-types';
import { SERVICE_PROTOCOL_PROTO } from './schema';

let root: protobuf.Root | null = null;

function lookup(name: string): protobuf.Type {
  root ??= protobuf.parse(SERVICE_PROTOCOL_PROTO, { keepCase: true }).root;
  return root.lookupType(`dev.restate.service.protocol.${name}`);
}

/**
 * Builds every message type's encoder and decoder now. protobufjs generates them with `new Function` on first use;
 * the engine Worker calls this before it locks itself down (no `Function` after that, src/ui/engine/sandbox.ts).
 */
let prepared = false;

export function prepareCodec(): void {
  if (prepared) return;
  prepared = true;
  lookup('StartMessage');
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) {
        nested.setup();
        // The message constructor is generated on first access too (protobufjs src/type.js, `ctor`).
        void nested.ctor;
      }
      if (nested instanceof protobuf.Namespace) visit(nested);
    }
  };
  visit(root!);
}

export interface StartFields {
  /** Invocation id bytes: a Restate id's raw 24 bytes (src/model/invocation-id.ts); awakeable ids are made from them. */
  id: Uint8Array;
  debugId: string;
  knownEntries: number;
  key: string;
  randomSeed?: bigint | number;
  /** The server's retry count since the last stored entry (the SDK counts run retries from it). */
  retryCountSinceLastStoredEntry?: number;
}

export function encodeStart(start: StartFields): Uint8Array {
  const type = lookup('StartMessage');
  const message = type.fromObject({
    id: start.id,
    debug_id: start.debugId,
    known_entries: start.knownEntries,
    state_map: [],
    partial_state: true,
    key: start.key,
    random_seed: start.randomSeed === undefined ? 0 : String(start.randomSeed),
    retry_count_since_last_stored_entry: start.retryCountSinceLastStoredEntry ?? 0,
  });
  return type.encode(message).finish();
}

/** A decoded message as plain data: bytes stay Uint8Array, 64-bit numbers become decimal strings. */
export type MessageObject = Record<string, unknown>;

const CONTROL_NAMES: Record<number, string> = {
  [CONTROL_TYPES.Start]: 'StartMessage',
  [CONTROL_TYPES.Suspension]: 'SuspensionMessage',
  [CONTROL_TYPES.Error]: 'ErrorMessage',
  [CONTROL_TYPES.End]: 'EndMessage',
  [CONTROL_TYPES.ProposeRunCompletion]: 'ProposeRunCompletionMessage',
};

/** The schema message name of a frame type we can decode, or null. */
export function messageNameOfType(type: number): string | null {
  if (type in CONTROL_NAMES) return CONTROL_NAMES[type];
  const command = commandNameOfType(type);
  return command ? `${command}CommandMessage` : null;
}

/** Decodes a frame's payload; null when the type is not in our schema (it is then reported by type number). */
export function decodeMessage(type: number, payload: Uint8Array): MessageObject | null {
  const name = messageNameOfType(type);
  if (!name) return null;
  const messageType = lookup(name);
  return messageType.toObject(messageType.decode(payload), {
    longs: String,
    defaults: false,
    oneofs: false,
  }) as MessageObject;
}

/** Encodes a message of our schema by name (e.g. 'NotificationTemplate'), from plain data as `decodeMessage` gives. */
export function encodeMessage(name: string, object: MessageObject): Uint8Array {
  const type = lookup(name);
  return type.encode(type.fromObject(object)).finish();
}
