// One real Restate server (and the test services) for a whole integration file, started before its tests and
// stopped after them, with a temporary folder for the files the tests write. A server that fails to start fails
// each test that asks for it, with the start error, instead of hanging the file.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startRestateWithService } from '../harness/restate';

type RestateEnv = Awaited<ReturnType<typeof startRestateWithService>>;

export function restateSuite(tmpPrefix: string): { ready(): RestateEnv; workDir(): string } {
  let env: RestateEnv | undefined;
  let startError: Error | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), tmpPrefix));
    try {
      env = await startRestateWithService();
    } catch (error) {
      startError = error instanceof Error ? error : new Error(String(error));
    }
  });
  afterAll(async () => {
    await env?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    ready() {
      if (startError) throw startError;
      if (!env) throw new Error('the Restate server did not start (see beforeAll)');
      return env;
    },
    workDir: () => dir,
  };
}
