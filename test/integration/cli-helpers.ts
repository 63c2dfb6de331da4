// Helpers of the real-server integration test: the CLI run in-process with captured output, or as a child process.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../../src/cli/io';
import type { FutureTree } from '../../src/model';

/** A CliIo that records stdout and stderr and uses the real file system. */
export function captureIo() {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    readFile: (file) => readFile(file),
    writeFile: (file, data) => writeFile(file, data),
  };
  return { io, out: () => out, err: () => err };
}

/** The leaves of an awaited future tree as future ids (`c1`, `s17`, or `s<name>` for a named signal). */
export function leaves(tree: FutureTree): string[] {
  if (tree.node === 'Single')
    return [tree.completionId !== undefined ? `c${tree.completionId}` : `s${tree.signalIndex ?? tree.signalName}`];
  return tree.children.flatMap(leaves);
}

/** Runs the real command line (tsx-loaded TypeScript) as a child process. */
export function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/replay-inspector.mjs'), ...args], {
      cwd: repoRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
