// Starts a real Restate server (from the @restatedev/restate-server npm package) and the test services, and talks to
// them. Everything binds 127.0.0.1 on free ports, lives in a temporary base dir, and is stopped by `stop()`.
// Used by test/integration, scripts/capture-fixtures.ts and the bench.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from './admin';
import { ManagedProcess, StopPolling, freePort, pollUntil, removeOnExit } from './processes';

export { pollUntil } from './processes';
export * from './admin';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The native binary of an @restatedev platform package (skips the Node wrapper, so signals reach the binary). */
export function restateBinary(name: 'restate-server' | 'restate'): string {
  const pkg = name === 'restate-server' ? '@restatedev/restate-server' : '@restatedev/restate';
  try {
    return require.resolve(`${pkg}-${os.platform()}-${os.arch()}/bin/${name}`);
  } catch {
    return path.join(repoRoot, 'node_modules', '.bin', name);
  }
}

export interface RestateServer {
  ingressUrl: string;
  adminUrl: string;
  baseDir: string;
  /** How long the server took from spawn to both ingress and admin answering /health. */
  startupMs: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

// Fast retries so tests with transient failures take milliseconds, not seconds (the default starts at 500 ms).
// Two partitions start faster than the default 24 and are plenty for tests.
const CONFIG = `
node-name = "replay-inspector-test"
cluster-name = "replay-inspector-test"
default-num-partitions = 2
disable-telemetry = true
log-filter = "warn,restate=info"
log-disable-ansi-codes = true

[default-retry-policy]
initial-interval = "20ms"
exponentiation-factor = 1.5
max-interval = "100ms"
max-attempts = 200
on-max-attempts = "pause"
`;

export async function startRestate(options: { startTimeoutMs?: number } = {}): Promise<RestateServer> {
  const baseDir = await mkdtemp(path.join(os.tmpdir(), 'ri-restate-'));
  const forgetDir = removeOnExit(baseDir);
  const [ingressPort, adminPort, nodePort] = await distinctFreePorts(3);
  const configFile = path.join(baseDir, 'config.toml');
  await writeFile(configFile, CONFIG);
  const started = Date.now();
  const proc = new ManagedProcess(
    'restate-server',
    restateBinary('restate-server'),
    [
      '--no-logo',
      '--config-file',
      configFile,
      '--base-dir',
      path.join(baseDir, 'data'),
      '--listen-mode',
      'tcp',
      '--bind-address',
      `127.0.0.1:${nodePort}`,
      '--advertised-address',
      `http://127.0.0.1:${nodePort}/`,
    ],
    {
      cwd: baseDir,
      env: {
        ...process.env,
        RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${adminPort}`,
        RESTATE_ADMIN__ADVERTISED_ADMIN_ENDPOINT: `http://127.0.0.1:${adminPort}/`,
        RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${ingressPort}`,
        RESTATE_INGRESS__ADVERTISED_INGRESS_ENDPOINT: `http://127.0.0.1:${ingressPort}/`,
      },
    },
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await proc.stop();
    await rm(baseDir, { recursive: true, force: true });
    forgetDir();
  };
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const ingressUrl = `http://127.0.0.1:${ingressPort}`;
  try {
    await pollUntil(
      async () => {
        if (proc.hasExited) throw new StopPolling(proc.describeExit());
        const [admin, ingress] = await Promise.all([isOk(`${adminUrl}/health`), isOk(`${ingressUrl}/restate/health`)]);
        return admin && ingress ? true : undefined;
      },
      {
        timeoutMs: options.startTimeoutMs ?? 60_000,
        intervalMs: 50,
        what: 'restate-server to answer /health',
        describe: () => proc.describeExit(),
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const tail = proc.tail();
    await stop();
    throw new Error(`Restate server did not start: ${reason}\n--- restate-server output (tail) ---\n${tail}`, {
      cause: error,
    });
  }
  return { ingressUrl, adminUrl, baseDir, startupMs: Date.now() - started, process: proc, stop };
}

export interface ServiceProcess {
  /** The SDK endpoint, to register with the server. */
  url: string;
  /** The side channel (awakeable ids, attempt counts); see test/restate-service/main.ts. */
  controlUrl: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts test/restate-service as a process (tsx) and waits for its READY line. */
export async function startService(options: { startTimeoutMs?: number } = {}): Promise<ServiceProcess> {
  const proc = new ManagedProcess(
    'restate-service',
    process.execPath,
    ['--import', 'tsx', 'test/restate-service/main.ts'],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  const ready = new Promise<{ port: number; controlPort: number }>((resolve) => {
    const off = proc.onLine((line) => {
      if (!line.startsWith('READY ')) return;
      off();
      resolve(JSON.parse(line.slice('READY '.length)));
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const ports = await Promise.race([
      ready,
      proc.exited.then(() => Promise.reject(new Error(proc.describeExit()))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no READY line in time')), options.startTimeoutMs ?? 30_000);
      }),
    ]);
    return {
      url: `http://127.0.0.1:${ports.port}`,
      controlUrl: `http://127.0.0.1:${ports.controlPort}`,
      process: proc,
      stop: () => proc.stop(),
    };
  } catch (error) {
    await proc.stop();
    throw new Error(
      `Test service did not start: ${(error as Error).message}\n--- service output (tail) ---\n${proc.tail()}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Server + service + registration, stopped together. The usual beforeAll of an integration test file. */
export async function startRestateWithService(): Promise<{
  server: RestateServer;
  service: ServiceProcess;
  stop(): Promise<void>;
}> {
  const [server, service] = await Promise.allSettled([startRestate(), startService()]);
  const stopAll = async () => {
    await Promise.all([
      server.status === 'fulfilled' ? server.value.stop() : undefined,
      service.status === 'fulfilled' ? service.value.stop() : undefined,
    ]);
  };
  if (server.status === 'rejected' || service.status === 'rejected') {
    await stopAll();
    const reasons = [server, service]
      .filter((r) => r.status === 'rejected')
      .map((r) => String((r as PromiseRejectedResult).reason?.message ?? r));
    throw new Error(reasons.join('\n\n'));
  }
  try {
    await register(server.value.adminUrl, service.value.url);
  } catch (error) {
    const tail = service.value.process.tail();
    await stopAll();
    throw new Error(`${(error as Error).message}\n--- service output (tail) ---\n${tail}`, { cause: error });
  }
  return { server: server.value, service: service.value, stop: stopAll };
}

async function isOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
