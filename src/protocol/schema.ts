// The part of the Restate service protocol (V5–V6) that an offline replay writes and reads, as proto3 text parsed
// by protobufjs at first use. Field numbers and names follow restatedev/sdk-shared-core
// service-protocol/dev/restate/service/protocol.proto; only the messages replay needs are declared. The legacy
// SuspensionMessage fields 1–3 (V5/V6) sit beside V7's awaiting_on so either version decodes.
export const SERVICE_PROTOCOL_PROTO = `
syntax = "proto3";
package dev.restate.service.protocol;

message StartMessage {
  message StateEntry { bytes key = 1; bytes value = 2; }
  bytes id = 1;
  string debug_id = 2;
  uint32 known_entries = 3;
  repeated StateEntry state_map = 4;
  bool partial_state = 5;
  string key = 6;
  uint32 retry_count_since_last_stored_entry = 7;
  uint64 duration_since_last_stored_entry = 8;
  uint64 random_seed = 9;
}

message Future {
  repeated uint32 waiting_completions = 1;
  repeated uint32 waiting_signals = 2;
  repeated string waiting_named_signals = 3;
  repeated Future nested_futures = 4;
  uint32 combinator_type = 5;
}

message SuspensionMessage {
  repeated uint32 waiting_completions = 1;
  repeated uint32 waiting_signals = 2;
  repeated string waiting_named_signals = 3;
  Future awaiting_on = 4;
}

message ErrorMessage {
  uint32 code = 1;
  string message = 2;
  string stacktrace = 3;
  optional uint32 related_command_index = 4;
  optional string related_command_name = 5;
  optional uint32 related_command_type = 6;
  optional uint64 next_retry_delay = 8;
}

message EndMessage {}

message ProposeRunCompletionMessage {
  uint32 result_completion_id = 1;
  oneof result { bytes value = 14; Failure failure = 15; }
}

message Value { bytes content = 1; }
message Void {}
message Header { string key = 1; string value = 2; }
message FailureMetadata { string key = 1; string value = 2; }
message Failure { uint32 code = 1; string message = 2; repeated FailureMetadata metadata = 3; }

message InputCommandMessage { repeated Header headers = 1; Value value = 14; string name = 12; }
message OutputCommandMessage { oneof result { Value value = 14; Failure failure = 15; } string name = 12; }
message GetLazyStateCommandMessage { bytes key = 1; uint32 result_completion_id = 11; string name = 12; }
message SetStateCommandMessage { bytes key = 1; Value value = 3; string name = 12; }
message ClearStateCommandMessage { bytes key = 1; string name = 12; }
message ClearAllStateCommandMessage { string name = 12; }
message GetLazyStateKeysCommandMessage { uint32 result_completion_id = 11; string name = 12; }
message GetPromiseCommandMessage { string key = 1; uint32 result_completion_id = 11; string name = 12; }
message PeekPromiseCommandMessage { string key = 1; uint32 result_completion_id = 11; string name = 12; }
message CompletePromiseCommandMessage {
  string key = 1;
  oneof completion { Value completion_value = 2; Failure completion_failure = 3; }
  uint32 result_completion_id = 11;
  string name = 12;
}
message SleepCommandMessage { uint64 wake_up_time = 1; uint32 result_completion_id = 11; string name = 12; }
message CallCommandMessage {
  string service_name = 1;
  string handler_name = 2;
  bytes parameter = 3;
  repeated Header headers = 4;
  string key = 5;
  optional string idempotency_key = 6;
  uint32 invocation_id_notification_idx = 10;
  uint32 result_completion_id = 11;
  string name = 12;
}
message OneWayCallCommandMessage {
  string service_name = 1;
  string handler_name = 2;
  bytes parameter = 3;
  uint64 invoke_time = 4;
  repeated Header headers = 5;
  string key = 6;
  optional string idempotency_key = 7;
  uint32 invocation_id_notification_idx = 10;
  string name = 12;
}
message SendSignalCommandMessage {
  string target_invocation_id = 1;
  oneof signal_id { uint32 idx = 2; string signal_name = 3; }
  oneof result { Void void = 4; Value value = 5; Failure failure = 6; }
  string entry_name = 12;
}
message RunCommandMessage { uint32 result_completion_id = 11; string name = 12; }
message AttachInvocationCommandMessage { string invocation_id = 1; uint32 result_completion_id = 11; string name = 12; }
message GetInvocationOutputCommandMessage { string invocation_id = 1; uint32 result_completion_id = 11; string name = 12; }
message CompleteAwakeableCommandMessage {
  string awakeable_id = 1;
  oneof result { Value value = 2; Failure failure = 3; }
  string name = 12;
}
// Every notification message (RunCompletionNotificationMessage, SleepCompletion…, CallCompletion…,
// CallInvocationIdCompletion…, SignalNotificationMessage) shares these field numbers (NotificationTemplate in
// protocol.proto), so one message encodes them all; the frame type says which it is.
message NotificationTemplate {
  oneof id { uint32 completion_id = 1; uint32 signal_id = 2; string signal_name = 3; }
  oneof result { Void void = 4; Value value = 5; Failure failure = 6; string invocation_id = 16; StateKeys state_keys = 17; }
}
message StateKeys { repeated bytes keys = 1; }
`;
