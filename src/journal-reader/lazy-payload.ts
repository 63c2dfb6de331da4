// A success result whose payload is decoded from entry_json only when first read. Decoding every payload up front costs
// more than parsing the whole export (bench/reader.bench.ts), and most payloads are never looked at.
// `payload` is an OWN enumerable accessor, so JSON.stringify, structuredClone (the Worker → page hop), spread and
// Vitest's toEqual all see a plain `{ kind, payload }`; the first read replaces it with a data property. The entry_json
// string lives in a private field (invisible to those), and the accessor is one shared function: V8 keeps one hidden
// class for all such results, which is what makes this cheap (measured ~8× cheaper than a closure per object).
// The row scanner (row-scan.ts) gives entry_json as it stands in the row's text, still escaped inside its JSON string
// (a slice of the chunk: nothing copied); it is unescaped here, on the first read, with JSON.parse of that string.
import type { Payload } from '../model';
import { scanSuccessPayload } from './payload-scan';

let sourceOf: (result: LazySuccess) => { json: string; isInput: boolean; escaped: boolean };

function readPayload(this: LazySuccess): Payload | undefined {
  const source = sourceOf(this);
  const isInput = source.isInput;
  // The row scanner checked that the slice is the inside of a valid JSON string.
  const json = source.escaped ? (JSON.parse(`"${source.json}"`) as string) : source.json;
  const payload = scanSuccessPayload(json, isInput) ?? payloadFromFullJson(json, isInput);
  Object.defineProperty(this, 'payload', { value: payload, enumerable: true, writable: true, configurable: true });
  return payload;
}

const PAYLOAD_ACCESSOR: PropertyDescriptor = { get: readPayload, enumerable: true, configurable: true };

export class LazySuccess {
  readonly kind = 'success' as const;
  declare payload?: Payload;
  #json: string;
  #isInput: boolean;
  #escaped: boolean;

  /** `escaped`: `entryJson` is the text between the quotes of the entry_json string in the row's JSON. */
  constructor(entryJson: string, isInput: boolean, escaped = false) {
    this.#json = entryJson;
    this.#isInput = isInput;
    this.#escaped = escaped;
    Object.defineProperty(this, 'payload', PAYLOAD_ACCESSOR);
  }

  static {
    sourceOf = (result) => ({ json: result.#json, isInput: result.#isInput, escaped: result.#escaped });
  }
}

let payloadFromFullJson: (json: string, isInput: boolean) => Payload | undefined = () => undefined;

/** Wired by entry-v2.ts (which knows the entry shapes) to avoid an import cycle. */
export function setFullJsonPayloadReader(reader: (json: string, isInput: boolean) => Payload | undefined): void {
  payloadFromFullJson = reader;
}
