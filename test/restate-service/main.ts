// Runs the test services as a process: `node --import tsx test/restate-service/main.ts`.
// Listens on free ports of 127.0.0.1 (the SDK endpoint over HTTP/2, plus a small HTTP/1 control endpoint for the
// side channel) and prints one line `READY {"port":…,"controlPort":…}` on stdout once both listen.
import './polyfill';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';

const { createEndpointHandler } = await import('@restatedev/restate-sdk');
const { services } = await import('./services');
const { moreServices } = await import('./more-services');
const { sideChannel } = await import('./side-channel');
const { mismatchServices } = await import('./mismatch-service');
const { codeVersion } = await import('./code-version');
const { liveServices } = await import('./live-service');

function listen(server: http.Server | http2.Http2Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const sdkServer = http2.createServer(
  createEndpointHandler({ services: [...services, ...moreServices, ...mismatchServices, ...liveServices] }),
);

// GET /awakeables/<invocationId> → JSON array of awakeable ids (404 until the handler published them).
// GET /attempts/<invocationId> → number of attempts of the flaky run; GET /attempts/<invocationId>%2Fv<n> → executions
// of Checkout/order with code version n..
// GET /code-version[/<handler>] → the code version of a Checkout handler (default order); POST /code-version/<n> flips
// every handler, POST /code-version/<n>/<handler> one (see mismatch-service.ts).
const controlServer = http.createServer((req, res) => {
  const [, kind, id, handler] = (req.url ?? '').split('/');
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && kind === 'awakeables' && id) {
    const ids = sideChannel.awakeablesOf(decodeURIComponent(id));
    return ids ? reply(200, ids) : reply(404, { message: 'no awakeables published yet' });
  }
  if (req.method === 'GET' && kind === 'attempts' && id)
    return reply(200, sideChannel.attemptsOf(decodeURIComponent(id)));
  if (kind === 'code-version') {
    if (req.method === 'GET') return reply(200, codeVersion.get(id ? decodeURIComponent(id) : 'order'));
    const version = Number(id);
    if (req.method === 'POST' && Number.isInteger(version) && version > 0) {
      codeVersion.set(version, handler ? decodeURIComponent(handler) : undefined);
      return reply(200, version);
    }
    return reply(400, { message: 'POST /code-version/<positive integer>[/<handler>]' });
  }
  reply(404, { message: 'unknown path' });
});

const [port, controlPort] = await Promise.all([listen(sdkServer), listen(controlServer)]);
process.stdout.write(`READY ${JSON.stringify({ port, controlPort })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    sdkServer.close();
    controlServer.close();
    process.exit(0);
  });
}
