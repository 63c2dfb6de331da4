// The Content-Security-Policy of the built site (docs/hosting.md). Injected as a <meta http-equiv> into dist/index.html
// at build time only: the dev server needs an inline script (React refresh) that this policy rightly refuses.
// - script-src 'self': no inline scripts and no eval on the page. Scenario code runs with `new Function` only inside
//   the engine Worker (src/ui/engine/engine.worker.ts); a dedicated worker loaded from its own URL takes its policy
//   from its own response, not from the page's <meta> (e2e/hosting.spec.ts proves simulation works under this policy).
// - style-src 'unsafe-inline': React style attributes, CodeMirror and xyflow inject styles; styles cannot run code.
// - img-src data: blob:: the favicon is a data: URL; "Timeline as PNG" draws the SVG from a blob: URL.
// - connect-src https:: "open by URL" (`?src=`) must reach a CORS-enabled file on another HTTPS origin (issue 5); the
//   app itself sends nothing anywhere (e2e/security.spec.ts records every request of a full session), and loopback
//   http is allowed for journals served from a developer's own machine.
// - script-src 'wasm-unsafe-eval': the real Restate SDK's VM is WebAssembly, compiled in the engine Worker for
//   "Replay with the real SDK" (src/sdk-host/bundled-sdk.ts). It lets WebAssembly compile and nothing else (no eval
//   of strings); the page itself compiles none, but a host that sends this policy as a header to every file needs it.
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The policy for the engine Worker's own response when a host sends CSP headers (docs/hosting.md): the page's, plus
 * 'unsafe-eval', because scenario and handler code are compiled there (`new Function`, then sandbox.ts lockDown).
 */
export const WORKER_CSP_DIRECTIVES: Record<string, string[]> = {
  ...CSP_DIRECTIVES,
  'script-src': ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
};

export function cspContent(directives: Record<string, string[]> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The tag put first in <head>, so the policy covers everything after it. */
export function cspMetaTag(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${cspContent()}" />`;
}
