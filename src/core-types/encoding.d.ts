// The two host APIs the pure core may use beyond ECMAScript: the WHATWG Encoding API, present in every browser, Web
// Worker and Node. Declared here (only what the core calls) so tsconfig.core.json compiles the core without the DOM
// or Node type libraries: any other host API the core reaches for fails to compile.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
