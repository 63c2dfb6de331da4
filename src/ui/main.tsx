import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialTheme } from './app/useTheme';
import { useStore } from './store/store';
import { prewarmEngine } from './engine/engineClient';
import { preloadGraph } from './graph/preload';

// Start the engine Worker before the page renders, so opening a file does not wait for it (engineClient.ts).
prewarmEngine({ now: true });
useStore.setState({ theme: initialTheme() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

if (typeof requestIdleCallback === 'function') requestIdleCallback(preloadGraph, { timeout: 2000 });
else setTimeout(preloadGraph, 500);
