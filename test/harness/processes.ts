// Child processes for the harness: each runs in its own process group (so the whole tree can be stopped), keeps the
// tail of its output for error messages, and is killed when the test process exits, even on a crash.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';

const TAIL_LINES_MAX = 60;
const live = new Set<ManagedProcess>();

const dirsToRemove = new Set<string>();

/** Removes `dir` when this process exits or is signalled, if `stop()` did not get to it first. */
export function removeOnExit(dir: string): () => void {
  dirsToRemove.add(dir);
  return () => dirsToRemove.delete(dir);
}

function killAll(): void {
  for (const proc of live) proc.killGroup('SIGKILL');
  for (const dir of dirsToRemove) rmSync(dir, { recursive: true, force: true });
  dirsToRemove.clear();
}

process.once('exit', killAll);
// On a signal, stop the children too, then let the signal do what it would have done without this listener.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

export class ManagedProcess {
  readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private partial = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ) {
    this.child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this);
    this.child.stdout?.on('data', (chunk: Buffer) => this.collect(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.collect(chunk));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        resolve(this.exitInfo);
      });
      this.child.once('error', (error) => {
        this.lines.push(`spawn error: ${error.message}`);
        this.exitInfo = { code: -1, signal: null };
        live.delete(this);
        resolve(this.exitInfo);
      });
    });
  }

  /** Listeners for every complete output line (stdout and stderr). */
  private readonly lineListeners = new Set<(line: string) => void>();

  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  private collect(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      if (this.lines.length > TAIL_LINES_MAX) this.lines.shift();
      for (const listener of this.lineListeners) listener(line);
    }
  }

  get hasExited(): boolean {
    return this.exitInfo !== null;
  }

  describeExit(): string {
    if (!this.exitInfo) return `${this.name} is still running`;
    return `${this.name} exited (code ${this.exitInfo.code}, signal ${this.exitInfo.signal})`;
  }

  /** The last lines of output, for failure messages. */
  tail(): string {
    return [...this.lines, this.partial].filter((l) => l.length > 0).join('\n');
  }

  killGroup(signal: NodeJS.Signals): void {
    if (this.hasExited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /** SIGTERM the group, then SIGKILL it after `graceMs`. Resolves once the process has exited. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.hasExited) return;
    this.killGroup('SIGTERM');
    const timer = setTimeout(() => this.killGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Children of the leader may outlive it: make sure the whole group is gone.
    this.killGroup('SIGKILL');
  }
}

/** A port that was free a moment ago on 127.0.0.1 (bind port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Thrown by a probe to stop polling at once (e.g. the process being waited for has exited). */
export class StopPolling extends Error {}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `describe()` (which should say what was last seen).
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; what: string; describe?: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof StopPolling) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = options.describe?.() ?? (lastError instanceof Error ? lastError.message : String(lastError ?? ''));
      throw new Error(
        `Timed out after ${options.timeoutMs} ms waiting for ${options.what}${detail ? `: ${detail}` : ''}`,
      );
    }
    await sleep(options.intervalMs ?? 50);
  }
}
