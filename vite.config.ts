import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaTag } from './src/share/csp.ts';

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
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  preview: { port: 4173, strictPort: false },
});
