// Service-protocol message types (the u16 in each frame's header) and how a sys_journal row's `entry_type` maps to
// them. Source: restatedev/sdk-shared-core service-protocol/dev/restate/service/protocol.proto (the `// Type:`
// comment above each message); commands are 0x0400 + n, their completions 0x8000 + n. See docs/sdk-replay.md.

export const CONTROL_TYPES = {
  Start: 0x0000,
  Suspension: 0x0001,
  Error: 0x0002,
  End: 0x0003,
  CommandAck: 0x0004,
  ProposeRunCompletion: 0x0005,
  AwaitingOn: 0x0006,
} as const;

/** Command name (as in `entry_type` "Command: <name>") → its offset from 0x0400. */
const COMMAND_OFFSETS: Record<string, number> = {
  Input: 0x00,
  Output: 0x01,
  GetLazyState: 0x02,
  SetState: 0x03,
  ClearState: 0x04,
  ClearAllState: 0x05,
  GetLazyStateKeys: 0x06,
  GetEagerState: 0x07,
  GetEagerStateKeys: 0x08,
  GetPromise: 0x09,
  PeekPromise: 0x0a,
  CompletePromise: 0x0b,
  Sleep: 0x0c,
  Call: 0x0d,
  OneWayCall: 0x0e,
  SendSignal: 0x10,
  Run: 0x11,
  AttachInvocation: 0x12,
  GetInvocationOutput: 0x13,
  CompleteAwakeable: 0x14,
};

/** Notification name (as in `entry_type` "Notification: <name>") → its offset from 0x8000. */
const NOTIFICATION_OFFSETS: Record<string, number> = {
  GetLazyState: 0x02,
  GetLazyStateKeys: 0x06,
  GetPromise: 0x09,
  PeekPromise: 0x0a,
  CompletePromise: 0x0b,
  Sleep: 0x0c,
  Call: 0x0d,
  CallInvocationId: 0x0e,
  Run: 0x11,
  AttachInvocation: 0x12,
  GetInvocationOutput: 0x13,
};

const COMMAND_BASE = 0x0400;
const NOTIFICATION_BASE = 0x8000;
export const SIGNAL_NOTIFICATION_TYPE = 0xfbff;

/** The message type of a V5+ journal row's `entry_type`, or null when it names no type we know. */
export function messageTypeOfEntryType(entryType: string): number | null {
  const match = /^(Command|Notification): (\w+)$/.exec(entryType);
  if (!match) return null;
  const [, kind, name] = match;
  if (kind === 'Command') return name in COMMAND_OFFSETS ? COMMAND_BASE + COMMAND_OFFSETS[name] : null;
  if (name === 'Signal') return SIGNAL_NOTIFICATION_TYPE;
  return name in NOTIFICATION_OFFSETS ? NOTIFICATION_BASE + NOTIFICATION_OFFSETS[name] : null;
}

/** Command name of a command message type ("Run" for 0x0411), or null for any other type. */
export function commandNameOfType(type: number): string | null {
  for (const [name, offset] of Object.entries(COMMAND_OFFSETS)) if (COMMAND_BASE + offset === type) return name;
  return null;
}

export function isCommandType(type: number): boolean {
  return type >= COMMAND_BASE && type < NOTIFICATION_BASE;
}
