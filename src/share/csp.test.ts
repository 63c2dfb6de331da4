import { expect, it } from 'vitest';
import { CSP_DIRECTIVES, cspContent, cspMetaTag, WORKER_CSP_DIRECTIVES } from './csp';

it('allows scripts only from the site itself (no inline scripts, no eval); WebAssembly may compile, nothing more', () => {
  expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(cspContent()).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
});

it("gives the engine Worker's own response the page's policy plus eval (scenario and handler code), nothing else", () => {
  expect(WORKER_CSP_DIRECTIVES['script-src']).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]);
  const { 'script-src': _worker, ...workerRest } = WORKER_CSP_DIRECTIVES;
  const { 'script-src': _page, ...pageRest } = CSP_DIRECTIVES;
  expect(workerRest).toEqual(pageRest);
});

it('loads code only from the site itself and refuses plugins, base and form targets', () => {
  for (const [name, values] of Object.entries(CSP_DIRECTIVES)) {
    if (name === 'connect-src') continue;
    for (const v of values)
      expect(`${name} ${v}`).toMatch(/ ('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|data:|blob:)$/);
  }
  expect(cspContent()).toContain("object-src 'none'; base-uri 'none'; form-action 'none'");
});

it('is a well-formed meta tag', () => {
  expect(cspMetaTag()).toMatch(/^<meta http-equiv="Content-Security-Policy" content="[^"]+" \/>$/);
});

it('lets ?src= fetch a CORS-enabled journal over https or from loopback, and nothing else over plain http', () => {
  expect(CSP_DIRECTIVES['connect-src']).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
});
