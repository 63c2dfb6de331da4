// `replay-inspector serve`: serves the built app and a same-origin proxy to a Restate admin API.
// The admin API sends no CORS headers, so a page on another origin cannot query it; behind this proxy the app's
// Connect panel reaches it as `/restate-admin/...` on its own origin. Only read-only calls are forwarded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io';
import { parseArgs } from '../io';

export const PROXY_PREFIX = '/restate-admin';
export const CONFIG_PATH = '/__replay-inspector/config.json';
const bodyBytesMax = 1 << 20;
const proxyTimeoutMs = 30_000;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface ServeOptions {
  distDir: string;
  adminUrl: string;
  port: number;
  host: string;
}

/** Read-only admin calls the Connect panel needs: SQL introspection, health and version. */
export function isForwardable(method: string, path: string): boolean {
  if (method === 'POST') return path === '/query';
  if (method === 'GET') return /^\/(health|version|openapi|deployments|services)(\/|$|\?)/.test(path);
  return false;
}

/** Maps a URL path to a file inside distDir, or null when it would escape it. */
export function staticFilePath(distDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(distDir);
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > bodyBytesMax) throw new Error(`request body over ${bodyBytesMax} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function proxy(req: IncomingMessage, res: ServerResponse, adminUrl: string, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (!isForwardable(method, path)) {
    res
      .writeHead(403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: `${method} ${path} is not forwarded (read-only proxy)` }));
    return;
  }
  try {
    const body = method === 'POST' ? new Uint8Array(await readBody(req)) : undefined;
    const upstream = await fetch(new URL(path, adminUrl), {
      method,
      body,
      headers: {
        accept: String(req.headers.accept ?? 'application/json'),
        'content-type': String(req.headers['content-type'] ?? 'application/json'),
      },
      signal: AbortSignal.timeout(proxyTimeoutMs),
    });
    const bytes = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    });
    res.end(bytes);
  } catch (error) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ message: `Restate admin API at ${adminUrl} is not reachable: ${(error as Error).message}` }),
    );
  }
}

async function serveStatic(res: ServerResponse, distDir: string, urlPath: string): Promise<void> {
  const file = staticFilePath(distDir, urlPath);
  const found = file
    ? await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    : false;
  // Unknown paths fall back to the app (the app keeps its state in the hash, so any path may be a sub-path).
  const target = found && file ? file : join(distDir, 'index.html');
  const ext = extname(target);
  res.writeHead(200, {
    'content-type': mimeTypes[ext] ?? 'application/octet-stream',
    'cache-control': target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(await readFile(target));
}

export function startServer(options: ServeOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const handle =
      url === CONFIG_PATH
        ? Promise.resolve(
            void res
              .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
              .end(JSON.stringify({ admin: options.adminUrl, proxy: PROXY_PREFIX })),
          )
        : url.startsWith(PROXY_PREFIX + '/')
          ? proxy(req, res, options.adminUrl, url.slice(PROXY_PREFIX.length))
          : serveStatic(res, options.distDir, url);
    handle.catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`replay-inspector serve: ${error.message}`);
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({ server, url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/` });
    });
  });
}

function defaultDistDir(): string {
  return fileURLToPath(new URL('../../../dist', import.meta.url));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseArgs(args, { p: 'port' });
  const adminUrl = flags.get('admin')?.at(-1) ?? 'http://localhost:9070';
  const port = Number(flags.get('port')?.at(-1) ?? 7070);
  const host = flags.get('host')?.at(-1) ?? 'localhost';
  const distDir = flags.get('dist')?.at(-1) ?? defaultDistDir();
  try {
    new URL(adminUrl);
  } catch {
    io.err(`replay-inspector serve: --admin must be a URL such as http://localhost:9070 (got '${adminUrl}')\n`);
    return 2;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`replay-inspector serve: --port must be a port number (got '${flags.get('port')?.at(-1)}')\n`);
    return 2;
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    io.err(`replay-inspector serve: no built app in ${distDir}; building it with vite…\n`);
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      cwd: resolve(distDir, '..'),
    });
    if (build.status !== 0) return 1;
  }
  const { url } = await startServer({ distDir, adminUrl, port, host });
  // `?connect` opens the Connect panel on arrival: the list of the server's recent invocations.
  io.out(
    `Replay Inspector is at ${url}?connect  (admin API ${adminUrl} proxied at ${PROXY_PREFIX}/; Ctrl+C to stop)\n`,
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  return 0;
}
