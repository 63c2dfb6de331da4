// The pieces of @restatedev/restate-sdk a replay uses, and the versions it is known to work with: the trace hooks
// the WASM bindings' JS class, which is not public API, so other versions are refused with a clear message.
export const SUPPORTED_SDK_RANGE = '>=1.17.0 <1.18.0';

export interface SdkModules {
  version: string;
  /** `createEndpointHandler` of `@restatedev/restate-sdk/fetch`. */
  createEndpointHandler: (options: {
    services: unknown[];
    logger?: (...args: unknown[]) => void;
    /** Bidirectional streaming (the simulated server, src/sdk-sim); request/response otherwise. */
    bidirectional?: boolean;
  }) => (request: Request) => Promise<Response>;
  /** `WasmVM` of dist/endpoint/handlers/vm/sdk_shared_core_wasm_bindings.js. */
  WasmVM: { prototype: object };
}

export class SdkVersionError extends Error {
  constructor(version: string) {
    super(
      `@restatedev/restate-sdk ${version} is not supported by sdk-replay (supported: ${SUPPORTED_SDK_RANGE}); install a supported version next to the handler module`,
    );
    this.name = 'SdkVersionError';
  }
}

export function checkSdkVersion(version: string): void {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match || Number(match[1]) !== 1 || Number(match[2]) !== 17) throw new SdkVersionError(version);
}
