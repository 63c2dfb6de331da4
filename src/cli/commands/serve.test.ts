import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_PATH, isForwardable, startServer, staticFilePath } from './serve';

describe('serve: static files and the read-only admin proxy', () => {
  let upstream: Server;
  let app: Server;
  let base = '';
  const seen: string[] = [];

  beforeAll(async () => {
    // A stand-in upstream that records what reaches it; the real admin API is exercised by the integration tests.
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"rows":[{"partition_key":18446744073709551615}]}');
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const upstreamPort = (upstream.address() as { port: number }).port;
    const dist = mkdtempSync(join(tmpdir(), 'ri-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Replay Inspector</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const started = await startServer({
      distDir: dist,
      adminUrl: `http://127.0.0.1:${upstreamPort}`,
      port: 0,
      host: '127.0.0.1',
    });
    app = started.server;
    base = started.url.replace(/\/$/, '');
  });

  afterAll(() => {
    app?.close();
    upstream?.close();
  });

  it('serves the app, its assets with a JS type, and falls back to index.html', async () => {
    expect(await (await fetch(base + '/')).text()).toContain('<title>Replay Inspector</title>');
    const asset = await fetch(base + '/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(await (await fetch(base + '/tools/inspector/')).text()).toContain('Replay Inspector');
  });

  it('forwards POST /query byte for byte (no precision lost on big numbers)', async () => {
    const res = await fetch(base + '/restate-admin/query', {
      method: 'POST',
      body: '{"query":"select 1"}',
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"rows":[{"partition_key":18446744073709551615}]}');
    expect(seen.at(-1)).toBe('POST /query {"query":"select 1"}');
  });

  it('refuses writes to the admin API', async () => {
    const res = await fetch(base + '/restate-admin/invocations/inv_1/cancel', { method: 'PATCH' });
    expect(res.status).toBe(403);
    expect(seen.some((s) => s.includes('cancel'))).toBe(false);
  });

  it('tells the app where the proxy is', async () => {
    const config = await (await fetch(base + CONFIG_PATH)).json();
    expect(config.proxy).toBe('/restate-admin');
  });

  it('never maps a path outside the dist folder', () => {
    expect(staticFilePath('/srv/dist', '/../etc/passwd')).toBeNull();
    expect(staticFilePath('/srv/dist', '/assets/a.js')).toBe('/srv/dist/assets/a.js');
    expect(staticFilePath('/srv/dist', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFilePath('/srv/dist', '/%E0%A4%A')).toBeNull();
    expect(isForwardable('DELETE', '/deployments/x')).toBe(false);
    expect(isForwardable('GET', '/health')).toBe(true);
  });

  it('answers 502 with the reason when the admin API is down, and never forwards a query elsewhere', async () => {
    const down = await startServer({
      distDir: mkdtempSync(join(tmpdir(), 'ri-dist-')),
      adminUrl: 'http://127.0.0.1:9',
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const res = await fetch(down.url + 'restate-admin/query', { method: 'POST', body: '{"query":"select 1"}' });
      expect(res.status).toBe(502);
      expect((await res.json()).message).toMatch(/http:\/\/127\.0\.0\.1:9 is not reachable/);
    } finally {
      down.server.close();
    }
  });

  it('forwards GET /health but not other paths, and the query string stays on the admin host', async () => {
    const res = await fetch(base + '/restate-admin/health');
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toBe('GET /health ');
    expect((await fetch(base + '/restate-admin/invocations/inv_1', { method: 'DELETE' })).status).toBe(403);
    expect((await fetch(base + '/restate-admin//evil.example/query', { method: 'POST', body: '{}' })).status).toBe(403);
  });
});
