// A plain static file server for the hosting test: dist/ mounted under a sub-path (like a GitHub Pages project site
// or /tools/inspector/ on an intranet server). Hashed assets get a long immutable cache, index.html none.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** e.g. http://127.0.0.1:41234/tools/inspector/ */
  url: string;
  close(): Promise<void>;
}

/** Extra response headers for a file (its path under the mount, e.g. `index.html`, `assets/x.js`). */
export type HeadersFor = (rel: string) => Record<string, string>;

export async function serveStatic(root: string, mount: string, headersFor?: HeadersFor): Promise<StaticSite> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === mount.replace(/\/$/, '')) {
      res.writeHead(301, { location: mount }).end();
      return;
    }
    if (!pathname.startsWith(mount)) {
      res.writeHead(404).end('not here');
      return;
    }
    const rel = pathname.slice(mount.length) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const hashed = rel.startsWith('assets/');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headersFor?.(rel),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
