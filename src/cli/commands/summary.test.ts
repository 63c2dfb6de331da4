import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io';
import { nodeIo } from '../io';
import { run } from './summary';

const SAMPLES = fileURLToPath(new URL('../../../test/fixtures/samples/', import.meta.url));

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    readFile: async (path: string) => new Uint8Array(readFileSync(path)),
    writeFile: async () => undefined,
  };
  return io;
}

describe('replay-inspector summary', () => {
  it.each(['race-timeout', 'run-retry'])(
    'a sample folder prints exactly expected.summary.json (%s)',
    async (sample) => {
      const io = memoryIo();
      expect(await run([`${SAMPLES}${sample}`], io)).toBe(0);
      expect(io.stdout).toBe(readFileSync(`${SAMPLES}${sample}/expected.summary.json`, 'utf8'));
      expect(io.stderr).toContain('skipped');
    },
  );

  it('several files are combined; --format forces a format', async () => {
    const io = memoryIo();
    const dir = `${SAMPLES}run-retry/`;
    expect(await run([`${dir}journal.sql.jsonl`, `${dir}events.query.json`, `${dir}invocation.query.json`], io)).toBe(
      0,
    );
    expect(io.stdout).toBe(readFileSync(`${dir}expected.summary.json`, 'utf8'));
    const forced = memoryIo();
    expect(await run([`${dir}journal.sql.json`, '--format', 'restate-sql-json'], forced)).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ target: null, status: null, transientErrors: 0, entries: 7 });
  });

  it.each(['race-timeout/journal.query.json', 'run-retry/journal.sql.json', 'run-retry/journal.sql.jsonl'])(
    'one file read as a byte stream prints what the whole-file read prints (%s)',
    async (file) => {
      const whole = memoryIo();
      const streamed = Object.assign(memoryIo(), { openRead: nodeIo.openRead });
      expect(await run([`${SAMPLES}${file}`], whole)).toBe(0);
      expect(await run([`${SAMPLES}${file}`], streamed)).toBe(0);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    },
  );

  it('a stream cut short: exit 2 with TRUNCATED and its row', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ri-summary-')), 'cut.json');
    const text = readFileSync(`${SAMPLES}race-timeout/journal.query.json`, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length * 0.7)));
    const io = Object.assign(memoryIo(), { openRead: nodeIo.openRead });
    expect(await run([path], io)).toBe(2);
    expect(io.stderr).toMatch(/^error (TRUNCATED|NOT_JSON)/);
    expect(io.stderr).toContain('at ');
  });

  it('several invocations print a JSON array', async () => {
    const io = memoryIo();
    expect(await run([`${SAMPLES}race-timeout/journal.query.json`, `${SAMPLES}run-retry/journal.query.json`], io)).toBe(
      0,
    );
    const printed = JSON.parse(io.stdout);
    expect(Array.isArray(printed) && printed.map((s: { entries: number }) => s.entries)).toEqual([5, 7]);
  });

  it('bad input: exit 2 and the ReaderError code, location and hint on stderr', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ri-summary-')), 'broken.json');
    writeFileSync(path, '{"rows":[{"id":"inv_1","index":0');
    const io = memoryIo();
    expect(await run([path], io)).toBe(2);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('error TRUNCATED: The file ends in the middle of the JSON');
    expect(io.stderr).toContain(`at ${path}, line 1, offset 32`);
    expect(io.stderr).toContain('hint: ');
  });

  it('usage errors exit 2', async () => {
    const io = memoryIo();
    expect(await run([], io)).toBe(2);
    expect(await run([`${SAMPLES}run-retry`, '--format', 'xml'], io)).toBe(2);
    expect(io.stderr).toContain('unknown --format');
  });
});
