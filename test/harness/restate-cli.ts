// The `restate` CLI (npm @restatedev/restate) against a harness server: `restate sql --json/--jsonl`, the exports a
// user pastes. The CLI reads the admin address from RESTATE_ADMIN_URL; its config home is a throwaway directory.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { restateBinary } from './restate';

/** Runs `restate sql <format> <sql>`; returns stdout and stderr as printed (the row count line goes to stderr). */
export async function restateSql(
  adminUrl: string,
  format: '--json' | '--jsonl',
  sql: string,
  options: { timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  const configHome = await mkdtemp(path.join(os.tmpdir(), 'ri-restate-cli-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(restateBinary('restate'), ['sql', format, sql], {
        env: { ...process.env, RESTATE_ADMIN_URL: adminUrl, RESTATE_CLI_CONFIG_HOME: configHome },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve({ stdout, stderr });
        else reject(new Error(`restate sql exited with ${code ?? signal}: ${stderr}`));
      });
    });
  } finally {
    await rm(configHome, { recursive: true, force: true });
  }
}
