import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialTheme } from './app/useTheme';
import { useStore } from './store/store';
import { prewarmEngine } from './engine/engineClient';

useStore.setState({ theme: initialTheme() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start the engine Worker while the user looks at the page, so opening a file does not wait for it.
prewarmEngine();
