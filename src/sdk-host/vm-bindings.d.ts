// The SDK's WASM bindings module (dist/endpoint/handlers/vm/sdk_shared_core_wasm_bindings.js), aliased in
// vite.config.ts and vitest.config.ts; only the class the trace patches is typed here.
declare module 'restate-sdk-vm-bindings' {
  export const WasmVM: { prototype: object };
}
