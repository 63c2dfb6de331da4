// A large /query export written as a stream, shaped as Restate 1.7's admin API writes sys_journal rows (every
// column): one invocation's Run commands and their notifications, in index order. 1,000,000 entries are ~460 MB.
// Used by the e2e test of loading it in the browser (e2e/large-file.spec.ts) and by the benches (bench/scale.bench.ts).
import { createWriteStream } from 'node:fs';

/** Writes `entries` rows to `file`; resolves to the number of bytes written. */
export async function writeLargeQueryExport(file: string, entries = 1_000_000): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const head =
    '{"partition_key":9243513318310835904,"id":"inv_1gwtuq4YH28w5HYYoGxeypl9Z36BRisoVz","version":2,"appended_at":"2026-11-28T02:04:56.109Z","raw":"5801620766657463682d61","raw_length":11';
  const chunk: string[] = [];
  const flush = async () => {
    const text = chunk.join('');
    chunk.length = 0;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  chunk.push('{"rows":[');
  for (let i = 0; i < entries; i += 1) {
    const id = (i >> 1) + 1;
    const entry =
      i % 2 === 0
        ? `{\\"Command\\":{\\"Run\\":{\\"completion_id\\":${id},\\"name\\":\\"step-${id}\\"}}}`
        : `{\\"Notification\\":{\\"Completion\\":{\\"Run\\":{\\"completion_id\\":${id},\\"result\\":{\\"Success\\":[52]}}}}}`;
    const kind =
      i % 2 === 0 ? `"entry_type":"Command: Run","name":"step-${id}"` : '"entry_type":"Notification: Run","name":null';
    chunk.push(`${i ? ',' : ''}${head},"index":${i},${kind},"entry_json":"${entry}","entry_lite_json":"${entry}"}`);
    if (chunk.length >= 20_000) await flush();
  }
  chunk.push(']}');
  await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return bytes;
}
