// `replay-inspector scan`: huge journals read as a stream, summarised over columns, one JSON line per invocation.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io';
import { nodeIo } from '../io';
import { writeLargeQueryExport } from '../../../test/large-export';
import { run } from './scan';
import { run as summary } from './summary';

const SAMPLES = fileURLToPath(new URL('../../../test/fixtures/samples/', import.meta.url));

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    readFile: async (path: string) => new Uint8Array(readFileSync(path)),
    writeFile: async () => undefined,
    openRead: nodeIo.openRead,
  };
  return io;
}

describe('replay-inspector scan', () => {
  it('a sample: the counts and futures agree with `summary` of the same file', async () => {
    const file = `${SAMPLES}race-timeout/journal.query.json`;
    const io = memoryIo();
    expect(await run([file], io)).toBe(0);
    const lines = io.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const stats = JSON.parse(lines[0]);
    const full = memoryIo();
    expect(await summary([file], full)).toBe(0);
    const expected = JSON.parse(full.stdout);
    expect(stats).toMatchObject({
      invocationId: expected.invocationId,
      entries: expected.entries,
      commands: expected.commands,
      notifications: expected.notifications,
      futures: expected.futures.length,
      completions: expected.completionOrder.length,
    });
    const results: Record<string, number> = {};
    for (const f of expected.futures as { result: string }[]) results[f.result] = (results[f.result] ?? 0) + 1;
    expect(stats.futuresByResult).toEqual(results);
  });

  it('a generated 60,000-entry export, with progress on stderr', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ri-scan-')), 'large.query.json');
    await writeLargeQueryExport(file, 60_000);
    const io = memoryIo();
    expect(await run([file, '--progress'], io)).toBe(0);
    const stats = JSON.parse(io.stdout);
    expect(stats).toMatchObject({
      entries: 60_000,
      commands: 30_000,
      notifications: 30_000,
      futures: 30_000,
      futuresByKind: { Run: 30_000 },
      futuresByResult: { success: 30_000 },
      pending: [],
      completions: 30_000,
    });
    expect(io.stderr).toContain('reading 0 %');
    expect(io.stderr).toContain('reading 100 %');
  });

  it('bad input: exit 2 and the code with its location', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ri-scan-')), 'bad.json');
    writeFileSync(file, '{"rows":[{"id":"inv_1","index":0');
    const io = memoryIo();
    expect(await run([file], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toMatch(/^error (TRUNCATED|NOT_JSON)/);
    expect(await run([], memoryIo())).toBe(2);
  });
});
