// A worker-scoped fixture for the live-connection specs: a real Restate server with the test services
// (test/harness), and `replay-inspector serve` (startServer) pointed at its admin API and at a snapshot of dist/
// (copied, so a rebuild of dist/ by another run cannot pull assets away mid-test). Everything is stopped in teardown,
// also when a test fails. If the server cannot start, the fixture throws with the reason: the tests fail, never skip.
import { test as base } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../src/cli/commands/serve';
import { startRestateWithService } from '../test/harness/restate';
import { ConnectPanelPage } from './pages/ConnectPanelPage';

export interface LiveRestate {
  /** The inspector served by `replay-inspector serve`, proxying to this server's admin API. */
  appUrl: string;
  adminUrl: string;
  ingressUrl: string;
  /** The test service's side channel (awakeable ids). */
  controlUrl: string;
  /** Serves the same app with a proxy to an admin URL where nothing listens (for the "server down" case). */
  deadAppUrl: string;
}

const DIST = path.join(import.meta.dirname, '..', 'dist');

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

export const test = base.extend<{ connect: ConnectPanelPage }, { restate: LiveRestate }>({
  restate: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dist = await mkdtemp(path.join(os.tmpdir(), 'ri-e2e-dist-'));
      let env: Awaited<ReturnType<typeof startRestateWithService>> | undefined;
      let app: Server | undefined;
      let dead: Server | undefined;
      try {
        await cp(DIST, dist, { recursive: true });
        env = await startRestateWithService();
        const started = await startServer({ distDir: dist, adminUrl: env.server.adminUrl, port: 0, host: '127.0.0.1' });
        app = started.server;
        // Port 9 (discard) on loopback: nothing answers, so the proxy answers 502 like with a stopped server.
        const down = await startServer({ distDir: dist, adminUrl: 'http://127.0.0.1:9', port: 0, host: '127.0.0.1' });
        dead = down.server;
        await use({
          appUrl: started.url,
          adminUrl: env.server.adminUrl,
          ingressUrl: env.server.ingressUrl,
          controlUrl: env.service.controlUrl,
          deadAppUrl: down.url,
        });
      } finally {
        await closeServer(app);
        await closeServer(dead);
        await env?.stop();
        await rm(dist, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  connect: async ({ page }, use) => {
    await use(new ConnectPanelPage(page));
  },
});

export { expect } from '@playwright/test';
