import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaTag } from './src/share/csp.ts';
import { sdkAliases } from './src/sdk-host/sdk-aliases.ts';

// The Content-Security-Policy goes into the built index.html only (the dev server needs an inline refresh script).
const csp = {
  name: 'replay-inspector-csp',
  apply: 'build' as const,
  transformIndexHtml: (html: string) => html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${cspMetaTag()}`),
};

// base './' makes the built site work from any sub-path and from file servers (issue 7).
export default defineConfig({
  base: './',
  plugins: [react(), csp],
  // The real SDK in the engine Worker's SDK chunk (src/sdk-host/bundled-sdk.ts): its WASM bindings by file, and
  // browser stand-ins for the two Node built-ins it imports.
  resolve: { alias: sdkAliases({ browser: true }) },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  preview: { port: 4173, strictPort: false },
});
